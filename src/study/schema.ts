/**
 * The study definition file (`study.json`): what was measured, on which units and years, with
 * which indicators and method options. Validated once when the study is loaded; every schema
 * problem is reported with its field path.
 */
import { z } from "zod";

const text = z.object({ en: z.string().min(1), zh: z.string().min(1) });
const id = z.string().regex(/^[a-z][a-z0-9_]*$/, "ids are lowercase letters, digits and _");
const unitCode = z.string().min(1);

const missingTreatment = z.strictObject({
  /** Gaps between two observed years: linear interpolation, or none (a gap is an error). */
  interior: z.enum(["none", "linear"]).default("none"),
  /**
   * Gaps before the first or after the last observed year: none (an error), nearest (carry the
   * nearest observed value), linear_trend (extend the line through the two nearest observed
   * years), growth_trend (extend the growth ratio of the two nearest observed years).
   */
  edge: z.enum(["none", "nearest", "linear_trend", "growth_trend"]).default("none"),
});

const indicator = z.strictObject({
  id,
  dimension: id,
  name: text,
  unit: text,
  direction: z.enum(["+", "-"]),
  formula: z.string().min(1),
  source: text.optional(),
  missing: missingTreatment.default({ interior: "none", edge: "none" }),
});

const encoding = z.enum(["auto", "utf-8", "gb18030"]).default("auto");
const columnName = z.string().min(1);
const seriesMap = z.record(z.string(), id);

/** Options every data file has. */
const fileBase = {
  /** Path of the file, relative to the study folder. */
  path: z.string().min(1),
  /**
   * Rows for units outside the sample or years outside the study: an error naming them (error),
   * or dropped and counted in the validation report (drop).
   */
  outside: z.enum(["error", "drop"]).default("error"),
  /** Texts that mean a missing value in this file, such as "—" or "..". */
  missingMarkers: z.array(z.string().min(1)).default([]),
  /** The row (1-based) of the header, when title rows come first. */
  header: z.number().int().min(1).optional(),
};
const textBase = {
  encoding,
  delimiter: z.enum([",", "\t", ";"]).optional(),
};

const longFile = z.strictObject({
  format: z.literal("long"),
  ...fileBase,
  ...textBase,
  columns: z.strictObject({ unit: columnName, year: columnName, series: columnName, value: columnName }).partial().optional(),
  /** The one series of a file without a series column. */
  series: id.optional(),
  seriesNames: seriesMap.optional(),
});
const wideSeriesFile = z.strictObject({
  format: z.literal("wide-series"),
  ...fileBase,
  ...textBase,
  columns: z.strictObject({ unit: columnName, year: columnName }).partial().optional(),
  /** Column header to series id; without it, every column named like a series id is one. */
  series: seriesMap.optional(),
  /** The one year of a file without a year column. */
  year: z.number().int().optional(),
});
const wideYearsFile = z.strictObject({
  format: z.literal("wide-years"),
  ...fileBase,
  ...textBase,
  columns: z.strictObject({ unit: columnName, series: columnName }).partial().optional(),
  series: id.optional(),
  seriesNames: seriesMap.optional(),
});
const nbsFile = z.strictObject({
  format: z.literal("nbs"),
  ...fileBase,
  ...textBase,
  /** The series id of a one-indicator export, or column header to id for indicators as columns. */
  series: z.union([id, seriesMap]),
  year: z.number().int().optional(),
});
const xlsxFile = z.strictObject({
  format: z.literal("xlsx"),
  ...fileBase,
  /** The worksheet to read (default: the first), or ... */
  sheet: z.string().min(1).optional(),
  /** ... one worksheet per series: sheet name to series id. */
  sheets: seriesMap.optional(),
  layout: z.enum(["long", "wide-series", "wide-years", "nbs"]).default("long"),
  columns: z.strictObject({ unit: columnName, year: columnName, series: columnName, value: columnName }).partial().optional(),
  series: z.union([id, seriesMap]).optional(),
  seriesNames: seriesMap.optional(),
  year: z.number().int().optional(),
});

