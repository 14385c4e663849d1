// Times the numeric core on a seeded synthetic county-scale panel: `npm run bench`.
//
// 2,850 units × 20 years × 40 indicators in 3 dimensions and 8 overlapping regions, run through
// every step a study's results take (entropy weights, TOPSIS and sub-indices, Dagum and Theil
// per year on the stacked sample, kernel densities, Jenks breaks, growth). Prints the wall time
// of each step, the total and the peak memory, then the O(n²) Dagum and the O(k m²) Jenks on
// one year against the fast versions, once their results have been checked equal. A benchmark,
// not a test: the figures depend on the machine; docs/benchmark.md records them.

import * as core from "../src/core/index.ts";
import { jenksQuadratic } from "../src/core/jenks.ts";

const UNITS = 2850;
const YEARS = 20;
const DIMENSIONS = [14, 13, 13];
const REGIONS = 8;
const CLASSES = 5;
/** Share of units that also belong to a second region. */
const SECOND_REGION = 0.1;
const TARGET_MS = 2000;
const TARGET_MB = 1024;
const TARGET_BYTES = TARGET_MB * 2 ** 20;
/** Least speed-up of the fast Dagum over the O(n²) sums. */
const TARGET_RATIO = 50;
/** Relative difference allowed between the O(n²) and the fast Dagum results. */
const DAGUM_TOLERANCE = 1e-12;

/**
 * Seeded uniform numbers in [0, 1): a Weyl sequence hashed by MurmurHash3's 32-bit finaliser,
 * in the manner of SplitMix (Steele, Lea & Flood 2014).
 */
function splitmix(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return ((z ^ (z >>> 16)) >>> 0) / 4294967296;
  };
}

/** Standard normal numbers from `uniform` by Box and Muller (1958). */
function normal(uniform: () => number): () => number {
  return () => {
    const u = 1 - uniform();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * uniform());
  };
}

interface Panel {
  /** `columns[j][t * UNITS + u]`: indicator j of unit u in year t (years stacked). */
  columns: Float64Array[];
  directions: core.Direction[];
  /** Indicators of each dimension. */
  dimensions: number[][];
  /** Member units of each region; about a tenth of the units sit in two. */
  regions: number[][];
}

/**
 * Log-normal indicators driven by one latent level per unit and dimension that grows at a
 * unit's own rate, with indicator-specific scale, loading and noise. Every fifth indicator is
 * negative (a cost such as emissions per unit of output): it falls as the level rises.
 */
function syntheticPanel(seed: number): Panel {
  const uniform = splitmix(seed);
  const gauss = normal(uniform);
  const D = DIMENSIONS.length;
  const M = DIMENSIONS.reduce((a, b) => a + b, 0);

  const dimensions: number[][] = [];
  let next = 0;
  for (const size of DIMENSIONS) {
    dimensions.push(Array.from({ length: size }, (_, i) => next + i));
    next += size;
  }
  const dimensionOf = new Int32Array(M);
  dimensions.forEach((members, d) => members.forEach((j) => (dimensionOf[j] = d)));
  const directions: core.Direction[] = Array.from({ length: M }, (_, j) => (j % 5 === 4 ? -1 : 1));

  const regionOf = new Int32Array(UNITS);
  const level = new Float64Array(UNITS * D);
  const rate = new Float64Array(UNITS * D);
  for (let u = 0; u < UNITS; ++u) {
    regionOf[u] = Math.floor(uniform() * REGIONS);
    const regional = 0.25 * (regionOf[u] - (REGIONS - 1) / 2);
    for (let d = 0; d < D; ++d) {
      level[u * D + d] = regional + 0.6 * gauss();
      rate[u * D + d] = 0.04 + 0.02 * gauss();
    }
  }
  const regions: number[][] = Array.from({ length: REGIONS }, () => []);
  for (let u = 0; u < UNITS; ++u) {
    regions[regionOf[u]].push(u);
    if (uniform() < SECOND_REGION) {
      regions[(regionOf[u] + 1 + Math.floor(uniform() * (REGIONS - 1))) % REGIONS].push(u);
    }
  }

  const columns: Float64Array[] = [];
  for (let j = 0; j < M; ++j) {
    const scale = Math.exp(2 + 4 * uniform());
    const loading = (0.5 + uniform()) * directions[j];
    const noise = 0.2 + 0.3 * uniform();
    const d = dimensionOf[j];
    const column = new Float64Array(UNITS * YEARS);
    for (let t = 0; t < YEARS; ++t) {
      for (let u = 0; u < UNITS; ++u) {
        const latent = level[u * D + d] + rate[u * D + d] * t;
        column[t * UNITS + u] = scale * Math.exp(loading * latent + noise * gauss());
      }
    }
    columns.push(column);
  }
  return { columns, directions, dimensions, regions };
}

