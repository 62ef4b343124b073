/**
 * Exact outcome statistics of a circuit, without shots: the final state is a list of branches
 * (state, classical bits so far, probability), one per sequence of mid-circuit measurement and
 * reset outcomes. A circuit that is unitary up to its terminal measurements has one branch, the
 * engine's `finalState`; otherwise each measurement or reset splits every branch in two.
 *
 * Exact rather than sampled because a grade must not depend on luck: a correct circuit must pass
 * on every attempt, and a wrong one must not pass because the shots happened to fall its way.
 *
 * What this module does not do: noise (cells cannot set noise), or circuits whose branches would
 * not fit in memory (a QuantumError "unsupported" says so).
 */
import { runClassical } from "@/lib/quantum/classical";
import { LimitError, QuantumError } from "@/lib/quantum/errors";
import type { Circuit, GateOp, GlobalPhaseOp, Op } from "@/lib/quantum/ir";
import { assertNever } from "@/lib/quantum/ir";
import { resolveLimits, type Limits } from "@/lib/quantum/limits";
import { countsKey, basisLabel } from "@/lib/quantum/sample";
import { finalState } from "@/lib/quantum/simulate";
import {
  collapse,
  createState,
  planGate,
  probabilityOfOne,
  runPlan,
  type Plan,
  type StateVector,
} from "@/lib/quantum/statevector";

import type { CircuitShape } from "./circuit-shape";

export interface Branch {
  readonly state: StateVector;
  /** Classical bits written so far (terminal measurements are not applied). */
  readonly bits: Uint8Array;
  readonly probability: number;
}

/** Branches below this probability are dropped (they cannot move a grade). */
const NEGLIGIBLE = 1e-12;
/** All branches together hold at most this many amplitudes (2^22 × 16 bytes = 64 MiB). */
export const MAX_BRANCH_AMPLITUDES = 1 << 22;

function conditionHolds(op: Op, bits: Uint8Array): boolean {
  const c = op.condition;
  if (!c) return true;
  let v = 0;
  c.clbits.forEach((b, j) => (v += bits[b] * 2 ** j));
  return v === c.value;
}

/** Splits a branch on the value of qubit q; returns the non-negligible halves. */
function split(branch: Branch, q: number): { outcome: 0 | 1; branch: Branch }[] {
  const p1 = probabilityOfOne(branch.state, q);
  const out: { outcome: 0 | 1; branch: Branch }[] = [];
  for (const outcome of [0, 1] as const) {
    const p = outcome === 1 ? p1 : 1 - p1;
    if (!(p * branch.probability > NEGLIGIBLE)) continue;
    const state = branch.state.clone();
    collapse(state, q, outcome, p);
    out.push({
      outcome,
      branch: { state, bits: branch.bits.slice(), probability: branch.probability * p },
    });
  }
  return out;
}

const xOn = (qubit: number, op: Op): GateOp => ({
  kind: "gate",
  name: "x",
  params: [],
  qubits: [qubit],
  controls: [],
  controlStates: [],
  loc: op.loc,
});

/** The final branches of `circuit`, terminal measurements left out (see CircuitShape). */
export function finalBranches(
  circuit: Circuit,
  shape: CircuitShape,
  limitOverrides?: Partial<Limits>,
): Branch[] {
  // Hidden bits (latches, run-time ints) follow the visible ones; outcomes read only cregs.
  const bits = new Uint8Array(circuit.numClbits + (circuit.hiddenClbits ?? 0));
  if (!shape.obstacle) {
    return [{ state: finalState(circuit, { limits: limitOverrides }), bits, probability: 1 }];
  }
  const limits = resolveLimits(limitOverrides);
  const start = performance.now();
  const n = circuit.numQubits;
  const plans = new Map<Op, Plan>();
  const planFor = (op: GateOp | GlobalPhaseOp): Plan => {
    let plan = plans.get(op);
    if (!plan) plans.set(op, (plan = planGate(n, op)));
    return plan;
  };
  const maxBranches = Math.max(1, Math.floor(MAX_BRANCH_AMPLITUDES / 2 ** n));

  let branches: Branch[] = [{ state: createState(n), bits, probability: 1 }];
  for (const [i, op] of circuit.ops.entries()) {
    if (performance.now() - start > limits.deadlineMs) {
      throw new LimitError(
        "deadlineMs",
        `grading ran longer than the ${limits.deadlineMs} ms limit`,
      );
    }
    if (shape.terminal.has(i)) continue;
    const next: Branch[] = [];
    for (const branch of branches) {
      if (!conditionHolds(op, branch.bits)) {
        next.push(branch);
        continue;
      }
      switch (op.kind) {
        case "gate":
        case "gphase":
          runPlan(branch.state, planFor(op));
          next.push(branch);
          break;
        case "barrier":
          next.push(branch);
          break;
        case "classical":
          runClassical(op, branch.bits);
          next.push(branch);
          break;
        case "measure":
          for (const half of split(branch, op.qubit)) {
            half.branch.bits[op.clbit] = half.outcome;
            next.push(half.branch);
          }
          break;
        case "reset":
          for (const half of split(branch, op.qubit)) {
            if (half.outcome === 1) runPlan(half.branch.state, planGate(n, xOn(op.qubit, op)));
            next.push(half.branch);
          }
          break;
        default:
          assertNever(op, "operation");
      }
    }
    if (next.length > maxBranches) {
      throw new QuantumError(
        "unsupported",
        `the circuit's measurements split it into more than ${maxBranches} branches, too many to grade exactly`,
        op.loc,
      );
    }
    branches = next;
  }
  return branches;
}

/**
 * Exact outcome probabilities. When the circuit measures, keys are its classical bits in
 * Qiskit's order (registers joined without spaces); otherwise they are its qubits q[n-1]…q[0].
 */
export function outcomeProbabilities(
  circuit: Circuit,
  shape: CircuitShape,
  branches: readonly Branch[],
): Map<string, number> {
  const out = new Map<string, number>();
  const add = (key: string, p: number): void => {
    out.set(key, (out.get(key) ?? 0) + p);
  };
  for (const branch of branches) {
    const a = branch.state.amps;
    const bits = branch.bits.slice();
    for (let k = 0; k < branch.state.dim; k++) {
      const p = (a[2 * k] * a[2 * k] + a[2 * k + 1] * a[2 * k + 1]) * branch.probability;
      if (!(p > NEGLIGIBLE)) continue;
      if (!shape.measures) {
        add(basisLabel(k, circuit.numQubits), p);
        continue;
      }
      bits.set(branch.bits);
      for (const m of shape.terminalMeasures) bits[m.clbit] = (k >> m.qubit) & 1;
      add(countsKey(bits, circuit.cregs).replace(/ /g, ""), p);
    }
  }
  return out;
}
