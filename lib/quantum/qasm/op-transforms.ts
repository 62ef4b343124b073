/**
 * The gate modifiers as transformations of a list of lowered ops (one gate call, already
 * expanded): `inv @` reverses the list and inverts each op, `pow(k) @` repeats it or takes a
 * matrix power, `ctrl @`/`negctrl @` add controls to every op. Ops keep their qubits global, so a
 * user gate's body and a standard gate are handled alike.
 *
 * Symbolic angles (programs compiled for rebinding) follow the same closed forms as the numbers;
 * an op whose angles depend on inputs never becomes a matrix: that is a located error instead.
 */
import { ANGLE_ARITHMETIC, negAngle } from "../angle";
import { adjoint, controlled, embed, expi, identity, multiply, scale } from "../complex-matrix";
import { QuantumError } from "../errors";
import { gateMatrix } from "../gates";
import type { AngleExpr } from "../angle";
import type { BarrierOp, GateOp, GlobalPhaseOp, Matrix, SourceLocation } from "../ir";
import { matrixWork, powerWork } from "./budget";
import { inverseGate, powerGate } from "./gate-algebra";
import { unitaryPower } from "./matrix-power";

/** What a gate call expands to before it is emitted. */
export type UnitaryOp = GateOp | GlobalPhaseOp | BarrierOp;

/** Fractional powers of gates wider than this would need matrices too large to be worth it. */
export const MAX_MATRIX_QUBITS = 6;

/**
 * What a transformation may use: room in the result (maxOperations) and work (budget.ts). Each
 * rewritten op costs REWRITE units (more with many controls), matrix arithmetic costs
 * `matrixWork` and `powerWork`.
 */
export interface TransformBudget {
  /** Throws a LimitError when `count` more ops would exceed maxOperations. */
  ensureRoom(count: number): void;
  /** Throws a LimitError when the work budget is spent. */
  spend(units: number): void;
}

/** Units to rewrite one op (a copy with new fields takes about twice as long as a plain copy). */
const REWRITE = 2;

export function invertOps(ops: readonly UnitaryOp[], budget: TransformBudget): UnitaryOp[] {
  budget.spend(REWRITE * ops.length);
  const out: UnitaryOp[] = [];
  for (let i = ops.length - 1; i >= 0; i--) out.push(invertOp(ops[i], budget));
  return out;
}

function invertOp(op: UnitaryOp, budget: TransformBudget): UnitaryOp {
  if (op.kind === "gate" && op.matrix !== undefined) budget.spend(matrixWork(op.matrix.dim));
  switch (op.kind) {
    case "barrier":
      return op;
    case "gphase":
      return op.symbolic === undefined
        ? { ...op, angle: -op.angle }
        : { ...op, angle: -op.angle, symbolic: negAngle(op.symbolic) as AngleExpr };
    case "gate": {
      if (op.matrix !== undefined) return { ...op, matrix: adjoint(op.matrix) };
      const inverse = inverseGate(op.name, op.params);
      if (inverse === undefined) {
        if (op.symbolic !== undefined) throw noClosedForm("inv @", op);
        budget.spend(matrixWork(1 << op.qubits.length));
        return {
          ...op,
          name: "unitary",
          params: [],
          matrix: adjoint(gateMatrix(op.name, op.params)),
        };
      }
      const lead = inverse.leadingControls ?? 0;
      const moved = op.qubits.slice(0, lead);
      const symbolic = op.symbolic && inverseGate(op.name, op.symbolic, ANGLE_ARITHMETIC)?.params;
      return {
        ...op,
        ...(symbolic ? { symbolic } : {}),
        name: inverse.name,
        params: inverse.params,
        qubits: op.qubits.slice(lead),
        controls: [...op.controls, ...moved],
        controlStates: [...op.controlStates, ...moved.map(() => 1 as const)],
      };
    }
  }
}

/**
 * `pow(k) @`: an integer k repeats the ops (after inverting them when k < 0); otherwise one op
 * with a closed form scales its angle, and anything else becomes the principal matrix power.
 * The room for the repeated ops is checked before repeating them.
 */
export function powerOps(
  ops: readonly UnitaryOp[],
  k: number,
  loc: SourceLocation,
  budget: TransformBudget,
): UnitaryOp[] {
  if (Number.isInteger(k)) {
    const base = k < 0 ? invertOps(ops, budget) : [...ops];
    const times = Math.abs(k);
    if (base.length === 0) return [];
    budget.ensureRoom(base.length * times);
    budget.spend(base.length * times);
    const out: UnitaryOp[] = [];
    for (let i = 0; i < times; i++) out.push(...base);
    return out;
  }
  const active = ops.filter((op) => op.kind !== "barrier");
  if (active.length === 0) return [...ops];
  if (active.length === 1) return [powerOp(active[0], k, loc, budget)];
  const symbolic = active.find((op) => op.symbolic !== undefined);
  if (symbolic !== undefined) throw noClosedForm(`pow(${k}) @`, symbolic);
  const qubits = involvedQubits(active);
  checkMatrixWidth(qubits.length, loc);
  // opsMatrix embeds and multiplies once per op.
  const dim = 1 << qubits.length;
  budget.spend(active.length * matrixWork(dim) + powerWork(dim));
  const matrix = unitaryPower(opsMatrix(active, qubits, loc), k);
  const first = active.find((op): op is GateOp => op.kind === "gate");
  return [
    {
      kind: "gate",
      name: "unitary",
      params: [],
      qubits,
      controls: [],
      controlStates: [],
      matrix,
      definedIn: first?.definedIn,
      loc,
    },
  ];
}

