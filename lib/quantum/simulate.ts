/**
 * The one public entry of the engine: `simulate(circuit, options)` → SimulationResult, plus
 * `finalState` and `circuitUnitary` for the grader.
 *
 * How a circuit runs:
 * 1. Every operation is validated and planned once (statevector.ts), before any amplitude moves.
 * 2. Measurements that nothing later depends on ("deferred": no later gate/reset on the qubit,
 *    no later condition reading the bit) are taken off the body and sampled at the end.
 * 3. If the remaining body is unitary and noiseless, it runs once (fused) and all shots are
 *    sampled from the final probabilities. Otherwise every shot is its own trajectory
 *    (`perShot`), but the body's unitary, noiseless prefix still runs only once and is copied.
 * Probabilities, Bloch vectors and expectation values describe the state before the deferred
 * measurements; for per-shot runs they are averages over the trajectories (the mixed state).
 */
import type { Circuit, GateOp, GlobalPhaseOp, MeasureOp, Matrix, Op, ResetOp } from "./ir";
import { assertNever } from "./ir";
import { LimitError, QuantumError } from "./errors";
import { resolveLimits, type Limits } from "./limits";
import type { BlochVector, ExpectationValue, SimulationResult } from "./result";
import { zeros } from "./complex-matrix";
import { fusePlans, type UnitaryOp } from "./fusion";
import { expandCompact, lazyLayout } from "./kernels/lazy-qubits";
import {
  applyGateNoise,
  gateNoiseFor,
  noisyReadout,
  parseNoiseModel,
  readoutFor,
  type GateNoise,
  type NoiseModel,
} from "./noise";
import {
  blochVectors,
  checkQubits,
  expectation,
  parsePauliSum,
  type PauliSum,
} from "./observables";
import {
  basisLabel,
  countsKey,
  createRng,
  randomSeed,
  sampleCounts,
  sampleIndex,
  type Rng,
} from "./sample";
import {
  basisState,
  collapse,
  planFreshTarget,
  planGate,
  probabilityOfOne,
  runPlan,
  StateVector,
  type Plan,
} from "./statevector";

export interface SimulateOptions {
  /** Default 1024. */
  shots?: number;
  /** Non-negative integer; when absent a random seed is drawn and reported in the result. */
  seed?: number;
  noise?: NoiseModel;
  /** Pauli sums to evaluate besides the circuit's own `#pragma expect` requests. */
  observables?: string[];
  limits?: Partial<Limits>;
  /** Gate fusion (default true). Never changes results beyond rounding; off is for testing. */
  fusion?: boolean;
}

/** Results list at most this many amplitudes/probabilities (2^16), so JSON stays a few MB. */
export const MAX_LISTED = 1 << 16;
const PROBABILITY_FLOOR = 1e-12;

type Step =
  | { readonly kind: "plans"; readonly plans: readonly Plan[] }
  | {
      readonly kind: "gate";
      readonly op: GateOp | GlobalPhaseOp;
      readonly plan: Plan;
      readonly noise?: GateNoise;
    }
  | { readonly kind: "measure"; readonly op: MeasureOp }
  | { readonly kind: "reset"; readonly op: ResetOp };

