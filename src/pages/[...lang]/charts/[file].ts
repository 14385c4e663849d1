// Each chart's own files: its data as CSV (UTF-8 with a byte-order mark) and its standalone SVG.
import type { APIRoute } from "astro";
import { results } from "../../../site/results.ts";
import { catalogue, type ChartSpec } from "../../../site/catalogue.ts";
import { langPaths, type Lang } from "../../../i18n/lang.ts";

export function getStaticPaths() {
  const r = results();
  return langPaths().flatMap(({ params, props }) =>
    [...catalogue(r, props.lang).keys()].flatMap((id) => [
      { params: { ...params, file: `${id}.csv` }, props: { ...props, id, kind: "csv" } },
      { params: { ...params, file: `${id}.svg` }, props: { ...props, id, kind: "svg" } },
    ]),
  );
}

function csv(chart: ChartSpec): string {
  const cell = (v: string | number | null) => {
    if (v === null) return "";
    const s = String(v);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return "\uFEFF" + [chart.columns, ...chart.rows].map((row) => row.map(cell).join(",")).join("\r\n") + "\r\n";
}

export const GET: APIRoute = ({ props }) => {
  const { lang, id, kind } = props as { lang: Lang; id: string; kind: "csv" | "svg" };
  const chart = catalogue(results(), lang).get(id) as ChartSpec;
  return new Response(kind === "csv" ? csv(chart) : chart.standalone);
};
