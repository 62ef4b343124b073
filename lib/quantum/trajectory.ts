/**
 * Running a planned program: the deadline clock, the deterministic run from |0…0⟩ on lazily
 * activated qubits, and one per-shot trajectory (measurements, resets, classical control, noise).
 */
import { runClassical } from "./classical";
import { LimitError } from "./errors";
import { kernelBackend } from "./kernels/backend";
import { expandCompact, hasLinks, lazyLayout, type LazyProgram } from "./kernels/lazy-qubits";
import type { MeasureOp, Op } from "./ir";
import { assertNever } from "./ir";
import { applyGateNoise, noisyReadout, readoutFor, type NoiseModel } from "./noise";
import { type Program, touchedQubits, unitaryPlans } from "./program";
import type { Rng } from "./sample";
import type { UnitaryOp } from "./fusion";
import {
  collapse,
  planFreshTarget,
  planGate,
  probabilityOfOne,
  runPlan,
  StateVector,
  type Plan,
} from "./statevector";

export class Clock {
  private readonly start = performance.now();
  constructor(readonly deadlineMs: number) {}
  elapsed(): number {
    return performance.now() - this.start;
  }
  check(): void {
    if (this.elapsed() > this.deadlineMs) {
      throw new LimitError(
        "deadlineMs",
        `the simulation ran longer than the deadlineMs = ${this.deadlineMs} ms limit`,
      );
    }
  }
}

/** Applies a plan sequence with the installed kernel backend (kernels/backend.ts). */
export function runPlans(state: StateVector, plans: readonly Plan[], clock?: Clock): void {
  kernelBackend().run(state, plans, clock);
}

/** A planned run from |0…0⟩: the lazy layout and each segment's plans, in order. */
interface FromZeroPlan {
  readonly lazy: LazyProgram;
  readonly segments: readonly { readonly active: number; readonly plans: readonly Plan[] }[];
}

/**
 * Plans by op list and fusion flag. A cached program (program.ts) hands back the same op list,
 * so a circuit run again (a re-run cell, the grader's reference, an optimiser's fixed ansatz
 * evaluated per shot batch) skips the layout and the planning, which cost more than the
 * kernels below ~12 qubits. Op lists are never mutated after planning.
 */
const fromZeroPlans = new WeakMap<readonly UnitaryOp[], Map<boolean, FromZeroPlan>>();

function planFromZero(n: number, ops: readonly UnitaryOp[], fusion: boolean): FromZeroPlan {
  const known = fromZeroPlans.get(ops)?.get(fusion);
  if (known && known.lazy.numQubits === n) return known;
  const lazy = lazyLayout(n, ops);
  let before = 0;
  const segments = lazy.segments.map((segment) => {
    // A segment that adds one qubit starts with the op activating it (or preparing its product
    // state), while the qubit's |1⟩ half is still zero: a one-target gate on it there only needs
    // to read the |0⟩ half.
    const [first, ...rest] = segment.ops;
    const newest = segment.active - 1;
    const fresh =
      segment.active === before + 1 &&
      first?.kind === "gate" &&
      first.qubits[first.qubits.length - 1] === newest &&
      !first.controls.includes(newest)
        ? planFreshTarget(segment.active, first)
        : null;
    before = segment.active;
    const plans = fresh
      ? [fresh, ...unitaryPlans(segment.active, rest, fusion)]
      : unitaryPlans(segment.active, segment.ops, fusion);
    return { active: segment.active, plans };
  });
  const plan = { lazy, segments };
  const byFusion = fromZeroPlans.get(ops) ?? new Map<boolean, FromZeroPlan>();
  byFusion.set(fusion, plan);
  fromZeroPlans.set(ops, byFusion);
  return plan;
}

/**
 * Runs unitary ops from |0…0⟩: on lazily activated qubits (kernels/lazy-qubits.ts), each
 * segment fused on its own, then expanded to qubit order.
 */
export function runFromZero(
  n: number,
  ops: readonly UnitaryOp[],
  fusion: boolean,
  clock: Clock,
): StateVector {
  const { lazy, segments } = planFromZero(n, ops, fusion);
  // With linked qubits the compact state is scattered into a new buffer at the end, so it needs
  // only its own 2^active amplitudes; otherwise it grows inside the final 2^n buffer.
  const buffer = new Float64Array(2 * 2 ** (hasLinks(lazy) ? lazy.active : n));
  buffer[0] = 1;
  for (const segment of segments) {
    const view = new StateVector(segment.active, buffer.subarray(0, 2 * 2 ** segment.active));
    runPlans(view, segment.plans, clock);
  }
  return expandCompact(lazy, buffer);
}

function conditionHolds(op: Op, bits: Uint8Array): boolean {
  const c = op.condition;
  if (!c) return true;
  let v = 0;
  c.clbits.forEach((b, j) => {
    v += bits[b] * 2 ** j;
  });
  return v === c.value;
}

/** Measures qubit q: draws the outcome, collapses the state, returns the outcome. */
function measureQubit(state: StateVector, q: number, rng: Rng): 0 | 1 {
  const p1 = probabilityOfOne(state, q);
  const outcome: 0 | 1 = rng.next() < p1 ? 1 : 0;
  collapse(state, q, outcome, outcome === 1 ? p1 : 1 - p1);
  return outcome;
}

/** One trajectory of the per-shot steps; writes measured bits into `bits`. */
export function runSteps(
  state: StateVector,
  program: Program,
  bits: Uint8Array,
  rng: Rng,
  noise: NoiseModel | undefined,
  clock: Clock,
): void {
  for (const step of program.steps) {
    clock.check();
    switch (step.kind) {
      case "plans":
        runPlans(state, step.plans, clock);
        break;
      case "gate":
        if (!conditionHolds(step.op, bits)) break;
        runPlan(state, step.plan);
        if (step.noise) applyGateNoise(state, step.noise, touchedQubits(step.op), rng);
        break;
      case "measure": {
        if (!conditionHolds(step.op, bits)) break;
        const outcome = measureQubit(state, step.op.qubit, rng);
        bits[step.op.clbit] = noisyReadout(outcome, noise && readoutFor(noise, step.op.qubit), rng);
        break;
      }
      case "reset":
        if (!conditionHolds(step.op, bits)) break;
        if (measureQubit(state, step.op.qubit, rng) === 1) {
          runPlan(
            state,
            planGate(state.numQubits, {
              kind: "gate",
              name: "x",
              params: [],
              qubits: [step.op.qubit],
              controls: [],
              controlStates: [],
              loc: step.op.loc,
            }),
          );
        }
        break;
      case "classical":
        if (conditionHolds(step.op, bits)) runClassical(step.op, bits);
        break;
      default:
        assertNever(step, "step");
    }
  }
}

/** Writes the deferred measurements of basis state `index` into `bits` (with readout error). */
export function recordDeferred(
  index: number,
  deferred: readonly MeasureOp[],
  bits: Uint8Array,
  noise: NoiseModel | undefined,
  rng: Rng,
): void {
  for (const m of deferred) {
    const outcome = ((index >> m.qubit) & 1) as 0 | 1;
    bits[m.clbit] = noisyReadout(outcome, noise && readoutFor(noise, m.qubit), rng);
  }
}