interface Program {
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

function touchedQubits(op: Op): readonly number[] {
  switch (op.kind) {
    case "gate":
      return [...op.controls, ...op.qubits];
    case "gphase":
      return op.controls;
    case "measure":
    case "reset":
      return [op.qubit];
    case "barrier":
      return [];
    default:
      return assertNever(op, "operation");
  }
}

function checkClassical(circuit: Circuit, op: Op): void {
  const bits = [...(op.condition?.clbits ?? []), ...(op.kind === "measure" ? [op.clbit] : [])];
  for (const c of bits) {
    if (!Number.isInteger(c) || c < 0 || c >= circuit.numClbits) {
      throw new QuantumError(
        "semantic",
        `classical bit ${c} does not exist (the circuit has ${circuit.numClbits})`,
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

/** Validates, plans and splits a circuit (see the module comment). */
function compile(
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
  const plans = circuit.ops.map((op) => {
    checkClassical(circuit, op);
    return op.kind === "gate" || op.kind === "gphase" ? planGate(n, op) : null;
  });

  // Backward pass: which measurements can be deferred to the end.
  const deferredSet = new Set<number>();
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
      deferredSet.add(i);
      continue;
    }
    if (op.kind === "measure") writtenAfter.add(op.clbit);
    for (const q of touchedQubits(op)) touchedAfter.add(q);
    for (const c of op.condition?.clbits ?? []) readAfter.add(c);
  }

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
    if (perShotReason === null) {
      perShotReason = op.condition
        ? "classical control"
        : op.kind === "measure"
          ? "mid-circuit measurement"
          : op.kind === "reset"
            ? "reset"
            : "noise";
    }
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

/**
 * Runs unitary ops from |0…0⟩: on lazily activated qubits (kernels/lazy-qubits.ts), each
 * segment fused on its own, then expanded to qubit order.
 */
function runFromZero(
  n: number,
  ops: readonly UnitaryOp[],
  fusion: boolean,
  clock: Clock,
): StateVector {
  const lazy = lazyLayout(n, ops);
  const buffer = new Float64Array(2 * 2 ** n);
  buffer[0] = 1;
  let before = 0;
  for (const segment of lazy.segments) {
    const view = new StateVector(segment.active, buffer.subarray(0, 2 * 2 ** segment.active));
    // A segment that adds one qubit starts with the op activating it, while the qubit's |1⟩
    // half is still zero: a one-target gate there only needs to read the |0⟩ half.
    const [first, ...rest] = segment.ops;
    const fresh =
      segment.active === before + 1 && first?.kind === "gate"
        ? planFreshTarget(segment.active, first)
        : null;
    if (fresh) {
      runPlans(view, [fresh], clock);
      runPlans(view, unitaryPlans(segment.active, rest, fusion), clock);
    } else runPlans(view, unitaryPlans(segment.active, segment.ops, fusion), clock);
    before = segment.active;
  }
  return expandCompact(lazy, buffer);
}

function unitaryPlans(n: number, ops: readonly UnitaryOp[], fusion: boolean): Plan[] {
  return fusion ? fusePlans(n, ops) : ops.map((op) => planGate(n, op));
}

class Clock {
  private readonly start = performance.now();
  constructor(private readonly deadlineMs: number) {}
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

function runPlans(state: StateVector, plans: readonly Plan[], clock?: Clock): void {
  for (const plan of plans) {
    clock?.check();
    runPlan(state, plan);
  }
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
function runSteps(
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
      default:
        assertNever(step, "step");
    }
  }
}

/** Writes the deferred measurements of basis state `index` into `bits` (with readout error). */
function recordDeferred(
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

function parseObservables(circuit: Circuit, extra: readonly string[]): PauliSum[] {
  const fromCircuit = circuit.expectations.map((req) => {
    try {
      const sum = parsePauliSum(req.observable);
      checkQubits(sum, circuit.numQubits);
      return sum;
    } catch (e) {
      if (e instanceof QuantumError)
        throw new QuantumError(e.code, e.message, req.loc, { cause: e });
      throw e;
    }
  });
  const fromOptions = extra.map((text) => {
    const sum = parsePauliSum(text);
    checkQubits(sum, circuit.numQubits);
    return sum;
  });
  return [...fromCircuit, ...fromOptions];
}

/** Probabilities above the floor, keyed q[n-1]…q[0]; at most MAX_LISTED, the largest kept. */
function listProbabilities(
  probs: Float64Array | StateVector,
  numQubits: number,
): { list: Record<string, number>; truncated: boolean } {
  const p = (k: number): number =>
    probs instanceof StateVector ? probs.amps[2 * k] ** 2 + probs.amps[2 * k + 1] ** 2 : probs[k];
  const dim = 2 ** numQubits;
  let count = 0;
  for (let k = 0; k < dim; k++) if (p(k) > PROBABILITY_FLOOR) count++;
  const truncated = count > MAX_LISTED;
  // When too many: histogram by quarter-octave of probability, keep whole buckets from the
  // top, then fill up from the first bucket that does not fit, in index order (ties happen:
  // H on every qubit makes all probabilities equal).
  const bucket = (x: number): number => Math.min(199, Math.floor(-4 * Math.log2(x)));
  let cut = 200;
  let room = Infinity;
  if (truncated) {
    const buckets = new Float64Array(200);
    for (let k = 0; k < dim; k++) if (p(k) > PROBABILITY_FLOOR) buckets[bucket(p(k))]++;
    let kept = 0;
    cut = 0;
    while (cut < 200 && kept + buckets[cut] <= MAX_LISTED) kept += buckets[cut++];
    room = MAX_LISTED - kept;
  }
  const list: Record<string, number> = {};
  for (let k = 0; k < dim; k++) {
    const v = p(k);
    if (!(v > PROBABILITY_FLOOR)) continue;
    if (truncated) {
      const b = bucket(v);
      if (b > cut || (b === cut && room-- <= 0)) continue;
    }
    list[basisLabel(k, numQubits)] = v;
  }
  return { list, truncated };
}

function checkShotsAndSeed(
  options: SimulateOptions,
  limits: Limits,
): { shots: number; seed: number } {
  const shots = options.shots ?? 1024;
  if (!Number.isInteger(shots) || shots < 0) {
    throw new QuantumError("semantic", `shots must be a non-negative integer, got ${shots}`);
  }
  if (shots > limits.maxShots) {
    throw new LimitError(
      "maxShots",
      `${shots} shots requested; the limit is maxShots = ${limits.maxShots}`,
    );
  }
  const seed = options.seed ?? randomSeed();
  if (!Number.isSafeInteger(seed) || seed < 0) {
    throw new QuantumError("semantic", `the seed must be a non-negative integer, got ${seed}`);
  }
  return { shots, seed };
}

/** Simulates a circuit: counts, probabilities, state, Bloch vectors, expectation values. */
export function simulate(circuit: Circuit, options: SimulateOptions = {}): SimulationResult {
  const limits = resolveLimits(options.limits);
  const clock = new Clock(limits.deadlineMs);
  const { shots, seed } = checkShotsAndSeed(options, limits);
  const noise = options.noise === undefined ? undefined : parseNoiseModel(options.noise);
  const observables = parseObservables(circuit, options.observables ?? []);
  const fusion = options.fusion ?? true;
  const program = compile(circuit, limits, noise, fusion);
  const rng = createRng(seed);
  const n = circuit.numQubits;

  const state = runFromZero(n, program.prefix, fusion, clock);

  const counts = new Map<string, number>();
  const bits = new Uint8Array(circuit.numClbits);
  const tally = (): void => {
    const key = countsKey(bits, circuit.cregs);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  };
  let probabilities: Float64Array | StateVector;
  let bloch: BlochVector[];
  let expectations: ExpectationValue[];

  if (program.perShotReason === null) {
    for (const [index, hits] of sampleCounts(state, program.measures ? shots : 0, rng)) {
      for (let h = 0; h < hits; h++) {
        bits.fill(0);
        recordDeferred(index, program.deferred, bits, noise, rng);
        tally();
      }
    }
    probabilities = state;
    bloch = blochVectors(state);
    expectations = observables.map((sum) => ({
      observable: sum.text,
      value: expectation(state, sum),
    }));
  } else {
    if (shots === 0) {
      throw new QuantumError(
        "semantic",
        `this circuit needs at least one shot (it has ${program.perShotReason})`,
      );
    }
    const work = new StateVector(n);
    const sum = new Float64Array(2 ** n);
    const blochSum = Array.from({ length: n }, () => ({ x: 0, y: 0, z: 0 }));
    const expSum = new Float64Array(observables.length);
    for (let s = 0; s < shots; s++) {
      clock.check();
      work.copyFrom(state);
      bits.fill(0);
      runSteps(work, program, bits, rng, noise, clock);
      const a = work.amps;
      for (let k = 0; k < sum.length; k++)
        sum[k] += a[2 * k] * a[2 * k] + a[2 * k + 1] * a[2 * k + 1];
      blochVectors(work).forEach((v, q) => {
        blochSum[q].x += v.x;
        blochSum[q].y += v.y;
        blochSum[q].z += v.z;
      });
      observables.forEach((o, j) => (expSum[j] += expectation(work, o)));
      if (program.deferred.length > 0)
        recordDeferred(sampleIndex(work, rng), program.deferred, bits, noise, rng);
      if (program.measures) tally();
    }
    for (let k = 0; k < sum.length; k++) sum[k] /= shots;
    probabilities = sum;
    bloch = blochSum.map((v) => ({ x: v.x / shots, y: v.y / shots, z: v.z / shots }));
    expectations = observables.map((o, j) => ({ observable: o.text, value: expSum[j] / shots }));
  }

  const listed = listProbabilities(probabilities, n);
  let statevector: [number, number][] | null = null;
  let statevectorNote: string | undefined;
  if (program.perShotReason !== null) {
    statevectorNote = `the final state differs from shot to shot (${program.perShotReason})`;
  } else if (state.dim > MAX_LISTED) {
    statevectorNote = `the state has 2^${n} amplitudes; results list at most ${MAX_LISTED}`;
  } else {
    statevector = [];
    for (let k = 0; k < state.dim; k++) statevector.push(state.amplitude(k));
  }
  if (listed.truncated) {
    statevectorNote = `${statevectorNote ?? ""}${statevectorNote ? "; " : ""}probabilities list only the largest entries`;
  }
  const sortedCounts: Record<string, number> = {};
  for (const key of [...counts.keys()].sort()) sortedCounts[key] = counts.get(key)!;

  return {
    numQubits: n,
    numClbits: circuit.numClbits,
    shots,
    seed,
    counts: program.measures ? sortedCounts : null,
    probabilities: listed.list,
    statevector,
    ...(statevectorNote === undefined ? {} : { statevectorNote }),
    bloch,
    expectations,
    perShot: program.perShotReason !== null,
    elapsedMs: clock.elapsed(),
  };
}

export interface StateOptions {
  limits?: Partial<Limits>;
  /** Default true. */
  fusion?: boolean;
}

/** The unitary ops of a circuit that has no randomness before its terminal measurements. */
function deterministicOps(
  circuit: Circuit,
  options: StateOptions,
  what: string,
): readonly UnitaryOp[] {
  const program = compile(
    circuit,
    resolveLimits(options.limits),
    undefined,
    options.fusion ?? true,
  );
  if (program.perShotReason !== null) {
    throw new QuantumError(
      "unsupported",
      `${what} needs a circuit without ${program.perShotReason}`,
    );
  }
  return program.prefix;
}

/**
 * The state just before the terminal measurements (which are ignored), e.g. for the grader to
 * compare a learner's circuit with a reference up to global phase. Throws QuantumError
 * "unsupported" for circuits with mid-circuit measurement, reset or classical control.
 */
export function finalState(circuit: Circuit, options: StateOptions = {}): StateVector {
  const ops = deterministicOps(circuit, options, "finalState");
  const clock = new Clock(resolveLimits(options.limits).deadlineMs);
  return runFromZero(circuit.numQubits, ops, options.fusion ?? true, clock);
}

/** Largest circuit `circuitUnitary` builds: 2^10 columns of 2^10 amplitudes (16 MiB). */
export const MAX_UNITARY_QUBITS = 10;

/** The circuit's unitary (terminal measurements ignored), column k = U|k⟩, ≤ 10 qubits. */
export function circuitUnitary(circuit: Circuit, options: StateOptions = {}): Matrix {
  const n = circuit.numQubits;
  if (n > MAX_UNITARY_QUBITS) {
    throw new QuantumError(
      "unsupported",
      `circuitUnitary supports at most ${MAX_UNITARY_QUBITS} qubits, the circuit has ${n}`,
    );
  }
  const fusion = options.fusion ?? true;
  const plans = unitaryPlans(n, deterministicOps(circuit, options, "circuitUnitary"), fusion);
  const clock = new Clock(resolveLimits(options.limits).deadlineMs);
  const dim = 2 ** n;
  const out = zeros(dim);
  for (let col = 0; col < dim; col++) {
    clock.check();
    const state = basisState(n, col);
    runPlans(state, plans);
    for (let row = 0; row < dim; row++) {
      out.re[row * dim + col] = state.amps[2 * row];
      out.im[row * dim + col] = state.amps[2 * row + 1];
    }
  }
  return out;
}
