/**
 * A circuit compiled for repeated evaluation at different input values: the ops whose angles
 * depend on no input are fused once into fixed plans (and their inverses, for the adjoint
 * pass); every op with an input-dependent angle becomes a `ParamGate` whose plan keeps its own
 * matrix array, refilled in place when the inputs change. Evaluating at new inputs therefore
 * re-evaluates a few compiled angle closures, rewrites a few small matrices and runs the plans:
 * no parsing, no lowering, no planning and no allocation.
 *
 * Only deterministic circuits have a tape: terminal measurements are ignored (the state is the
 * one before them, as in `simulate`'s expectation values); a mid-circuit measurement, a reset
 * after a gate, or a classical condition is a located "unsupported" error.
 */
import {
  compileAngle,
  differentiateAngle,
  angleInputs,
  formatAngle,
  type Angle,
  type CompiledAngle,
} from "../angle";
import { adjoint } from "../complex-matrix";
import { LimitError, QuantumError } from "../errors";
import { fusePlans } from "../fusion";
import { gateMatrix, gateSpec } from "../gates";
import type { Circuit, GateOp, GlobalPhaseOp } from "../ir";
import { sortedPositions, targetOffsets } from "../kernels/indexing";
import type { Limits } from "../limits";
import { terminalMeasurements } from "../program";
import { gateOperands, planGate, type Operands, type Plan } from "../statevector";
import { GATE_FAMILIES, GPHASE, type GateFamily, type ShiftKind } from "./gate-derivatives";

type UnitaryOp = GateOp | GlobalPhaseOp;

/** An op with at least one input-dependent angle, planned with a matrix refilled in place. */
export interface ParamGate {
  readonly op: UnitaryOp;
  readonly family: GateFamily;
  /** Current parameter values (refreshed from the inputs by `setInputs`). */
  readonly values: Float64Array;
  /** Per parameter: its angle as a closure of the inputs, or null when it is a constant. */
  readonly angles: readonly (CompiledAngle | null)[];
  readonly symbolic: readonly Angle[];
  /** Plans applying the gate and its inverse; their matrices are `forward` and `backward`. */
  readonly plan: Plan;
  readonly inversePlan: Plan;
  readonly forward: Float64Array;
  readonly backward: Float64Array;
  /** Fixed bits (controls and targets, ascending), the controls' required bits, target offsets. */
  readonly pos: Int32Array;
  readonly value: number;
  readonly offsets: Int32Array;
  /** Own controls plus `ctrl @` controls. */
  readonly controlled: boolean;
  /**
   * The derivative matrices of the gate's input-dependent angles (its slots, in order), packed
   * one after another, and a view of each for `family.derivative` to write into.
   */
  readonly derivatives: Float64Array;
  readonly derivativeViews: Float64Array[];
}

/** One input-dependent angle: parameter `param` of gate `gate`, with ∂angle/∂input closures. */
export interface Slot {
  readonly gate: number;
  readonly param: number;
  readonly partials: readonly { readonly input: number; readonly d: CompiledAngle }[];
  /** The parameter-shift rule for this angle on its gate, controls included. */
  readonly rule: "two-term" | "four-term" | "zero";
}

export type TapeStep =
  | { readonly kind: "fixed"; readonly plans: readonly Plan[]; readonly inverse: readonly Plan[] }
  | { readonly kind: "param"; readonly gate: number };

export interface Tape {
  readonly numQubits: number;
  readonly numInputs: number;
  readonly steps: readonly TapeStep[];
  readonly gates: readonly ParamGate[];
  readonly slots: readonly Slot[];
  /** For each gate, the indices of its slots. */
  readonly slotsOf: readonly (readonly number[])[];
}

/** "`rx`", or "`rx` (in gate `layer`)" for an op inlined from a user gate: for messages. */
export function describeOp(op: UnitaryOp): string {
  if (op.kind === "gphase") return "`gphase`";
  return op.definedIn ? `\`${op.name}\` (in gate \`${op.definedIn}\`)` : `\`${op.name}\``;
}

