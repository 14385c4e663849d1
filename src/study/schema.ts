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
      kernel: z.enum(["gaussian", "epanechnikov"]).default("gaussian"),
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
    licence: z.string().min(1),
    years: z.strictObject({ start: z.number().int(), end: z.number().int() }),
    units: z.strictObject({ kind: z.enum(["province", "city", "county", "region"]), file: z.string().min(1) }),
    sample: z.array(unitCode).min(2),
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
    data: z.strictObject({ panel: z.string().min(1), sources: z.string().min(1) }),
    dimensions: z.array(z.strictObject({ id, name: text, description: text.optional() })).min(1),
    indicators: z.array(indicator).min(2),
    method: method.default(method.parse({})),
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
      for (const code of s.sample) {
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
      [s.sample, "sample"],
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
