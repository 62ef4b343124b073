/**
 * Gate fusion (an optional pass, as in qsim's fuser): consecutive gates acting on at most
 * `maxQubits` qubits in total are multiplied into one small dense matrix, so one memory pass
 * over the state applies several gates. At 2^20+ amplitudes a pass is bound by memory
 * bandwidth, so a 4×4 block costing about one pass replaces two to four passes.
 *
 * Rules (each keeps the product exactly equal to the original sequence):
 * - A block "owns" a qubit while no later item has touched that qubit.
 * - A gate whose qubits are all owned by one block joins that block (it commutes with every
 *   later item, which touch none of its qubits).
 * - Otherwise, if the blocks owning its qubits own *all* their qubits and the union stays within
 *   `maxQubits`, they merge with the gate into a new block at the end of the sequence (no later
 *   item touches them, so moving them later is exact).
 * - Otherwise the gate starts a new block. Gates on more than `maxQubits` qubits pass through
 *   unchanged and end ownership of their qubits.
 * A block holding a single gate is emitted as that gate, so it keeps its specialised kernel.
 * Only unconditional gates and global phases are fused; callers cut sequences at anything else.
 *
 * A second stage merges runs of consecutive diagonal items (blocks or gates whose matrix is
 * diagonal) on at most MAX_DIAGONAL_QUBITS qubits in total (fewer on small states) into one table
 * (kernels/diagonal-table.ts): diagonals commute and their product is again a diagonal, so this
 * is exact. A run is merged only when its items would cost more than one pass on their own.
 */
import type { GateOp, GlobalPhaseOp, Matrix } from "./ir";
import { controlled, embed, multiply } from "./complex-matrix";
import { classify, gateMatrix, gateSpec } from "./gates";
import { diagonalTable } from "./kernels/diagonal-table";
import { sortedPositions, spread } from "./kernels/indexing";
import { planGate, planMatrix, type Plan } from "./statevector";

export type UnitaryOp = GateOp | GlobalPhaseOp;

export interface FusionOptions {
  /** Largest fused block, in qubits (default 2: 4×4 blocks, the best trade-off measured). */
  readonly maxQubits?: number;
  /** Largest merged diagonal, in qubits (default 8 to MAX_DIAGONAL_QUBITS, growing with the
   * state; 0 turns merging off). */
  readonly maxDiagonalQubits?: number;
}

interface Block {
  kind: "block";
  qubits: number[];
  matrix: Matrix;
  ops: UnitaryOp[];
  alive: boolean;
}

interface Passthrough {
  kind: "op";
  op: UnitaryOp;
}

/** Operands of an op with controls first, and its matrix on them (operand 0 = low bit). */
function opMatrix(op: UnitaryOp): { operands: number[]; matrix: Matrix } {
  if (op.kind === "gphase") {
    const scalar: Matrix = {
      dim: 1,
      re: Float64Array.of(Math.cos(op.angle)),
      im: Float64Array.of(Math.sin(op.angle)),
    };
    return {
      operands: [...op.controls],
      matrix: controlled(scalar, op.controls.length, op.controlStates),
    };
  }
  const base = op.name === "unitary" ? op.matrix! : gateMatrix(op.name, op.params);
  return {
    operands: [...op.controls, ...op.qubits],
    matrix:
      op.controls.length === 0 ? base : controlled(base, op.controls.length, op.controlStates),
  };
}

function touched(op: UnitaryOp): number[] {
  return op.kind === "gphase" ? [...op.controls] : [...op.controls, ...op.qubits];
}

/** `m` (on `operands`) re-expressed on `qubits` ⊇ operands. */
function widen(m: Matrix, operands: readonly number[], qubits: readonly number[]): Matrix {
  return embed(
    m,
    operands.map((q) => qubits.indexOf(q)),
    qubits.length,
  );
}

/**
 * Plans `ops` (unitary, unconditional, already validated by `planGate`) with fusion. The result
 * applies the same unitary as planning each op on its own, up to floating-point rounding.
 */