function inverseOp(op: UnitaryOp): UnitaryOp {
  if (op.kind === "gphase") return { ...op, angle: -op.angle };
  const m =
    op.name === "unitary"
      ? (op.matrix as NonNullable<GateOp["matrix"]>)
      : gateMatrix(op.name, op.params);
  return { ...op, name: "unitary", params: [], matrix: adjoint(m) };
}

function controlValue(o: Operands): number {
  let v = 0;
  o.controls.forEach((q, j) => {
    if (o.controlStates[j] === 1) v |= 1 << q;
  });
  return v;
}

function familyOf(op: UnitaryOp): GateFamily {
  if (op.kind === "gphase") return GPHASE;
  const family = GATE_FAMILIES.get(op.name);
  if (family === undefined) {
    // The front end only attaches angles to parameterised catalog gates; anything else is a bug.
    throw new QuantumError(
      "unsupported",
      `gate \`${op.name}\` cannot have angles that depend on inputs`,
      op.loc,
    );
  }
  return family;
}

/** Builds the plans of an op whose matrix is refilled in place (kinds chosen for any matrix). */
function paramGate(n: number, op: UnitaryOp): ParamGate {
  // Planning the op as it stands validates its qubits the way the simulator does.
  planGate(
    n,
    op.kind === "gphase" ? { ...op, angle: 0 } : { ...op, params: op.params.map(() => 0) },
  );
  const family = familyOf(op);
  const operands: Operands =
    op.kind === "gphase"
      ? { targets: [], controls: op.controls, controlStates: op.controlStates }
      : gateOperands(
          op,
          gateSpec(
            op.name,
            op.params.map(() => 0),
          ).controls,
        );
  const k = 1 << family.targets;
  const forward = new Float64Array(2 * k * k);
  const backward = new Float64Array(2 * k * k);
  const pos = sortedPositions([...operands.controls, ...operands.targets]);
  const value = controlValue(operands);
  const offsets = targetOffsets(operands.targets);
  const controlled = operands.controls.length > 0;
  const plans = (m: Float64Array): Plan => {
    if (family.targets === 0) return { kind: "phase", pos, value, cr: 1, ci: 0 };
    if (family.targets === 1) {
      const t = operands.targets[0];
      return controlled ? { kind: "general1", pos, value, t, m } : { kind: "general1Free", t, m };
    }
    return { kind: "general2", pos, value, q0: operands.targets[0], q1: operands.targets[1], m };
  };
  const symbolic: readonly Angle[] =
    op.kind === "gphase" ? [op.symbolic ?? op.angle] : (op.symbolic ?? op.params);
  const size = 2 * k * k;
  const count = symbolic.filter((a) => typeof a !== "number").length;
  const derivatives = new Float64Array(count * size);
  return {
    op,
    family,
    values: new Float64Array(family.params),
    angles: symbolic.map((a) => (typeof a === "number" ? null : compileAngle(a))),
    symbolic,
    plan: plans(forward),
    inversePlan: plans(backward),
    forward,
    backward,
    pos,
    value,
    offsets,
    controlled,
    derivatives,
    derivativeViews: Array.from({ length: count }, (_, j) =>
      derivatives.subarray(j * size, (j + 1) * size),
    ),
  };
}

function ruleOf(op: UnitaryOp, shift: ShiftKind, controlled: boolean): Slot["rule"] {
  // An uncontrolled global phase changes no expectation value.
  if (op.kind === "gphase" && !controlled) return "zero";
  switch (shift) {
    case "rotation":
      return controlled ? "four-term" : "two-term";
    case "phase":
      return "two-term";
  }
}

/**
 * Compiles a circuit whose ops may carry symbolic angles into a tape. `numInputs` is the
 * number of inputs the angles index.
 */
