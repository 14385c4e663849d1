/**
 * The loader's reasons for dropping a data row (src/study/load.ts, DROP), in the page's
 * language. A reason not listed here is shown as written.
 */
import { DROP } from "../study/load.ts";
import type { Lang } from "./lang.ts";

const zh: Record<string, string> = {
  [DROP.invalid]: "无效行（已作为错误报告）",
  [DROP.aggregate]: "全国或地区合计行，不是研究单元",
  [DROP.unused]: "未被任何指标公式使用的序列",
  [DROP.empty]: "空值（按缺失处理）",
  [DROP.unit]: "不在研究样本中的单元",
  [DROP.year]: "研究期以外的年份",
  [DROP.duplicate]: "与前面某行完全重复",
};

export function dropReason(reason: string, lang: Lang): string {
  return lang === "en" ? reason : zh[reason] ?? reason;
}
