/**
 * Cache blocking: splits a plan sequence into steps for the WebAssembly kernels. Consecutive
 * ops whose qubits (targets and controls) fit together in a block of B qubits form one step that
 * is applied block by block: for every assignment of the other qubits the block's 2^B
 * amplitudes (B = 14: 256 KB, within L2) go through all the step's ops while they are in cache,
 * so the step costs about one memory pass instead of one per op. Qubits 0 and 1 are always in
 * the block, so a gathered chunk is at least one 64-byte cache line; the rest of the block is
 * filled with the lowest free qubits so chunks are as long as possible.
 *
 * Ops are never reordered: each block sees the ops in program order and every op only mixes
 * amplitudes within a block, so the result is the same, number for number, as op after op over
 * the whole state.
 */
import type { Plan } from "./run-plan";
import { encodePlan, relocate, type WasmOp } from "./wasm-ops";

/** Most ops in one step (the size of the op area in WebAssembly memory). */
export const MAX_STEP_OPS = 256;
/** Largest block, in qubits (the size of the gather buffer in WebAssembly memory). */
export const MAX_BLOCK_QUBITS = 16;

export type Step =
  /** A plan without a WebAssembly kernel: the TypeScript kernel runs it. */
  | { readonly kind: "ts"; readonly plan: Plan }
  /** Ops over the whole state, one pass each. */
  | { readonly kind: "whole"; readonly ops: readonly WasmOp[] }
  /** Ops in block-local qubit numbers, applied block by block (see runBlocked). */
  | {
      readonly kind: "blocked";
      readonly ops: readonly WasmOp[];
      readonly blockMask: number;
      readonly blockBits: number;
      readonly chunkBits: number;
      /** Start of each chunk relative to the block's base index, in amplitudes. */
      readonly offsets: Int32Array;
    };

function popcount(x: number): number {
  let c = 0;
  for (let m = x; m !== 0; m &= m - 1) c++;
  return c;
}

/**
 * Steps for `plans` on n qubits with blocks of `blockQubits` (0 or ≥ n: no blocking, each op
 * its own whole-state step so the deadline is checked between them).
 */
export function schedule(n: number, plans: readonly Plan[], blockQubits: number): Step[] {
  const steps: Step[] = [];
  const blocking = blockQubits >= 2 && blockQubits < n;
  const B = Math.min(blockQubits, MAX_BLOCK_QUBITS);
  const lowMask = 0b11;
  let ops: WasmOp[] = [];
  let mask = 0;
  const flush = (): void => {
    if (ops.length === 1 || (!blocking && ops.length > 0)) steps.push({ kind: "whole", ops });
    else if (ops.length > 1) steps.push(blockedStep(n, B, ops, mask | lowMask));
    ops = [];
    mask = 0;
  };
  for (const plan of plans) {
    if (plan.kind === "noop") continue;
    const op = encodePlan(plan);
    if (!op) {
      flush();
      steps.push({ kind: "ts", plan });
      continue;
    }
    const full = !blocking || ops.length >= MAX_STEP_OPS || popcount(mask | op.mask | lowMask) > B;
    if (full) flush();
    ops.push(op);
    mask |= op.mask;
  }
  flush();
  return steps;
}

/** A step of `ops` (global numbers) whose qubits are within `used`, on blocks of B qubits. */
function blockedStep(n: number, B: number, ops: readonly WasmOp[], used: number): Step {
  // Fill the block with the lowest free qubits: longer contiguous chunks, fewer of them.
  let blockMask = used;
  for (let q = 0; q < n && popcount(blockMask) < B; q++) blockMask |= 1 << q;
  let chunkBits = 0;
  while ((blockMask >> chunkBits) & 1) chunkBits++;
  const highs: number[] = [];
  for (let q = chunkBits; q < n; q++) if ((blockMask >> q) & 1) highs.push(q);
  const offsets = new Int32Array(1 << highs.length);
  for (let j = 0; j < offsets.length; j++) {
    let off = 0;
    highs.forEach((q, l) => {
      if ((j >> l) & 1) off |= 1 << q;
    });
    offsets[j] = off;
  }
  return {
    kind: "blocked",
    ops: ops.map((o) => relocate(o, blockMask)),
    blockMask,
    blockBits: popcount(blockMask),
    chunkBits,
    offsets,
  };
}