export const dataFileSchema = z.discriminatedUnion("format", [longFile, wideSeriesFile, wideYearsFile, nbsFile, xlsxFile]);

const method = z.strictObject({
  entropy: z
    .strictObject({
      scope: z.enum(["panel", "year"]).default("panel"),
      shift: z.number().min(0).max(1).default(0.0001),
      /**
       * Where the weights come from: the range-standardised values (range) or the raw values,
       * p = x / Σx (raw; panel scope, non-negative data).
       */
      standardise: z.enum(["range", "raw"]).default("range"),
      /** Give a constant indicator weight 0 instead of stopping the build. */
      dropConstant: z.boolean().default(false),
    })
    .default({ scope: "panel", shift: 0.0001, standardise: "range", dropConstant: false }),
  topsis: z
    .strictObject({
      distance: z.enum(["weighted", "inside"]).default("weighted"),
      ideal: z.enum(["panel", "year"]).default("panel"),
      /**
       * The values TOPSIS measures distances on: the entropy step's range-standardised values
       * (range), or classical vector normalisation of the raw values, x / sqrt(Σx²), with cost
       * criteria handled at the ideal (vector; panel ideal, weighted distance).
       */
      normalisation: z.enum(["range", "vector"]).default("range"),
    })
    .default({ distance: "weighted", ideal: "panel", normalisation: "range" }),
  overlap: z.enum(["stacked", "assigned"]).default("stacked"),
  /**
   * A dimension's sub-index: TOPSIS over the dimension's indicators with their global weights
   * (topsis), or the linear entropy score Σ w_j z_ij over them (weighted_sum).
   */
  subindex: z.enum(["topsis", "weighted_sum"]).default("topsis"),
  kde: z
    .strictObject({
      kernel: z.enum(["gaussian", "epanechnikov", "epanechnikov_stata"]).default("gaussian"),
      bandwidth: z
        .enum(["nrd0", "stata", "nrd", "scott_sd", "scipy_silverman", "scipy_scott", "matlab"])
        .default("nrd0"),
      points: z.number().int().min(16).max(4096).default(256),
    })
    .default({ kernel: "gaussian", bandwidth: "nrd0", points: 256 }),
  tiers: z
    .strictObject({
      classes: z.number().int().min(2).max(9).default(4),
      scope: z.enum(["panel", "year"]).default("panel"),
    })
    .default({ classes: 4, scope: "panel" }),
  growth: z.enum(["cagr"]).default("cagr"),
});

