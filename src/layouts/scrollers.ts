/**
 * A box that scrolls sideways when its content is wider than the page (a table, a long formula)
 * can be scrolled from the keyboard only when it can take focus. Chromium and Firefox focus such
 * boxes by themselves, Safari does not: each one gets tabindex="0" (WCAG 2.1.1; axe's
 * scrollable-region-focusable). Pages write these boxes as <div class="table-wrap">, and KaTeX
 * writes its display formulas as <span class="katex-display">.
 */
const scroller = /<(div|span) class="(table-wrap|katex-display)"(?![^>]*\stabindex=)/g;

/** The page's HTML with every sideways-scrolling box reachable by the keyboard. */
export function focusableScrollers(html: string): string {
  return html.replace(scroller, '<$1 class="$2" tabindex="0"');
}
