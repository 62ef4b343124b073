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
 */
import type { GateOp, GlobalPhaseOp, Matrix } from "./ir";
import { controlled, embed, multiply } from "./complex-matrix";
import { gateMatrix } from "./gates";
import { planGate, planMatrix, type Plan } from "./statevector";

export type UnitaryOp = GateOp | GlobalPhaseOp;

export interface FusionOptions {
  /** Largest fused block, in qubits (default 2: 4×4 blocks, the best trade-off measured). */
  readonly maxQubits?: number;
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
  for (const item of items) {
    if (item.kind === "op") plans.push(planGate(numQubits, item.op));
    else if (!item.alive) continue;
    else if (item.ops.length === 1) plans.push(planGate(numQubits, item.ops[0]));
    else {
      plans.push(
        planMatrix(numQubits, item.matrix, {
          targets: item.qubits,
          controls: [],
          controlStates: [],
        }),
      );
    }
  }
  return plans;
}