export function buildTape(circuit: Circuit, numInputs: number, limits: Limits): Tape {
  const n = circuit.numQubits;
  if (n > limits.maxQubits) {
    throw new LimitError(
      "maxQubits",
      `the circuit uses ${n} qubits; the limit is maxQubits = ${limits.maxQubits}`,
    );
  }
  const terminal = terminalMeasurements(circuit);
  const steps: TapeStep[] = [];
  const gates: ParamGate[] = [];
  const slots: Slot[] = [];
  const slotsOf: number[][] = [];
  let pending: UnitaryOp[] = [];
  const flush = (): void => {
    if (pending.length === 0) return;
    const inverse = pending.map(inverseOp).reverse();
    steps.push({ kind: "fixed", plans: fusePlans(n, pending), inverse: fusePlans(n, inverse) });
    pending = [];
  };
  const touched = new Set<number>();
  circuit.ops.forEach((op, i) => {
    if (op.kind === "barrier" || terminal.has(i)) return;
    if (op.kind === "reset" && !op.condition && !touched.has(op.qubit)) return;
    if (op.kind === "measure" || op.kind === "reset" || op.kind === "classical" || op.condition) {
      const what =
        op.condition !== undefined || op.kind === "classical"
          ? "a classically controlled operation"
          : op.kind === "measure"
            ? "a mid-circuit measurement"
            : "a reset after gates";
      throw new QuantumError(
        "unsupported",
        `expectation values and gradients need a circuit without mid-circuit measurements, resets or classical conditions; this is ${what}`,
        op.loc,
      );
    }
    for (const q of op.kind === "gate" ? [...op.controls, ...op.qubits] : op.controls)
      touched.add(q);
    if (op.symbolic === undefined) {
      planGate(n, op);
      pending.push(op);
      return;
    }
    flush();
    const gate = paramGate(n, op);
    const index = gates.length;
    gates.push(gate);
    slotsOf.push([]);
    gate.symbolic.forEach((angle, param) => {
      if (typeof angle === "number") return;
      const rule = ruleOf(op, gate.family.shift[param], gate.controlled);
      const partials = angleInputs(angle).map((input) => ({
        input,
        d: compileAngle(differentiateAngle(angle, input)),
      }));
      slotsOf[index].push(slots.length);
      slots.push({ gate: index, param, partials, rule });
    });
    steps.push({ kind: "param", gate: index });
  });
  flush();
  return { numQubits: n, numInputs, steps, gates, slots, slotsOf };
}

/** Refreshes a gate's matrices from its current `values` (the inverse is the adjoint). */
export function refill(gate: ParamGate): void {
  const f = gate.forward;
  const b = gate.backward;
  gate.family.fill(gate.values, f);
  const plan = gate.plan;
  if (plan.kind === "phase") {
    const inverse = gate.inversePlan as { cr: number; ci: number };
    (plan as { cr: number; ci: number }).cr = f[0];
    (plan as { cr: number; ci: number }).ci = f[1];
    inverse.cr = b[0] = f[0];
    inverse.ci = b[1] = -f[1];
    return;
  }
  const k = 1 << gate.family.targets;
  for (let r = 0; r < k; r++) {
    for (let c = 0; c < k; c++) {
      const from = 2 * (r * k + c);
      const to = 2 * (c * k + r);
      b[to] = f[from];
      b[to + 1] = -f[from + 1];
    }
  }
}

/**
 * Evaluates every gate's angles at `inputs` and refreshes its matrices. Throws a located error
 * when an angle is not a finite number there (`1/theta` at theta = 0).
 */
export function setInputs(tape: Tape, inputs: Float64Array): void {
  for (const gate of tape.gates) {
    for (let k = 0; k < gate.angles.length; k++) {
      const angle = gate.angles[k];
      if (angle === null) {
        gate.values[k] = gate.symbolic[k] as number;
        continue;
      }
      const v = angle(inputs);
      if (!Number.isFinite(v)) {
        throw new QuantumError(
          "semantic",
          `the angle ${formatAngle(gate.symbolic[k])} of ${describeOp(gate.op)} is not a finite number (${v}) at these input values`,
          gate.op.loc,
        );
      }
      gate.values[k] = v;
    }
    refill(gate);
  }
}