export function fusePlans(
  numQubits: number,
  ops: readonly UnitaryOp[],
  options: FusionOptions = {},
): Plan[] {
  const maxQubits = options.maxQubits ?? 2;
  const maxDiagonal = options.maxDiagonalQubits ?? defaultMaxDiagonal(numQubits);
  const items: (Block | Passthrough)[] = [];
  const owner: (Block | null)[] = new Array(numQubits).fill(null);

  for (const op of ops) {
    const qs = touched(op);
    if (qs.length === 0 || qs.length > maxQubits) {
      for (const q of qs) owner[q] = null;
      items.push({ kind: "op", op });
      continue;
    }
    const first = owner[qs[0]];
    if (first && qs.every((q) => owner[q] === first)) {
      const { operands, matrix } = opMatrix(op);
      first.matrix = multiply(widen(matrix, operands, first.qubits), first.matrix);
      first.ops.push(op);
      continue;
    }
    const blocks = [...new Set(qs.map((q) => owner[q]).filter((b): b is Block => b !== null))];
    const fullyOwned = blocks.every((b) => b.qubits.every((q) => owner[q] === b));
    const union = [...new Set([...blocks.flatMap((b) => b.qubits), ...qs])];
    const { operands, matrix } = opMatrix(op);
    if (blocks.length > 0 && fullyOwned && union.length <= maxQubits) {
      let m = widen(blocks[0].matrix, blocks[0].qubits, union);
      for (const b of blocks.slice(1)) m = multiply(widen(b.matrix, b.qubits, union), m);
      m = multiply(widen(matrix, operands, union), m);
      const merged: Block = {
        kind: "block",
        qubits: union,
        matrix: m,
        ops: [...blocks.flatMap((b) => b.ops), op],
        alive: true,
      };
      for (const b of blocks) b.alive = false;
      items.push(merged);
      for (const q of union) owner[q] = merged;
      continue;
    }
    const fresh: Block = { kind: "block", qubits: operands, matrix, ops: [op], alive: true };
    items.push(fresh);
    for (const q of qs) owner[q] = fresh;
  }

  const plans: Plan[] = [];
  let run: Diagonal[] = [];
  let runQubits = new Set<number>();
  const flush = (): void => {
    plans.push(...mergeDiagonals(numQubits, run));
    run = [];
    runQubits = new Set();
  };
  for (const item of splitBeforeDiagonals(items, maxDiagonal)) {
    const plan =
      item.kind === "op"
        ? planGate(numQubits, item.op)
        : item.ops.length === 1
          ? planGate(numQubits, item.ops[0])
          : planMatrix(numQubits, item.matrix, {
              targets: item.qubits,
              controls: [],
              controlStates: [],
            });
    const diagonal = asDiagonal(item, plan, maxDiagonal);
    if (!diagonal) {
      flush();
      plans.push(plan);
      continue;
    }
    const union = new Set([...runQubits, ...diagonal.qubits]);
    if (union.size > maxDiagonal) flush();
    run.push(diagonal);
    for (const q of diagonal.qubits) runQubits.add(q);
  }
  flush();
  return plans;
}

function isDiagonalItem(item: Block | Passthrough, maxDiagonal: number): boolean {
  if (item.kind === "block" && item.ops.length > 1) {
    return item.qubits.length <= maxDiagonal && classify(item.matrix) === "diagonal";
  }
  const op = item.kind === "op" ? item.op : item.ops[0];
  return touched(op).length <= maxDiagonal && isDiagonalOp(op);
}

/**
 * The live items in order, except that a block of one non-diagonal gate among diagonal ones,
 * followed by diagonal items, is split back into its gates, so its diagonals join that run (a QFT step: cp(j−1, j+1)·h(j)·cp(j−1, j) then cp(j−2, j)…: one cheap single-qubit pass
 * instead of a 4×4 pass). Exact: the block's ops are in application order.
 */
function splitBeforeDiagonals(
  items: readonly (Block | Passthrough)[],
  maxDiagonal: number,
): (Block | Passthrough)[] {
  const live = items.filter((x) => x.kind === "op" || x.alive);
  const out: (Block | Passthrough)[] = [];
  live.forEach((item, i) => {
    // Only before a run of at least two diagonal items: a shorter run may stay unmerged, and
    // then the split would add passes (measured on the random benchmark circuits).
    const [next, after] = [live[i + 1], live[i + 2]];
    if (
      item.kind === "block" &&
      item.ops.length > 1 &&
      item.ops.filter((op) => !isDiagonalOp(op)).length === 1 &&
      next !== undefined &&
      after !== undefined &&
      isDiagonalItem(next, maxDiagonal) &&
      isDiagonalItem(after, maxDiagonal)
    ) {
      for (const op of item.ops) out.push({ kind: "op", op });
    } else out.push(item);
  });
  return out;
}

/**
 * Largest merged diagonal: 2^16 phases (1 MiB). The sweep only reads the 2^(qubits in the low
 * half of the index) phases of one row at a time, so the table size matters for building it,
 * not for the sweep: the cap keeps building (2^k entries per merged gate) well below one pass,
 * 2^k ≤ 2^(n−6).
 */
export const MAX_DIAGONAL_QUBITS = 16;

function defaultMaxDiagonal(numQubits: number): number {
  return Math.min(MAX_DIAGONAL_QUBITS, Math.max(8, numQubits - 6));
}

