/**
 * Noise as quantum trajectories: each shot is one trajectory in which, after every noisy gate,
 * a Kraus operator of each channel is drawn with its Born probability and applied. Averaged over
 * shots this reproduces the density-matrix result, at state-vector memory cost.
 *
 * A noise model is plain JSON (so it can travel to workers and live in lesson files):
 *
 * ```json
 * {
 *   "gates": {
 *     "cx": { "depolarizing": 0.02 },
 *     "h":  { "depolarizing": 0.01, "qubits": [0, 2] },
 *     "*":  { "amplitude_damping": 0.01, "phase_damping": 0.005 }
 *   },
 *   "readout": { "*": [0.02, 0.05], "3": [0.1, 0.1] }
 * }
 * ```
 *
 * - `gates` maps a gate name (as in the IR: "cx", "u3", "unitary", …) or "*" (every gate) to the
 *   channels applied after that gate. An entry for the gate's own name replaces "*" for it.
 *   Channels act on every qubit the gate touches (controls included), or only on the listed
 *   `qubits`. Order: depolarizing, then amplitude damping, then phase damping.
 * - `depolarizing` p on the k affected qubits: with probability p the qubits are replaced by the
 *   maximally mixed state, i.e. a uniformly random Pauli string of the 4^k (identity included)
 *   is applied. This is Qiskit's `depolarizing_error(p, k)`.
 * - `amplitude_damping` γ: Kraus [[1,0],[0,√(1−γ)]] and [[0,√γ],[0,0]] per qubit (|1⟩ decays).
 * - `phase_damping` λ: Kraus [[1,0],[0,√(1−λ)]] and [[0,0],[0,√λ]] per qubit.
 * - `readout` maps a qubit index or "*" to [p(0→1), p(1→0)]: the recorded bit of a measurement
 *   of that qubit is flipped with that probability. A qubit's own entry replaces "*".
 * Global-phase operations, barriers, measurements and resets are never noisy.
 */
import type { GateNoise, NoiseModel } from "./noise-model";
import { fromRows } from "./complex-matrix";
import type { Rng } from "./sample";

export { parseNoiseModel, type GateNoise, type NoiseModel } from "./noise-model";
import {
  collapse,
  planMatrix,
  probabilityOfOne,
  runPlan,
  type Plan,
  type StateVector,
} from "./statevector";

/** The channels after gate `name`, or undefined when that gate is noiseless. */
export function gateNoiseFor(model: NoiseModel, name: string): GateNoise | undefined {
  const gates = model.gates;
  if (gates === undefined) return undefined;
  // Own properties only: a gate named `toString` must not find Object.prototype's.
  const entry = Object.hasOwn(gates, name)
    ? gates[name]
    : Object.hasOwn(gates, "*")
      ? gates["*"]
      : undefined;
  if (!entry) return undefined;
  const any =
    (entry.depolarizing ?? 0) > 0 ||
    (entry.amplitude_damping ?? 0) > 0 ||
    (entry.phase_damping ?? 0) > 0;
  return any ? entry : undefined;
}

/** [p(0→1), p(1→0)] for measurements of `qubit`, or undefined when readout is perfect. */
export function readoutFor(
  model: NoiseModel,
  qubit: number,
): readonly [number, number] | undefined {
  const e = model.readout?.[String(qubit)] ?? model.readout?.["*"];
  return e && (e[0] > 0 || e[1] > 0) ? e : undefined;
}

/**
 * `over` laid over `base`, entry by entry: an entry of `over` for a gate name (or "*") or a
 * readout qubit (or "*") replaces `base`'s entry for the same key; other entries of both stay.
 * This is how a caller's model (the CLI's `--noise`, an experiment's `noise`) meets the noise a
 * circuit names with `#pragma noise`.
 */
