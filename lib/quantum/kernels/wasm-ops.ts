/**
 * Encoding plans as op records for the WebAssembly kernels (lib/quantum/wasm/assembly): the
 * record layout and kind numbers mirror that file. A plan kind without a WebAssembly kernel
 * encodes to null and runs on the TypeScript kernel instead.
 *
 * Records hold the fixed bits as a mask (not a position list) because the kernels enumerate
 * indices with a masked increment; the same record re-expressed on a block's local qubits is
 * `relocate`'s job.
 */
import type { Plan } from "./run-plan";

export const RECORD_BYTES = 416;
const MATRIX_AT = 32;
const OFFSETS_AT = 288;
const DESTS_AT = 352;
/** Most target states of a k-target op with a WebAssembly kernel (k ≤ 4). */
const MAX_SIZE = 16;

const PHASE = 1;
const DIAG1 = 2;
const SWAP1 = 3;
const ANTI1 = 4;
const GENERAL1 = 5;
const REAL1 = 6;
const GENERAL2 = 7;
const DIAGK = 8;
const PERMK = 9;

/** One op for the WebAssembly kernels, in global qubit numbers. */
export interface WasmOp {
  readonly kind: number;
  /** Fixed bits (controls and targets). */
  readonly mask: number;
  /** Bits the fixed bits must read (targets 0). */
  readonly value: number;
  /** Number of fixed bits. */
  readonly fixed: number;
  /** 2^target (first target), 2^second target (general2), else 0. */
  readonly s1: number;
  readonly s2: number;
  readonly m: ArrayLike<number>;
  /** k-target ops: offset of each target state from the base index, and where it moves to. */
  readonly offsets?: ArrayLike<number>;
  readonly dests?: ArrayLike<number>;
}

function maskOf(pos: Int32Array): number {
  let mask = 0;
  for (let j = 0; j < pos.length; j++) mask |= 1 << pos[j];
  return mask;
}

const NO_MATRIX: readonly number[] = [];

/** The op for `plan`, or null when it has no WebAssembly kernel (or nothing to do, "noop"). */
export function encodePlan(plan: Plan): WasmOp | null {
  switch (plan.kind) {
    case "phase":
      return op(PHASE, plan.pos, plan.value, 0, 0, [plan.cr, plan.ci]);
    case "diag1":
      return op(DIAG1, plan.pos, plan.value, 1 << plan.t, 0, plan.m);
    case "anti1":
      return op(ANTI1, plan.pos, plan.value, 1 << plan.t, 0, plan.m);
    case "swap1":
      return op(SWAP1, plan.pos, plan.value, 1 << plan.t, 0, NO_MATRIX);
    case "general1":
      return op(GENERAL1, plan.pos, plan.value, 1 << plan.t, 0, plan.m);
    case "general2":
      return op(GENERAL2, plan.pos, plan.value, 1 << plan.q0, 1 << plan.q1, plan.m);
    // Uncontrolled kernels: the same arithmetic as the controlled ones with one fixed bit.
    case "swap1Free":
      return free(SWAP1, plan.t, NO_MATRIX);
    case "diag1Free":
      return free(DIAG1, plan.t, plan.m);
    case "real1Free":
      return free(REAL1, plan.t, plan.m);
    case "general1Free":
      return free(GENERAL1, plan.t, plan.m);
    case "diagonalK":
      if (plan.offsets.length > MAX_SIZE) return null;
      return { ...op(DIAGK, plan.pos, plan.value, 0, 0, plan.m), offsets: plan.offsets };
    case "permutationK": {
      if (plan.offsets.length > MAX_SIZE) return null;
      const dests = Array.from(plan.perm, (r) => plan.offsets[r]);
      return { ...op(PERMK, plan.pos, plan.value, 0, 0, plan.ph), offsets: plan.offsets, dests };
    }
    default:
      return null;
  }
}

function op(
  kind: number,
  pos: Int32Array,
  value: number,
  s1: number,
  s2: number,
  m: ArrayLike<number>,
): WasmOp {
  return { kind, mask: maskOf(pos), value, fixed: pos.length, s1, s2, m };
}

function free(kind: number, t: number, m: ArrayLike<number>): WasmOp {
  return { kind, mask: 1 << t, value: 0, fixed: 1, s1: 1 << t, s2: 0, m };
}

/** Bits of x at the set bits of `mask`, packed from bit 0 up (x86's pext). */
function compress(x: number, mask: number): number {
  let out = 0;
  let bit = 0;
  for (let m = mask; m !== 0; m &= m - 1) {
    const low = m & -m;
    if (x & low) out |= 1 << bit;
    bit++;
  }
  return out;
}

/** `o` on a block whose qubits are the set bits of `blockMask` (block qubit j = j-th set bit). */
export function relocate(o: WasmOp, blockMask: number): WasmOp {
  return {
    ...o,
    mask: compress(o.mask, blockMask),
    value: compress(o.value, blockMask),
    s1: compress(o.s1, blockMask),
    s2: compress(o.s2, blockMask),
    offsets: o.offsets && Array.from(o.offsets, (x) => compress(x, blockMask)),
    dests: o.dests && Array.from(o.dests, (x) => compress(x, blockMask)),
  };
}

/** Writes `ops` as records from byte `at` of `memory`. */
export function writeOps(buffer: ArrayBuffer, at: number, ops: readonly WasmOp[]): void {
  const ints = new Int32Array(buffer, at, (ops.length * RECORD_BYTES) / 4);
  const nums = new Float64Array(buffer, at, (ops.length * RECORD_BYTES) / 8);
  ops.forEach((o, k) => {
    const i = (k * RECORD_BYTES) / 4;
    ints[i] = o.kind;
    ints[i + 1] = o.mask;
    ints[i + 2] = o.value;
    ints[i + 3] = o.fixed;
    ints[i + 4] = o.s1;
    ints[i + 5] = o.s2;
    ints[i + 6] = o.offsets?.length ?? 0;
    const offsets = o.offsets ?? [];
    const dests = o.dests ?? [];
    for (let j = 0; j < offsets.length; j++) ints[i + OFFSETS_AT / 4 + j] = offsets[j];
    for (let j = 0; j < dests.length; j++) ints[i + DESTS_AT / 4 + j] = dests[j];
    const f = (k * RECORD_BYTES + MATRIX_AT) / 8;
    for (let j = 0; j < o.m.length; j++) nums[f + j] = o.m[j];
  });
}
