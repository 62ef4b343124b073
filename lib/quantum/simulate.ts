/**
 * The one public entry of the engine: `simulate(circuit, options)` → SimulationResult, plus
 * `finalState` and `circuitUnitary` for the grader.
 *
 * How a circuit runs (planning in program.ts, running in trajectory.ts):
 * 1. Every operation is validated and planned once (statevector.ts), before any amplitude moves.
 * 2. Measurements that nothing later depends on ("deferred": no later gate/reset on the qubit,
 *    no later condition reading the bit) are taken off the body and sampled at the end.
 * 3. If the remaining body is unitary and noiseless, it runs once (fused) and all shots are
 *    sampled from the final probabilities. Otherwise every shot is its own trajectory
 *    (`perShot`), but the body's unitary, noiseless prefix still runs only once and is copied.
 * Probabilities, Bloch vectors and expectation values describe the state before the deferred
 * measurements; for per-shot runs they are averages over the trajectories (the mixed state).
 *
 * Noise: the circuit's own `#pragma noise` model, with `options.noise` laid over it entry by
 * entry (mergeNoiseModels: the caller's entry for a gate or qubit wins). `finalState` and
 * `circuitUnitary` describe the ideal circuit and ignore noise.
 */
import { zeros } from "./complex-matrix";
import { LimitError, QuantumError } from "./errors";
import type { UnitaryOp } from "./fusion";
import type { Circuit, Matrix } from "./ir";
import { type Limits, resolveLimits } from "./limits";
import {
  hasGateNoise,
  isNoisy,
  mergeNoiseModels,
  type NoiseModel,
  parseNoiseModel,
  readoutFor,
} from "./noise";
import {
  blochVectors,
  checkQubits,
  expectation,
  parsePauliSum,
  type PauliSum,
} from "./observables";
import { listProbabilities, MAX_LISTED } from "./probability-listing";
import { planProgram, unitaryPlans } from "./program";
import type { BlochVector, ExpectationValue, SimulationResult } from "./result";
import { countsKey, createRng, randomSeed, sampleCounts, sampleIndex } from "./sample";
import { ShotDeadline } from "./shot-deadline";
import { basisState, StateVector } from "./statevector";
import { Clock, recordDeferred, runFromZero, runPlans, runSteps } from "./trajectory";

export { MAX_LISTED };

export interface SimulateOptions {
  /** Default 1024. */
  shots?: number;
  /** Non-negative integer; when absent a random seed is drawn and reported in the result. */
  seed?: number;
  /** Laid over the circuit's `#pragma noise` model: its entry for a gate or qubit wins. */
  noise?: NoiseModel;
  /** Pauli sums to evaluate besides the circuit's own `#pragma expect` requests. */
  observables?: string[];
  limits?: Partial<Limits>;
  /** Gate fusion (default true). Never changes results beyond rounding; off is for testing. */
  fusion?: boolean;
  /**
   * Receives the final state (before terminal measurements) when it is the same for every shot,
   * for a caller that needs every amplitude however many there are (the CLI's --statevector).
   * When given, the result's `statevector` is null and its note says only why there is no single
   * state, if so: the caller holds the state.
   */
  onFinalState?: (state: StateVector) => void;
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

/** The circuit's noise with the caller's laid over it, validated; undefined when noiseless. */
function effectiveNoise(circuit: Circuit, extra: NoiseModel | undefined): NoiseModel | undefined {
  const merged = mergeNoiseModels(circuit.noise?.model, extra);
  return merged === undefined ? undefined : parseNoiseModel(merged);
}

/** Simulates a circuit: counts, probabilities, state, Bloch vectors, expectation values. */
export function simulate(circuit: Circuit, options: SimulateOptions = {}): SimulationResult {
  const limits = resolveLimits(options.limits);
  const clock = new Clock(limits.deadlineMs);
  const { shots, seed } = checkShotsAndSeed(options, limits);
  const noise = effectiveNoise(circuit, options.noise);
  const observables = parseObservables(circuit, options.observables ?? []);
  const fusion = options.fusion ?? true;
  const program = planProgram(circuit, limits, noise, fusion);
  const rng = createRng(seed);
  const n = circuit.numQubits;

  const state = runFromZero(n, program.prefix, fusion, clock);

  const counts = new Map<string, number>();
  // Hidden bits (latches, run-time ints) come after the visible ones; counts read only cregs.
  const bits = new Uint8Array(circuit.numClbits + (circuit.hiddenClbits ?? 0));
  const tally = (hits = 1): void => {
    const key = countsKey(bits, circuit.cregs);
    counts.set(key, (counts.get(key) ?? 0) + hits);
  };
  let probabilities: Float64Array | StateVector;
  let bloch: BlochVector[];
  let expectations: ExpectationValue[];

  if (program.perShotReason === null) {
    // Without readout errors a basis state always reads as the same bits: one key per state
    // sampled, not per shot (the same counts, and the same draws from the seeded generator).
    const exactReadout = program.deferred.every((m) => !noise || !readoutFor(noise, m.qubit));
    for (const [index, hits] of sampleCounts(state, program.measures ? shots : 0, rng)) {
      for (let h = 0; h < (exactReadout ? 1 : hits); h++) {
        bits.fill(0);
        recordDeferred(index, program.deferred, bits, noise, rng);
        tally(exactReadout ? hits : 1);
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
    const deadline = new ShotDeadline(clock, shots, n, hasGateNoise(noise));
    for (let s = 0; s < shots; s++) {
      deadline.beforeShot(s);
      work.copyFrom(state);
      bits.fill(0);
      try {
        runSteps(work, program, bits, rng, noise, clock);
      } catch (error) {
        throw deadline.explain(error);
      }
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
  } else if (options.onFinalState) {
    options.onFinalState(state);
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
    ...(circuit.notes ? { notes: circuit.notes.map((note) => note.message) } : {}),
    bloch,
    expectations,
    perShot: program.perShotReason !== null,
    ...(isNoisy(noise) ? { noise } : {}),
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
  const program = planProgram(
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
