/**
 * Planning a circuit for simulation: every operation validated and planned once, measurements
 * that nothing later depends on deferred to the end, and the rest split into a unitary prefix
 * (run once) and the steps that must run per shot.
 */
import { LimitError, QuantumError } from "./errors";
import { fusePlans, type UnitaryOp } from "./fusion";
import { classicalReads } from "./classical";
import type { Circuit, ClassicalOp, GateOp, GlobalPhaseOp, MeasureOp, Op, ResetOp } from "./ir";
import { assertNever } from "./ir";
import type { Limits } from "./limits";
import { gateNoiseFor, type GateNoise, type NoiseModel } from "./noise";
import { planGate, type Plan } from "./statevector";

export type Step =
  | { readonly kind: "plans"; readonly plans: readonly Plan[] }
  | {
      readonly kind: "gate";
      readonly op: GateOp | GlobalPhaseOp;
      readonly plan: Plan;
      readonly noise?: GateNoise;
    }
  | { readonly kind: "measure"; readonly op: MeasureOp }
  | { readonly kind: "reset"; readonly op: ResetOp }
  | { readonly kind: "classical"; readonly op: ClassicalOp };

export interface Program {
  readonly numQubits: number;
  /** Unitary, unconditional, noiseless ops before the first step that needs randomness. */
  readonly prefix: readonly UnitaryOp[];
  /** Everything after the prefix, run once per shot; empty for deterministic circuits. */
  readonly steps: readonly Step[];
  /** Measurements sampled from the final state, in program order. */
  readonly deferred: readonly MeasureOp[];
  readonly measures: boolean;
  /** Why shots are simulated one by one, or null when they are not. */
  readonly perShotReason: string | null;
}

export function touchedQubits(op: Op): readonly number[] {
  switch (op.kind) {
    case "gate":
      return [...op.controls, ...op.qubits];
    case "gphase":
      return op.controls;
    case "measure":
    case "reset":
      return [op.qubit];
    case "barrier":
    case "classical":
      return [];
    default:
      return assertNever(op, "operation");
  }
}

/** The clbits an op reads: its condition's, and a classical op's expression's. */
export function readClbits(op: Op): readonly number[] {
  const condition = op.condition?.clbits ?? [];
  return op.kind === "classical" ? [...condition, ...classicalReads(op.expr)] : condition;
}

/** The clbits an op writes. */
export function writtenClbits(op: Op): readonly number[] {
  if (op.kind === "measure") return [op.clbit];
  return op.kind === "classical" ? op.targets : [];
}

function checkClassical(circuit: Circuit, op: Op): void {
  const bits = [...readClbits(op), ...writtenClbits(op)];
  const all = circuit.numClbits + (circuit.hiddenClbits ?? 0);
  for (const c of bits) {
    if (!Number.isInteger(c) || c < 0 || c >= all) {
      throw new QuantumError(
        "semantic",
        `classical bit ${c} does not exist (the circuit has ${all})`,
        op.loc,
      );
    }
  }
  if (op.kind === "measure" || op.kind === "reset") {
    if (!Number.isInteger(op.qubit) || op.qubit < 0 || op.qubit >= circuit.numQubits) {
      throw new QuantumError(
        "semantic",
        `qubit ${op.qubit} does not exist (the circuit has ${circuit.numQubits})`,
        op.loc,
      );
    }
  }
}

/**
 * Indices of the measurements nothing later depends on: no later gate or reset on the qubit,
 * no later condition reading the bit, no later measurement writing it. They can be sampled
 * from the final state (and the grader may drop them to look at the state before them).
 */
export function terminalMeasurements(circuit: Circuit): Set<number> {
  const terminal = new Set<number>();
  const touchedAfter = new Set<number>();
  const readAfter = new Set<number>();
  const writtenAfter = new Set<number>();
  for (let i = circuit.ops.length - 1; i >= 0; i--) {
    const op = circuit.ops[i];
    if (
      op.kind === "measure" &&
      !op.condition &&
      !touchedAfter.has(op.qubit) &&
      !readAfter.has(op.clbit) &&
      !writtenAfter.has(op.clbit)
    ) {
      terminal.add(i);
      continue;
    }
    for (const c of writtenClbits(op)) writtenAfter.add(c);
    for (const q of touchedQubits(op)) touchedAfter.add(q);
    for (const c of readClbits(op)) readAfter.add(c);
  }
  return terminal;
}

