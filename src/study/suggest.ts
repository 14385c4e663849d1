/**
 * "Did you mean …?" for a name that is not known: the closest known name by edit distance
 * (insertions, deletions, substitutions and swaps of two neighbouring characters count one
 * each; the optimal string alignment distance), when one candidate is clearly the closest.
 */

/** Optimal string alignment distance between two strings (by code point). */
export function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  const rows = x.length + 1;
  const cols = y.length + 1;
  const d = new Int32Array(rows * cols);
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      let best = Math.min(d[(i - 1) * cols + j] + 1, d[i * cols + j - 1] + 1, d[(i - 1) * cols + j - 1] + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) best = Math.min(best, d[(i - 2) * cols + j - 2] + 1);
      d[i * cols + j] = best;
    }
  }
  return d[rows * cols - 1];
}

/**
 * The one candidate closest to `name`, at most `max` edits away (default: 1 for names of up to
 * 4 characters, 2 beyond); null when none is that close or two are equally close.
 */
export function closest(name: string, candidates: Iterable<string>, max = [...name].length <= 4 ? 1 : 2): string | null {
  let best: string | null = null;
  let bestDistance = Infinity;
  let tie = false;
  for (const c of candidates) {
    if (c === name) continue;
    const dist = editDistance(name, c);
    if (dist < bestDistance) {
      best = c;
      bestDistance = dist;
      tie = false;
    } else if (dist === bestDistance && c !== best) {
      tie = true;
    }
  }
  return best !== null && !tie && bestDistance <= max ? best : null;
}
