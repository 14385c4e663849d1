/**
 * The valid names close to an unknown one, for messages: the candidates nearest by edit
 * distance (ignoring case), best first; all of them when there are few.
 */
import { editDistance } from "../study/suggest.ts";

/** Up to `limit` candidates closest to `name`; every candidate when there are at most `limit`. */
export function closeNames(name: string, candidates: Iterable<string>, limit = 8): string[] {
  const unique = [...new Set(candidates)];
  if (unique.length <= limit) return [...unique].sort((a, b) => distance(name, a) - distance(name, b));
  const scored = unique.map((c) => [c, distance(name, c)] as const).sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]));
  return scored.slice(0, limit).map(([c]) => c);
}

const distance = (a: string, b: string) => editDistance(a.toLowerCase(), b.toLowerCase());

/** "unknown region "yrdd"; valid names close to it: yrd, yrb, …". */
export function unknownName(what: string, name: string, candidates: Iterable<string>): string {
  const close = closeNames(name, candidates);
  return `unknown ${what} "${name}"; valid names close to it: ${close.join(", ")}`;
}