export const studySchema = z
  .strictObject({
    id: z.string().min(1),
    title: text,
    abstract: text,
    authors: z.array(z.strictObject({ name: z.string().min(1), affiliation: z.string().optional() })).min(1),
    /** How to cite the study (free text, e.g. an APA or GB/T 7714 reference). */
    citation: z.string().min(1).optional(),
    licence: z.string().min(1),
    years: z.strictObject({ start: z.number().int(), end: z.number().int() }),
    units: z.strictObject({
      kind: z.enum(["province", "city", "county", "district", "state", "country", "region"]),
      file: z.string().min(1),
    }),
    /** The units studied, by code or name; default: every unit of the units file. */
    sample: z.array(unitCode).min(2).optional(),
    regions: z
      .array(
        z.strictObject({
          id,
          name: text,
          members: z.array(unitCode).min(1),
          note: text.optional(),
        }),
      )
      .min(1),
    data: z
      .strictObject({
        sources: z.string().min(1),
        files: z.array(dataFileSchema).min(1).optional(),
        /** The earlier form: one long CSV file (the same as one "long" entry in files). */
        panel: z.string().min(1).optional(),
      })
      .superRefine((d, ctx) => {
        if ((d.files === undefined) === (d.panel === undefined)) {
          ctx.addIssue({ code: "custom", path: ["files"], message: 'list the data files in "files" (or give the one long CSV file as "panel"), not both' });
        }
        d.files?.forEach((f, i) => {
          if (f.format === "xlsx" && f.sheet !== undefined && f.sheets !== undefined) {
            ctx.addIssue({ code: "custom", path: ["files", i, "sheets"], message: 'give either "sheet" (one worksheet) or "sheets" (one worksheet per series), not both' });
          }
          if (f.format === "xlsx" && f.sheets !== undefined && f.series !== undefined) {
            ctx.addIssue({ code: "custom", path: ["files", i, "series"], message: '"sheets" already gives each worksheet its series' });
          }
        });
      })
      .transform((d) => ({
        sources: d.sources,
        files: d.files ?? [longFile.parse({ format: "long", path: d.panel })],
      })),
    dimensions: z.array(z.strictObject({ id, name: text, description: text.optional() })).min(1),
    indicators: z.array(indicator).min(2),
    method: method.default(method.parse({})),
    /**
     * Which optional pages the site has (the overview, data, data-quality, cite, reproduce and
     * search pages always exist). Default: all of them. "regions" covers the region and unit
     * pages.
     */
    report: z
      .strictObject({
        pages: z.array(z.enum(["study", "index-system", "methods", "levels", "spatial", "inequality", "dimensions", "regions"])).optional(),
      })
      .optional(),
    map: z.strictObject({ file: z.string().min(1), object: z.string().min(1) }).optional(),
    /**
     * With `method.overlap = "assigned"`: the one region each sample unit counts in for the
     * inequality decomposition (unit code to region id).
     */
    assignment: z.record(z.string(), id).optional(),
  })
  .superRefine((s, ctx) => {
    if (s.years.end <= s.years.start) {
      ctx.addIssue({ code: "custom", path: ["years"], message: "end must be after start" });
    }
    if (s.method.entropy.standardise === "raw" && s.method.entropy.scope !== "panel") {
      ctx.addIssue({ code: "custom", path: ["method", "entropy", "standardise"], message: "raw-data entropy is computed over the whole panel: set entropy.scope to \"panel\"" });
    }
    if (s.method.topsis.normalisation === "vector" && (s.method.topsis.ideal !== "panel" || s.method.topsis.distance !== "weighted")) {
      ctx.addIssue({ code: "custom", path: ["method", "topsis", "normalisation"], message: "classical vector-normalised TOPSIS uses the panel ideal and the weighted distance" });
    }
    if (s.method.overlap === "assigned") {
      const regionIds = new Set(s.regions.map((r) => r.id));
      for (const code of s.sample ?? []) {
        const region = s.assignment?.[code];
        if (region === undefined) {
          ctx.addIssue({ code: "custom", path: ["assignment", code], message: `unit ${code} has no assigned region` });
        } else if (!regionIds.has(region)) {
          ctx.addIssue({ code: "custom", path: ["assignment", code], message: `unknown region "${region}"` });
        }
      }
    }
    const dims = new Set(s.dimensions.map((d) => d.id));
    s.indicators.forEach((ind, i) => {
      if (!dims.has(ind.dimension)) {
        ctx.addIssue({
          code: "custom",
          path: ["indicators", i, "dimension"],
          message: `unknown dimension "${ind.dimension}"; the dimensions are ${[...dims].join(", ")}`,
        });
      }
    });
    for (const [list, path] of [
      [s.indicators.map((d) => d.id), "indicators"],
      [s.dimensions.map((d) => d.id), "dimensions"],
      [s.regions.map((d) => d.id), "regions"],
      [s.sample ?? [], "sample"],
    ] as const) {
      const seen = new Set<string>();
      list.forEach((v, i) => {
        if (seen.has(v)) ctx.addIssue({ code: "custom", path: [path, i], message: `"${v}" appears twice` });
        seen.add(v);
      });
    }
  });

export type StudyDefinition = z.infer<typeof studySchema>;
export type IndicatorDefinition = StudyDefinition["indicators"][number];
export type MethodOptions = StudyDefinition["method"];
export type LocalText = z.infer<typeof text>;
export type DataFile = z.infer<typeof dataFileSchema>;