export function mergeNoiseModels(
  base: NoiseModel | undefined,
  over: NoiseModel | undefined,
): NoiseModel | undefined {
  if (base === undefined) return over;
  if (over === undefined) return base;
  const gates = base.gates || over.gates ? { ...base.gates, ...over.gates } : undefined;
  const readout = base.readout || over.readout ? { ...base.readout, ...over.readout } : undefined;
  return { ...(gates ? { gates } : {}), ...(readout ? { readout } : {}) };
}

/** True when some channel or readout error of the model has a nonzero probability. */
export function isNoisy(model: NoiseModel | undefined): boolean {
  if (model === undefined) return false;
  return (
    hasGateNoise(model) ||
    Object.values(model.readout ?? {}).some(([p01, p10]) => p01 > 0 || p10 > 0)
  );
}

export function hasGateNoise(model: NoiseModel | undefined): boolean {
  if (!model?.gates) return false;
  return Object.keys(model.gates).some((name) => gateNoiseFor(model, name) !== undefined);
}

/** Applies the recorded-bit flip of a readout error. */
export function noisyReadout(
  bit: 0 | 1,
  error: readonly [number, number] | undefined,
  rng: Rng,
): 0 | 1 {
  if (!error) return bit;
  const flip = bit === 0 ? error[0] : error[1];
  return flip > 0 && rng.next() < flip ? ((1 - bit) as 0 | 1) : bit;
}

const PAULI_X = fromRows([
  [0, 1],
  [1, 0],
]);
const PAULI_Y = fromRows([
  [0, [0, -1]],
  [[0, 1], 0],
]);
const PAULI_Z = fromRows([
  [1, 0],
  [0, -1],
]);

function plan1(state: StateVector, rows: Parameters<typeof fromRows>[0], q: number): Plan {
  return planMatrix(state.numQubits, fromRows(rows), {
    targets: [q],
    controls: [],
    controlStates: [],
  });
}

/** One trajectory step of the channels in `noise` on the gate's operands. */
export function applyGateNoise(
  state: StateVector,
  noise: GateNoise,
  operands: readonly number[],
  rng: Rng,
): void {
  const qubits = noise.qubits ? operands.filter((q) => noise.qubits!.includes(q)) : operands;
  if (qubits.length === 0) return;
  const n = state.numQubits;
  const p = noise.depolarizing ?? 0;
  if (p > 0 && rng.next() < p) {
    for (const q of qubits) {
      const which = rng.nextUint32() & 3;
      if (which === 0) continue;
      const m = which === 1 ? PAULI_X : which === 2 ? PAULI_Y : PAULI_Z;
      runPlan(state, planMatrix(n, m, { targets: [q], controls: [], controlStates: [] }));
    }
  }
  const gamma = noise.amplitude_damping ?? 0;
  if (gamma > 0) {
    for (const q of qubits) {
      const p1 = probabilityOfOne(state, q);
      if (rng.next() < gamma * p1) {
        // Decay: |1⟩ → |0⟩; the |0⟩ part is annihilated by this Kraus operator.
        runPlan(
          state,
          plan1(
            state,
            [
              [0, 1 / Math.sqrt(p1)],
              [0, 0],
            ],
            q,
          ),
        );
      } else {
        const norm = 1 / Math.sqrt(1 - gamma * p1);
        runPlan(
          state,
          plan1(
            state,
            [
              [norm, 0],
              [0, Math.sqrt(1 - gamma) * norm],
            ],
            q,
          ),
        );
      }
    }
  }
  const lambda = noise.phase_damping ?? 0;
  if (lambda > 0) {
    for (const q of qubits) {
      const p1 = probabilityOfOne(state, q);
      if (rng.next() < lambda * p1) {
        collapse(state, q, 1, p1);
      } else {
        const norm = 1 / Math.sqrt(1 - lambda * p1);
        runPlan(
          state,
          plan1(
            state,
            [
              [norm, 0],
              [0, Math.sqrt(1 - lambda) * norm],
            ],
            q,
          ),
        );
      }
    }
  }
}
