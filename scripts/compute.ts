// Computes a study's results without the site:
// `npm run compute -- [--study <folder>] [--out <folder>]` writes results.json and downloads/.
import { parseArgs } from "node:util";
import { computeStudy } from "../src/cli/build.ts";
import { runCli } from "../src/cli/main.ts";

await runCli(async () => {
  const { values } = parseArgs({
    options: {
      study: { type: "string", default: "data/nqp" },
      out: { type: "string", default: ".cache/results" },
    },
  });
  computeStudy(values.study, values.out, { info: (m) => console.log(m) });
});
