/**
 * The site's two languages. English pages live at the site root and Chinese (zh-CN) pages under
 * `zh/` with the same slugs; every page has both, and each links to its counterpart.
 */
import type { LocalText } from "../study/schema.ts";

export type Lang = "en" | "zh";

export const langs: readonly Lang[] = ["en", "zh"];

/** The value of the `lang` attribute and of hreflang for each language. */
export const htmlLang: Record<Lang, string> = { en: "en", zh: "zh-CN" };

/** The language's own name, for the language switch. */
export const langName: Record<Lang, string> = { en: "English", zh: "中文" };

/** The path prefix of a language inside the site ("" or "zh/"). */
export const langPrefix: Record<Lang, string> = { en: "", zh: "zh/" };

/**
 * getStaticPaths entries for the `[...lang]` routes: no segment for English, `zh` for Chinese.
 * A fresh list on every call (Astro keeps its own state on the entries).
 */
export function langPaths(): { params: { lang: string | undefined }; props: { lang: Lang } }[] {
  return langs.map((lang) => ({ params: { lang: lang === "en" ? undefined : lang }, props: { lang } }));
}

/** The language of a `[...lang]` route parameter; anything but "zh" is English. */
export function langOf(param: string | undefined): Lang {
  return param === "zh" ? "zh" : "en";
}

/** The text of a bilingual field in one language. */
export function pick(text: LocalText, lang: Lang): string {
  return text[lang];
}

/** A page's path inside the site (no base, no leading slash) in a language: "levels/" → "zh/levels/". */
export function localPath(lang: Lang, slug: string): string {
  return langPrefix[lang] + slug.replace(/^\//, "");
}
