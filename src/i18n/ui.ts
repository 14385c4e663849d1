/**
 * The interface strings shared by every page, in both languages side by side. Page-specific
 * text lives with its page; sentences about results are generated in src/site/findings.ts.
 */
import type { Lang } from "./lang.ts";

const en = {
  skip: "Skip to content",
  search: "Search",
  sections: "Report sections",
  source: "Source",
  dataCsv: "Data (CSV)",
  imageSvg: "Image (SVG)",
  showTable: "Show the data as a table",
  footer: (first: number, last: number, licence: string) =>
    `Every figure on this site is computed from the study data (${first}–${last}) by the build of this site; nothing is typed in by hand. Licence of the results: ${licence}.`,
  footerData: "Data and downloads",
  footerCite: "How to cite",
  footerReproduce: "How to reproduce",
  version: (version: string, date: string | null) => `Version ${version}${date ? `, ${date}` : ""}`,
  stackedTitle: "Stacked sample.",
  noMap: "This study defines no map.",
  na: "n/a",
};

const zh: typeof en = {
  skip: "跳到正文",
  search: "搜索",
  sections: "报告章节",
  source: "来源",
  dataCsv: "数据（CSV）",
  imageSvg: "图片（SVG）",
  showTable: "以表格显示数据",
  footer: (first: number, last: number, licence: string) =>
    `本站所有数字均由本站构建程序根据研究数据（${first}—${last}年）计算生成，无任何手工录入。结果的许可协议：${licence}。`,
  footerData: "数据与下载",
  footerCite: "引用方式",
  footerReproduce: "复现方法",
  version: (version: string, date: string | null) => `版本 ${version}${date ? `，${date}` : ""}`,
  stackedTitle: "叠加样本。",
  noMap: "本研究未定义地图。",
  na: "无",
};

export const ui: Record<Lang, typeof en> = { en, zh };