/** Validates, plans and splits a circuit (see the module comment). */
export function planProgram(
  circuit: Circuit,
  limits: Limits,
  noise: NoiseModel | undefined,
  fusion: boolean,
): Program {
  const n = circuit.numQubits;
  if (n > limits.maxQubits) {
    throw new LimitError(
      "maxQubits",
      `the circuit uses ${n} qubits; the limit is maxQubits = ${limits.maxQubits}`,
    );
  }
  if (circuit.ops.length > limits.maxOperations) {
    throw new LimitError(
      "maxOperations",
      `the circuit has ${circuit.ops.length} operations; the limit is maxOperations = ${limits.maxOperations}`,
    );
  }
  if (noise !== undefined) return planCircuit(circuit, noise, fusion);
  const known = noiselessPrograms.get(circuit)?.get(fusion);
  if (known && known.ops === circuit.ops) return known.program;
  const program = planCircuit(circuit, undefined, fusion);
  const byFusion = noiselessPrograms.get(circuit) ?? new Map<boolean, PlannedCircuit>();
  byFusion.set(fusion, { ops: circuit.ops, program });
  noiselessPrograms.set(circuit, byFusion);
  return program;
}

interface PlannedCircuit {
  /** The op list planned: a circuit object given new ops is planned again. */
  readonly ops: readonly Op[];
  readonly program: Program;
}

/**
 * Noiseless programs by circuit and fusion flag: a circuit run again (a re-run cell, the
 * grader's reference, a bench loop) is neither validated nor planned again; with the plans of
 * its unitary prefix cached by op list (trajectory.ts), a small circuit's run is its kernels.
 * Noisy programs are planned per call: a noise model is a separate, mutable input.
 */
const noiselessPrograms = new WeakMap<Circuit, Map<boolean, PlannedCircuit>>();

function planCircuit(circuit: Circuit, noise: NoiseModel | undefined, fusion: boolean): Program {
  const n = circuit.numQubits;
  const plans = circuit.ops.map((op) => {
    checkClassical(circuit, op);
    return op.kind === "gate" || op.kind === "gphase" ? planGate(n, op) : null;
  });

  const deferredSet = terminalMeasurements(circuit);

  const touchedBefore = new Set<number>();
  const prefix: UnitaryOp[] = [];
  const steps: Step[] = [];
  let pending: UnitaryOp[] = [];
  let perShotReason: string | null = null;
  const flush = (): void => {
    if (pending.length > 0) steps.push({ kind: "plans", plans: unitaryPlans(n, pending, fusion) });
    pending = [];
  };
  circuit.ops.forEach((op, i) => {
    if (deferredSet.has(i) || op.kind === "barrier") return;
    if (op.kind === "reset" && !op.condition && !touchedBefore.has(op.qubit)) return; // already |0⟩
    const gateNoise = op.kind === "gate" && noise ? gateNoiseFor(noise, op.name) : undefined;
    const unitary = (op.kind === "gate" || op.kind === "gphase") && !op.condition && !gateNoise;
    if (op.kind === "gate") for (const q of touchedQubits(op)) touchedBefore.add(q);
    if (unitary && perShotReason === null) {
      prefix.push(op);
      return;
    }
    perShotReason ??= nonUnitaryReason(op) ?? "noise";
    if (unitary) {
      pending.push(op);
      return;
    }
    flush();
    switch (op.kind) {
      case "gate":
      case "gphase":
        steps.push({ kind: "gate", op, plan: plans[i]!, noise: gateNoise });
        break;
      case "measure":
        steps.push({ kind: "measure", op });
        break;
      case "reset":
        steps.push({ kind: "reset", op });
        break;
      case "classical":
        steps.push({ kind: "classical", op });
        break;
      default:
        assertNever(op, "operation");
    }
  });
  flush();
  return {
    numQubits: n,
    prefix,
    steps,
    deferred: circuit.ops.filter((op, i): op is MeasureOp => deferredSet.has(i)),
    measures: circuit.ops.some((op) => op.kind === "measure"),
    perShotReason,
  };
}

export function unitaryPlans(n: number, ops: readonly UnitaryOp[], fusion: boolean): Plan[] {
  return fusion ? fusePlans(n, ops) : ops.map((op) => planGate(n, op));
}

/** Why `op` is not a plain unitary step, if it is not: what makes a circuit's outcome branch. */
export function nonUnitaryReason(
  op: Op,
): "classical control" | "mid-circuit measurement" | "reset" | undefined {
  if (op.condition || op.kind === "classical") return "classical control";
  if (op.kind === "measure") return "mid-circuit measurement";
  if (op.kind === "reset") return "reset";
  return undefined;
}
