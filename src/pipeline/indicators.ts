/**
 * Indicator values: each indicator's formula evaluated on the raw series for every sample unit
 * and year, then gaps filled only as the study file says (per indicator), with every filled cell
 * recorded. A gap the study does not say how to fill, and a division by zero, are errors that
 * name the indicator, the unit and the year, and where the fix goes: the study file's missing
 * treatment for a gap, the data cell holding the zero for a division.
 */
import { evaluateFormula } from "../study/formula.ts";
import type { Study } from "../study/load.ts";
import { ProblemList } from "../study/problems.ts";
import type { IndicatorDefinition } from "../study/schema.ts";

export interface FilledCell {
  indicator: string;
  unit: string;
  year: number;
  value: number;
  method: "linear" | "nearest" | "linear_trend" | "growth_trend";
  /** The observed years the value was derived from. */
  basis: number[];
}

export interface IndicatorMatrix {
  /** One column per indicator; row r = year index * n + unit index. */
  columns: Float64Array[];
  n: number;
  years: number[];
  filled: FilledCell[];
}

export function buildIndicators(study: Study): IndicatorMatrix {
  const { definition, sample, years } = study;
  const n = sample.length;
  const T = years.length;
  const problems = new ProblemList();
  const filled: FilledCell[] = [];
  const columns: Float64Array[] = [];

  definition.indicators.forEach((ind, j) => {
    const formula = study.formulas.get(ind.id);
    if (formula === undefined) throw new Error(`unreachable: indicator ${ind.id} has no parsed formula`);
    const column = new Float64Array(n * T);

    for (let u = 0; u < n; u++) {
      const series = new Float64Array(T);
      const missingBy = new Map<number, string[]>();

      for (let t = 0; t < T; t++) {
        const at = u * T + t;
        const result = evaluateFormula(formula, (id) => {
          const v = (study.series.get(id) as Float64Array)[at];
          return Number.isNaN(v) ? null : v;
        });
        if (result.ok) {
          series[t] = result.value;
        } else if ("missing" in result) {
          series[t] = NaN;
          missingBy.set(t, result.missing);
        } else {
          series[t] = NaN;
          const origin = study.origins.get(result.divisionByZero)?.[at];
          const when = `for ${label(study, u)} in ${years[t]}`;
          problems.add(
            origin === undefined
              ? {
                file: study.studyFile,
                column: `indicators[${j}].formula`,
                message: `indicator ${ind.id} divides by zero ${when}: ${result.divisionByZero} is 0 in "${ind.formula}"; correct the data, or change the formula`,
              }
              : {
                ...origin,
                value: "0",
                message: `is a divisor of indicator ${ind.id} ("${ind.formula}") ${when}, which divides by zero; correct the value, or change the formula`,
              },
          );
        }
      }

      if (missingBy.size > 0) fillGaps(ind, j, series, years, study.sample[u].code, missingBy, filled, problems, study, u);
      for (let t = 0; t < T; t++) column[t * n + u] = series[t];
    }
    columns.push(column);
  });

  problems.check();
  return { columns, n, years, filled };
}

function label(study: Study, u: number): string {
  const unit = study.sample[u];
  return `${unit.nameEn} (${unit.code})`;
}

function fillGaps(
  ind: IndicatorDefinition,
  j: number,
  series: Float64Array,
  years: number[],
  code: string,
  missingBy: Map<number, string[]>,
  filled: FilledCell[],
  problems: ProblemList,
  study: Study,
  u: number,
) {
  const T = series.length;
  const observed: number[] = [];
  for (let t = 0; t < T; t++) if (!Number.isNaN(series[t]) && !missingBy.has(t)) observed.push(t);

  for (const [t, missing] of missingBy) {
    const before = observed.filter((o) => o < t);
    const after = observed.filter((o) => o > t);
    const interior = before.length > 0 && after.length > 0;
    const record = (value: number, method: FilledCell["method"], basis: number[]) => {
      series[t] = value;
      filled.push({ indicator: ind.id, unit: code, year: years[t], value, method, basis: basis.map((b) => years[b]) });
    };
    const fail = (how: "interior" | "edge") =>
      problems.add({
        file: study.studyFile,
        column: `indicators[${j}].missing.${how}`,
        message:
          `indicator ${ind.id} is missing for ${label(study, u)} in ${years[t]} (the data files have no ${missing.join(", ")} value) ` +
          `and the study names no ${how === "interior" ? "treatment for a gap inside the period" : "treatment for a gap at its start or end"}: ` +
          `add the value, or set indicators[${j}].missing.${how} (${how === "interior" ? '"linear"' : '"nearest", "linear_trend" or "growth_trend"'})`,
      });

    if (interior) {
      if (ind.missing.interior !== "linear") {
        fail("interior");
        continue;
      }
      const a = before[before.length - 1];
      const b = after[0];
      const w = (t - a) / (b - a);
      record(series[a] + w * (series[b] - series[a]), "linear", [a, b]);
      continue;
    }

    const near = before.length > 0 ? before.slice(-2).reverse() : after.slice(0, 2);
    if (near.length === 0) {
      problems.add({
        file: study.studyFile,
        column: `indicators[${j}]`,
        message:
          `indicator ${ind.id} has no value in any year for ${label(study, u)} (the data files have no ` +
          `${missing.join(", ")} value for it): add the data, or remove the unit from the sample`,
      });
      continue;
    }
    const edge = ind.missing.edge;
    if (edge === "none") {
      fail("edge");
      continue;
    }
    const [p, q] = near;
    if (edge === "nearest" || q === undefined) {
      if (edge !== "nearest") {
        fail("edge");
        continue;
      }
      record(series[p], "nearest", [p]);
      continue;
    }
    if (edge === "linear_trend") {
      const slope = (series[p] - series[q]) / (p - q);
      record(series[p] + slope * (t - p), "linear_trend", [p, q].sort((x, y) => x - y));
      continue;
    }
    if (!(series[p] > 0 && series[q] > 0)) {
      problems.add({
        file: study.studyFile,
        column: `indicators[${j}].missing.edge`,
        message:
          `indicator ${ind.id} for ${label(study, u)}: growth_trend needs positive values in ${years[q]} and ${years[p]}, ` +
          `found ${series[q]} and ${series[p]}; use "linear_trend" or "nearest" for this indicator`,
      });
      continue;
    }
    const ratio = (series[p] / series[q]) ** (1 / (p - q));
    record(series[p] * ratio ** (t - p), "growth_trend", [p, q].sort((x, y) => x - y));
  }
}