/** Wall time and memory of each step, with the RSS high-water mark sampled between steps. */
class Timer {
  readonly steps: { name: string; ms: number }[] = [];
  peakRss = process.memoryUsage.rss();

  run<T>(name: string, step: () => T): T {
    const start = performance.now();
    const result = step();
    this.steps.push({ name, ms: performance.now() - start });
    this.peakRss = Math.max(this.peakRss, process.memoryUsage.rss());
    return result;
  }
}

/** Largest relative difference between two results of the same layout; throws on a mismatch. */
function maxRelativeDifference(a: unknown, b: unknown, path = "result"): number {
  if (typeof a === "number" && typeof b === "number") {
    if (a === b) return 0;
    return Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b));
  }
  if (a !== null && b !== null && typeof a === "object" && typeof b === "object") {
    const keys = Object.keys(a);
    if (keys.join() !== Object.keys(b).join()) throw new Error(`${path}: the keys differ`);
    let worst = 0;
    for (const key of keys) {
      const x = (a as Record<string, unknown>)[key];
      const y = (b as Record<string, unknown>)[key];
      worst = Math.max(worst, maxRelativeDifference(x, y, `${path}.${key}`));
    }
    return worst;
  }
  if (a !== b) throw new Error(`${path}: ${String(a)} differs from ${String(b)}`);
  return 0;
}

/** Wall time of one run in milliseconds, and its result. */
function timed<T>(step: () => T): [number, T] {
  const start = performance.now();
  const result = step();
  return [performance.now() - start, result];
}

