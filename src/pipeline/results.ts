/**
 * The shape of the computed results: everything the site shows and the downloads hold. It is
 * written as `results.json` by the compute step and read by the pages; plain JSON, no classes.
 */
import type { DataFileReport, InputFile, SourceRow, DropCount } from "../study/load.ts";
import type { LocalText, MethodOptions } from "../study/schema.ts";
import type { FilledCell } from "./indicators.ts";
import type { DagumResult } from "../core/index.ts";

/** Pages a study may leave out (study.json report.pages); "regions" covers region and unit pages. */
export const OPTIONAL_PAGES = ["study", "index-system", "methods", "levels", "spatial", "inequality", "dimensions", "regions"] as const;
export type OptionalPage = (typeof OPTIONAL_PAGES)[number];

export interface UnitInfo {
  code: string;
  nameEn: string;
  nameZh: string;
  regions: string[];
}

export interface IndicatorInfo {
  id: string;
  dimension: string;
  name: LocalText;
  unit: LocalText;
  direction: "+" | "-";
  formula: string;
  series: string[];
  /** Entropy e_j, divergence d_j = 1 - e_j and weight w_j (panel scope); per year when scope is "year". */
  entropy: number | null;
  divergence: number | null;
  weight: number;
  weightByYear: number[] | null;
  /** Descriptive statistics of the indicator's values over the sample, per year. */
  stats: { year: number; min: number; max: number; mean: number; sd: number }[];
}

export interface ScoreRow {
  unit: string;
  year: number;
  score: number;
  /** Sub-index per dimension id. */
  dims: Record<string, number>;
  rank: number;
  tier: number;
}

export interface GroupMean {
  /** Region id, or "sample" for the whole sample. */
  group: string;
  year: number;
  score: number;
  dims: Record<string, number>;
}

/**
 * Growth from the first to the last year. Growth from a first-year value of 0 is not defined
 * (a unit at the anti-ideal point in every indicator scores exactly 0): those fields are null.
 */
export interface GrowthRow {
  /** Region id, "sample", or a unit code. */
  group: string;
  kind: "region" | "sample" | "unit";
  first: number;
  last: number;
  total: number | null;
  cagr: number | null;
  meanYoy: number | null;
  dims: Record<string, number | null>;
}

/**
 * Dagum's decomposition of one year, as the core returns it. A region whose mean is 0 has
 * `Gjj: null`; when every value is equal, G is 0 and the shares are null.
 */
export type DagumYear = DagumResult & { year: number };

/** Theil T of one year with its within- and between-region parts (shares null when T = 0). */
export interface TheilYear {
  year: number;
  T: number;
  Tw: number;
  Tb: number;
  share_w: number | null;
  share_b: number | null;
}

/** One unit-year's indicator values after the documented gap filling (indicator id to value). */
export interface IndicatorValues {
  unit: string;
  year: number;
  values: Record<string, number>;
}

export interface DensityYear {
  year: number;
  bandwidth: number;
  x: number[];
  y: number[];
}

export interface Results {
  study: {
    id: string;
    title: LocalText;
    abstract: LocalText;
    authors: { name: string; affiliation?: string }[];
    licence: string;
    unitKind: string;
    years: number[];
    units: UnitInfo[];
    regions: { id: string; name: LocalText; members: string[]; note: LocalText | null }[];
    dimensions: { id: string; name: LocalText; description: LocalText | null; weight: number }[];
    indicators: IndicatorInfo[];
    map: { file: string; object: string } | null;
    /**
     * The study folder relative to the folder the build ran in (e.g. "data/nqp"), or null when
     * it lies elsewhere; file paths in `files` and `validation` are relative to the study folder.
     */
    folder: string | null;
    /** The optional pages the site has (study.json report.pages; all by default). */
    pages: OptionalPage[];
  };
  method: MethodOptions & { entropyK: number; rows: number };
  scores: ScoreRow[];
  /** The indicator values the weights and scores were computed from, per unit and year. */
  values: IndicatorValues[];
  /**
   * Pearson correlation of the indicator values over all unit-years, rows and columns in the
   * order of study.indicators; null where an indicator does not vary.
   */
  correlation: (number | null)[][];
  means: GroupMean[];
  growth: GrowthRow[];
  dagum: DagumYear[];
  theil: TheilYear[];
  /** Plain Gini coefficient of the sample units (each unit once), per year. */
  gini: { year: number; G: number }[];
  /** True when overlapping regions were decomposed as a stacked sample. */
  stacked: boolean;
  density: DensityYear[];
  tiers: { breaks: number[]; gvf: number | null; classes: number; scope: "panel" | "year"; byYear: { year: number; breaks: number[]; gvf: number }[] };
  filled: FilledCell[];
  /** Rows read, used and dropped (with reasons), in total and per data file (`inputs`). */
  validation: { rowsRead: number; rowsUsed: number; dropped: DropCount[]; inputs: DataFileReport[] };
  sources: SourceRow[];
  panel: { unit: string; year: number; series: string; value: number }[];
  files: InputFile[];
}
