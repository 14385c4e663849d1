// The Excel workbook and the zip of everything, written at build time.
import type { APIRoute } from "astro";
import { results } from "../../site/results.ts";
import { exports, workbookName, zipName } from "../../site/exports.ts";

export function getStaticPaths() {
  const r = results();
  return [{ params: { file: workbookName(r) } }, { params: { file: zipName(r) } }];
}

export const GET: APIRoute = ({ params }) => {
  const r = results();
  const files = exports(r);
  const bytes = params.file === workbookName(r) ? files.workbook : files.zip;
  return new Response(bytes as unknown as BodyInit);
};
