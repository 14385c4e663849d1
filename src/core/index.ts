// The numeric core: pure functions, no I/O, no clock, no randomness.

export { ExactSum, fsum, fmean } from "./sum.ts";
export { MethodError, type MethodErrorDetail } from "./errors.ts";
export {
  DEFAULT_SHIFT,
  rangeStandardise,
  type Direction,
  type StandardiseOptions,
  type Standardised,
} from "./standardise.ts";
export {
  entropyWeights,
  entropyWeightsRaw,
  linearScore,
  type EntropyOptions,
  type EntropyWeights,
  type EntropyPanel,
  type EntropyByGroup,
  type EntropyRaw,
} from "./entropy.ts";
export {
  topsis,
  topsisVector,
  type TopsisOptions,
  type TopsisResult,
  type VectorTopsisResult,
} from "./topsis.ts";
export { gini, absDiffSum, type GiniOptions } from "./gini.ts";
export { dagum, dagumNaive, type DagumResult, type DagumGroup, type DagumPair } from "./dagum.ts";
export { theil, type TheilResult, type TheilGroup } from "./theil.ts";
export {
  bandwidth,
  kde,
  densityAt,
  type BandwidthRule,
  type Kernel,
  type KdeOptions,
  type KdeResult,
} from "./kde.ts";
export { jenks, jenksClass, type JenksResult } from "./jenks.ts";
export { growth, averageGrowth, type GrowthResult, type AverageGrowth } from "./growth.ts";
