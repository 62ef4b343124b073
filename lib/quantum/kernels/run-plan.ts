/**
 * Plans and their execution: a `Plan` is one kernel call with its arguments precomputed
 * (statevector.ts builds them, once per operation), and `runPlan` dispatches it to the kernel.
 * Kept apart from statevector.ts so the list of kernels and the planning logic each stay
 * readable; statevector.ts re-exports both names.
 */
import type { StateVector } from "../statevector";
import { anti1, diag1, fresh1, general1, phaseSubspace, swapPairs } from "./single";
import { diagonalK, general2, generalK, permutationK } from "./multi";
import { applyDiagonalTable, type DiagonalTable } from "./diagonal-table";
import { diag1Free, general1Free, real1Free, swap1Free } from "./uncontrolled";

/** A kernel call with everything it needs precomputed. */
export type Plan =
  | { readonly kind: "noop" }
  | {
      readonly kind: "phase";
      readonly pos: Int32Array;
      readonly value: number;
      readonly cr: number;
      readonly ci: number;
    }
  | {
      readonly kind: "diag1" | "anti1";
      readonly pos: Int32Array;
      readonly value: number;
      readonly t: number;
      readonly m: readonly [number, number, number, number];
    }
  | { readonly kind: "swap1"; readonly pos: Int32Array; readonly value: number; readonly t: number }
  | { readonly kind: "swap1Free"; readonly t: number }
  | {
      readonly kind: "fresh1";
      readonly pos: Int32Array;
      readonly value: number;
      readonly t: number;
      readonly m: readonly [number, number, number, number];
    }
  | { readonly kind: "diagonalTable"; readonly table: DiagonalTable }
  | {
      readonly kind: "diag1Free" | "real1Free";
      readonly t: number;
      readonly m: readonly [number, number, number, number];
    }
  | { readonly kind: "general1Free"; readonly t: number; readonly m: Float64Array }
  | {
      readonly kind: "general1";
      readonly pos: Int32Array;
      readonly value: number;
      readonly t: number;
      readonly m: Float64Array;
    }
  | {
      readonly kind: "general2";
      readonly pos: Int32Array;
      readonly value: number;
      readonly q0: number;
      readonly q1: number;
      readonly m: Float64Array;
    }
  | {
      readonly kind: "generalK" | "diagonalK";
      readonly pos: Int32Array;
      readonly value: number;
      readonly offsets: Int32Array;
      readonly m: Float64Array;
    }
  | {
      readonly kind: "permutationK";
      readonly pos: Int32Array;
      readonly value: number;
      readonly offsets: Int32Array;
      readonly perm: Int32Array;
      readonly ph: Float64Array;
    };

let scratch = new Float64Array(64);
/** Grows the shared gather/scatter buffer of the k-qubit kernels (planning calls it early). */
export function ensureScratch(size: number): void {
  if (scratch.length < 2 * size) scratch = new Float64Array(2 * size);
}

export function runPlan(state: StateVector, plan: Plan): void {
  const a = state.amps;
  const dim = state.dim;
  switch (plan.kind) {
    case "noop":
      return;
    case "phase":
      return phaseSubspace(a, dim, plan.pos, plan.value, plan.cr, plan.ci);
    case "diag1": {
      const m = plan.m;
      return diag1(a, dim, plan.pos, plan.value, plan.t, m[0], m[1], m[2], m[3]);
    }
    case "anti1": {
      const m = plan.m;
      return anti1(a, dim, plan.pos, plan.value, plan.t, m[0], m[1], m[2], m[3]);
    }
    case "swap1":
      return swapPairs(a, dim, plan.pos, plan.value, plan.t);
    case "swap1Free":
      return swap1Free(a, dim, plan.t);
    case "fresh1": {
      const m = plan.m;
      return fresh1(a, dim, plan.pos, plan.value, plan.t, m[0], m[1], m[2], m[3]);
    }
    case "diagonalTable":
      return applyDiagonalTable(a, dim, plan.table);
    case "diag1Free": {
      const m = plan.m;
      return diag1Free(a, dim, plan.t, m[0], m[1], m[2], m[3]);
    }
    case "real1Free": {
      const m = plan.m;
      return real1Free(a, dim, plan.t, m[0], m[1], m[2], m[3]);
    }
    case "general1Free": {
      const m = plan.m;
      return general1Free(a, dim, plan.t, m[0], m[1], m[2], m[3], m[4], m[5], m[6], m[7]);
    }
    case "general1": {
      const m = plan.m;
      return general1(
        a,
        dim,
        plan.pos,
        plan.value,
        plan.t,
        m[0],
        m[1],
        m[2],
        m[3],
        m[4],
        m[5],
        m[6],
        m[7],
      );
    }
    case "general2":
      return general2(a, dim, plan.pos, plan.value, plan.q0, plan.q1, plan.m);
    case "generalK":
      ensureScratch(plan.offsets.length);
      return generalK(a, dim, plan.pos, plan.value, plan.offsets, plan.m, scratch);
    case "diagonalK":
      return diagonalK(a, dim, plan.pos, plan.value, plan.offsets, plan.m);
    case "permutationK":
      ensureScratch(plan.offsets.length);
      return permutationK(a, dim, plan.pos, plan.value, plan.offsets, plan.perm, plan.ph, scratch);
    default:
      throw new Error(`unknown plan ${JSON.stringify(plan satisfies never)}`);
  }
}
