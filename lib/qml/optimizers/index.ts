/**
 * Optimisers for experiment cells: `createOptimizer(spec, { seed })` builds one, `minimise` drives
 * it step by step. COBYLA is deliberately absent: a faithful Powell implementation is a project of
 * its own, and a look-alike under its name would mislead learners comparing with SciPy or Qiskit.
 */
export type * from "./types";
export { createOptimizer, needsGradient } from "./create";
export { minimise } from "./minimise";
export type { MinimiseOptions, MinimiseProgress, MinimiseResult, StopReason } from "./minimise";
