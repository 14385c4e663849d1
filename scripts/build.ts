// Builds the report site: `npm run build` (the default study) or
// `npm run build -- --study <folder> [--out <folder>] [--base /sub/path/]`.
import { parseArgs } from "node:util";
import { buildSite } from "../src/cli/build.ts";
import { runCli } from "../src/cli/main.ts";

await runCli(async () => {
  const { values } = parseArgs({
    options: {
      study: { type: "string", default: "data/nqp" },
      out: { type: "string", default: "dist" },
      base: { type: "string" },
    },
  });
  await buildSite({ study: values.study, outDir: values.out, base: values.base, log: { info: (m) => console.log(m) } });
});