/** A diagonal item: its qubits, its phases (entry j: bit l of j = qubits[l]) and its plan. */
interface Diagonal {
  readonly qubits: readonly number[];
  readonly d: Float64Array;
  readonly plan: Plan;
}

function isDiagonalOp(op: UnitaryOp): boolean {
  if (op.kind === "gphase") return true;
  if (op.name === "unitary") return classify(op.matrix!) === "diagonal";
  return gateSpec(op.name, op.params).kind === "diagonal";
}

function diagonalOf(m: Matrix): Float64Array {
  const d = new Float64Array(2 * m.dim);
  for (let j = 0; j < m.dim; j++) {
    d[2 * j] = m.re[j * m.dim + j];
    d[2 * j + 1] = m.im[j * m.dim + j];
  }
  return d;
}

function asDiagonal(item: Block | Passthrough, plan: Plan, maxDiagonal: number): Diagonal | null {
  if (plan.kind === "noop" || !isDiagonalItem(item, maxDiagonal)) return null;
  if (item.kind === "block" && item.ops.length > 1) {
    return { qubits: item.qubits, d: diagonalOf(item.matrix), plan };
  }
  const op = item.kind === "op" ? item.op : item.ops[0];
  return { ...opDiagonal(op), plan };
}

/**
 * The diagonal of a diagonal op on its operands (controls first, operand 0 = low bit of the
 * entry index, as opMatrix), built directly: a many-controlled phase on 16 qubits has 2^16
 * entries, while its dense matrix would have 2^32.
 */
function opDiagonal(op: UnitaryOp): { qubits: number[]; d: Float64Array } {
  const base: Matrix =
    op.kind === "gphase"
      ? { dim: 1, re: Float64Array.of(Math.cos(op.angle)), im: Float64Array.of(Math.sin(op.angle)) }
      : op.name === "unitary"
        ? op.matrix!
        : gateMatrix(op.name, op.params);
  const qubits = op.kind === "gphase" ? [...op.controls] : [...op.controls, ...op.qubits];
  const c = op.controls.length;
  let want = 0;
  op.controlStates.forEach((state, j) => (want |= state << j));
  const d = new Float64Array(2 * 2 ** qubits.length);
  for (let key = 0; key < d.length / 2; key++) {
    if ((key & ((1 << c) - 1)) !== want) {
      d[2 * key] = 1;
      continue;
    }
    const sub = key >> c;
    d[2 * key] = base.re[sub * base.dim + sub];
    d[2 * key + 1] = base.im[sub * base.dim + sub];
  }
  return { qubits, d };
}

/**
 * Rough cost of a plan in passes over the state: a phase on a subspace whose lowest fixed bit is
 * ≥ 3 (runs of ≥ 8 amplitudes, whole cache lines) reads only its share of memory; anything else
 * streams through all of it.
 */
function passes(plan: Plan): number {
  if (plan.kind === "phase" && plan.pos.length > 0 && plan.pos[0] >= 3) {
    return 2 ** -plan.pos.length;
  }
  return 1;
}

/** One table plan for `run` when that is cheaper than its own plans, else those plans. */
function mergeDiagonals(numQubits: number, run: readonly Diagonal[]): Plan[] {
  const own = run.map((x) => x.plan);
  if (run.length < 2 || own.reduce((sum, p) => sum + passes(p), 0) <= 1.25) return own;
  const qubits = [...new Set(run.flatMap((x) => x.qubits))];
  const size = 2 ** qubits.length;
  const d = new Float64Array(2 * size);
  for (let key = 0; key < size; key++) d[2 * key] = 1;
  for (const x of run) {
    const where = Int32Array.from(x.qubits, (q) => qubits.indexOf(q));
    const free = size >> where.length;
    const sorted = sortedPositions([...where]);
    const xd = x.d;
    // Only the entries of x that are not exactly 1 change the table: visit just the keys whose
    // bits at `where` spell that entry (a cp touches a quarter of them, not all).
    for (let sub = 0; sub < xd.length / 2; sub++) {
      const yr = xd[2 * sub];
      const yi = xd[2 * sub + 1];
      if (yr === 1 && yi === 0) continue;
      let fixed = 0;
      for (let l = 0; l < where.length; l++) fixed |= ((sub >> l) & 1) << where[l];
      for (let f = 0; f < free; f++) {
        const key = spread(f, sorted) | fixed;
        const xr = d[2 * key];
        const xi = d[2 * key + 1];
        d[2 * key] = xr * yr - xi * yi;
        d[2 * key + 1] = xr * yi + xi * yr;
      }
    }
  }
  return [{ kind: "diagonalTable", table: diagonalTable(numQubits, qubits, d) }];
}