/** Best of `times` runs, in milliseconds. */
function fastest(times: number, step: () => unknown): number {
  let best = Infinity;
  for (let r = 0; r < times; ++r) {
    const start = performance.now();
    step();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

const ms = (x: number): string => `${x.toFixed(x < 10 ? 1 : 0)} ms`;
const mb = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(0)} MB`;
const line = (label: string, value: string, note = ""): string =>
  `${label.padEnd(34)}${value.padStart(10)}${note === "" ? "" : `   ${note}`}`;
const times = (ratio: number): string => `${ratio.toFixed(0)}×`;
const target = (goal: string, met: boolean): string => `target ${goal}: ${met ? "met" : "MISSED"}`;

const synthesisStart = performance.now();
const panel = syntheticPanel(20240611);
const synthesisMs = performance.now() - synthesisStart;
const N = UNITS * YEARS;

// The stacked sample of one year: each membership one observation.
const stackedUnits: number[] = [];
const stackedLabels: string[] = [];
panel.regions.forEach((members, g) => {
  for (const u of members) {
    stackedUnits.push(u);
    stackedLabels.push(`R${g + 1}`);
  }
});
const stackedOf = (score: Float64Array, t: number): Float64Array =>
  Float64Array.from(stackedUnits, (u) => score[t * UNITS + u]);

const timer = new Timer();
const entropy = timer.run("entropy weights (panel)", () =>
  core.entropyWeights(panel.columns, panel.directions, { scope: "panel" }),
);
const composite = timer.run("TOPSIS composite", () =>
  core.topsis(entropy.z, entropy.weights).closeness,
);
timer.run("TOPSIS sub-indices (3)", () =>
  panel.dimensions.map((indicators) => core.topsis(entropy.z, entropy.weights, { indicators })),
);
const samples = timer.run(`stacked samples per year (${YEARS})`, () =>
  Array.from({ length: YEARS }, (_, t) => stackedOf(composite, t)),
);
timer.run(`Dagum per year (${YEARS})`, () => samples.map((y) => core.dagum(y, stackedLabels)));
timer.run(`Theil per year (${YEARS})`, () => samples.map((y) => core.theil(y, stackedLabels)));
const yearOf = (t: number): Float64Array => composite.subarray(t * UNITS, (t + 1) * UNITS);
timer.run(`kernel density per year (${YEARS})`, () =>
  Array.from({ length: YEARS }, (_, t) => core.kde(yearOf(t), { bandwidth: "nrd0", nPoints: 512 })),
);
timer.run(`Jenks k = ${CLASSES} per year (${YEARS})`, () =>
  Array.from({ length: YEARS }, (_, t) => core.jenks(yearOf(t), CLASSES)),
);
timer.run(`Jenks k = ${CLASSES} pooled (${N})`, () => core.jenks(composite, CLASSES));
timer.run("growth per unit and region", () => {
  const series = new Float64Array(YEARS);
  const units = new Float64Array(UNITS);
  for (let u = 0; u < UNITS; ++u) {
    for (let t = 0; t < YEARS; ++t) series[t] = composite[t * UNITS + u];
    units[u] = core.growth(series).cagr;
  }
  const regions = panel.regions.map((members) => {
    for (let t = 0; t < YEARS; ++t) {
      series[t] = core.fmean(members.map((u) => composite[t * UNITS + u]));
    }
    return core.growth(series).cagr;
  });
  return { units, regions };
});
const totalMs = timer.steps.reduce((sum, step) => sum + step.ms, 0);
const maxRss = process.resourceUsage().maxRSS * 1024;

// The direct O(n²) sums on the last year's stacked sample, checked against the fast version.
const last = samples[YEARS - 1];
const [naiveMs, naive] = timed(() => core.dagumNaive(last, stackedLabels));
const fastDagumMs = fastest(5, () => core.dagum(last, stackedLabels));
const dagumDifference = maxRelativeDifference(naive, core.dagum(last, stackedLabels));
if (!(dagumDifference <= DAGUM_TOLERANCE)) {
  const message = `O(n²) and fast Dagum differ by ${dagumDifference}, over ${DAGUM_TOLERANCE}`;
  throw new Error(`bench: ${message}`);
}
const lastYear = yearOf(YEARS - 1);
const [quadraticMs, quadratic] = timed(() => jenksQuadratic(lastYear, CLASSES));
const fastJenksMs = fastest(5, () => core.jenks(lastYear, CLASSES));
const fastJenks = core.jenks(lastYear, CLASSES);
const jenksSame =
  quadratic.breaks.join() === fastJenks.breaks.join() &&
  quadratic.classes.every((c, i) => c === fastJenks.classes[i]);
if (!jenksSame) throw new Error("bench: O(k m²) and fast Jenks give different breaks");

const negative = panel.directions.filter((d) => d === -1).length;
const memberships = stackedUnits.length;
const dagumRatio = naiveMs / fastDagumMs;
const ratioMet = dagumRatio >= TARGET_RATIO;
const output = [
  `panel: ${UNITS} units × ${YEARS} years × ${panel.columns.length} indicators ` +
    `(${DIMENSIONS.length} dimensions, ${negative} negative), ${REGIONS} overlapping regions`,
  `stacked sample: ${memberships} memberships a year; node ${process.versions.node}, ` +
    `${process.platform} ${process.arch}`,
  line("synthetic panel (not counted)", ms(synthesisMs)),
  ...timer.steps.map((step) => line(step.name, ms(step.ms))),
  line("total", ms(totalMs), target(`< ${TARGET_MS} ms`, totalMs < TARGET_MS)),
  line("peak RSS, sampled between steps", mb(timer.peakRss)),
  line("max RSS (resourceUsage)", mb(maxRss), target(`< ${TARGET_MB} MB`, maxRss < TARGET_BYTES)),
  line(`Dagum O(n²), one year (n = ${memberships})`, ms(naiveMs)),
  line("Dagum fast, same year (best of 5)", ms(fastDagumMs)),
  line("Dagum O(n²) / fast", times(dagumRatio), target(`>= ${TARGET_RATIO}×`, ratioMet)),
  line("Dagum max relative difference", dagumDifference.toExponential(1), `<= ${DAGUM_TOLERANCE}`),
  line(`Jenks O(k m²), one year (n = ${UNITS})`, ms(quadraticMs)),
  line("Jenks fast, same year (best of 5)", ms(fastJenksMs)),
  line("Jenks O(k m²) / fast", times(quadraticMs / fastJenksMs), "same breaks and classes"),
];
console.log(output.join("\n"));