function powerOp(
  op: GateOp | GlobalPhaseOp,
  k: number,
  loc: SourceLocation,
  budget: TransformBudget,
): UnitaryOp {
  if (op.kind === "gphase") {
    return op.symbolic === undefined
      ? { ...op, angle: op.angle * k }
      : {
          ...op,
          angle: op.angle * k,
          symbolic: ANGLE_ARITHMETIC.scale(op.symbolic, k) as AngleExpr,
        };
  }
  if (op.matrix === undefined) {
    const closed = powerGate(op.name, op.params, k);
    if (closed !== undefined && op.symbolic !== undefined) {
      const symbolic = powerGate(op.name, op.symbolic, k, ANGLE_ARITHMETIC)?.params;
      return { ...op, name: closed.name, params: closed.params, symbolic };
    }
    if (closed !== undefined) return { ...op, name: closed.name, params: closed.params };
  }
  if (op.symbolic !== undefined) throw noClosedForm(`pow(${k}) @`, op);
  // (ctrl U)^k = ctrl (U^k) on the principal branch, so the controls stay as they are.
  checkMatrixWidth(op.qubits.length, loc);
  budget.spend(powerWork(1 << op.qubits.length));
  const base = op.matrix ?? gateMatrix(op.name, op.params);
  return { ...op, name: "unitary", params: [], matrix: unitaryPower(base, k) };
}

/**
 * `ctrl @` / `negctrl @`: every op gets the new controls in front of its own. A controlled global
 * phase is a phase gate on a control that must read 1: `ctrl @ gphase(θ) a` is `p(θ) a`.
 */
export function controlOps(
  ops: readonly UnitaryOp[],
  controls: readonly number[],
  state: 0 | 1,
  budget: TransformBudget,
): UnitaryOp[] {
  // Each op's control lists are copied too: a unit per control.
  let units = 0;
  for (const op of ops) units += REWRITE + controls.length + controlsOf(op).length;
  budget.spend(units);
  const states = controls.map(() => state);
  return ops.map((op): UnitaryOp => {
    switch (op.kind) {
      case "barrier":
        return op;
      case "gate":
        return {
          ...op,
          controls: controls.concat(op.controls),
          controlStates: states.concat(op.controlStates),
        };
      case "gphase":
        return phaseOnControls({
          ...op,
          controls: controls.concat(op.controls),
          controlStates: states.concat(op.controlStates),
        });
    }
  });
}

function controlsOf(op: UnitaryOp): readonly number[] {
  return op.kind === "barrier" ? [] : op.controls;
}

function phaseOnControls(op: GlobalPhaseOp): GateOp | GlobalPhaseOp {
  const target = op.controlStates.lastIndexOf(1);
  if (target < 0) return op;
  const rest = (list: readonly number[]) => list.filter((_, i) => i !== target);
  return {
    kind: "gate",
    name: "p",
    params: [op.angle],
    qubits: [op.controls[target]],
    controls: rest(op.controls),
    controlStates: rest(op.controlStates) as (0 | 1)[],
    loc: op.loc,
    ...(op.condition ? { condition: op.condition } : {}),
    ...(op.symbolic ? { symbolic: [op.symbolic] } : {}),
  };
}

/** An op with input-dependent angles that a modifier would turn into a matrix. */
function noClosedForm(modifier: string, op: GateOp | GlobalPhaseOp): QuantumError {
  const name = op.kind === "gate" ? op.name : "gphase";
  const where = op.kind === "gate" && op.definedIn ? ` (in gate \`${op.definedIn}\`)` : "";
  return new QuantumError(
    "unsupported",
    `\`${modifier} ${name}\`${where} with an angle that depends on an input has no closed form, so the program cannot be compiled for rebinding or differentiated`,
    op.loc,
  );
}

function checkMatrixWidth(width: number, loc: SourceLocation): void {
  if (width > MAX_MATRIX_QUBITS) {
    throw new QuantumError(
      "unsupported",
      `a fractional \`pow\` of a gate on ${width} qubits is not supported (at most ${MAX_MATRIX_QUBITS})`,
      loc,
    );
  }
}

/** The qubits the ops touch, in order of first use (controls before targets). */
export function involvedQubits(ops: readonly UnitaryOp[]): number[] {
  const seen: number[] = [];
  for (const op of ops) {
    const touched =
      op.kind === "barrier"
        ? []
        : op.kind === "gate"
          ? [...op.controls, ...op.qubits]
          : op.controls;
    for (const q of touched) if (!seen.includes(q)) seen.push(q);
  }
  return seen;
}

/**
 * The matrix of a sequence of ops on `qubits` (bit j of the index is qubits[j]); a global phase
 * without controls multiplies the whole matrix.
 */
export function opsMatrix(
  ops: readonly UnitaryOp[],
  qubits: readonly number[],
  loc: SourceLocation,
): Matrix {
  checkMatrixWidth(qubits.length, loc);
  const width = qubits.length;
  const position = (q: number) => qubits.indexOf(q);
  let total = identity(1 << width);
  for (const op of ops) {
    if (op.kind === "barrier") continue;
    if (op.kind === "gphase" && op.controls.length === 0) {
      total = scale(total, ...expi(op.angle));
      continue;
    }
    const base =
      op.kind === "gphase"
        ? scale(identity(1), ...expi(op.angle))
        : (op.matrix ?? gateMatrix(op.name, op.params));
    const operands = op.kind === "gate" ? [...op.controls, ...op.qubits] : [...op.controls];
    const full =
      op.controls.length > 0 ? controlled(base, op.controls.length, op.controlStates) : base;
    total = multiply(embed(full, operands.map(position), width), total);
  }
  return total;
}
