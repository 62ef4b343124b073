import type { NoiseModel } from "./noise";

/**
 * What a simulation returns: plain JSON-serialisable data, the same shape for the CLI, the
 * `/api/run` route and the grader.
 *
 * Bit order follows Qiskit: in every bitstring the highest index is written first.
 * - `counts` keys are classical-bit strings; several classical registers are joined by one space,
 *   the last declared register first (Qiskit's `get_counts()` format).
 * - `probabilities` keys are qubit strings q[n-1]…q[0] of the state before terminal measurement.
 * - `statevector[k]` is the amplitude of basis state k, qubit 0 being the least significant bit.
 */
export interface BlochVector {
  readonly x: number;
  readonly y: number;
  readonly z: number;
}

export interface ExpectationValue {
  readonly observable: string;
  readonly value: number;
}

export interface SimulationResult {
  readonly numQubits: number;
  readonly numClbits: number;
  readonly shots: number;
  readonly seed: number;
  /** Null when the circuit measures nothing (as Qiskit gives no counts without measurements). */
  readonly counts: Record<string, number> | null;
  /** Nonzero outcome probabilities of the final (pre-terminal-measurement) state. */
  readonly probabilities: Record<string, number>;
  /**
   * `[re, im]` pairs. Null when the final state depends on the shot (mid-circuit measurement,
   * reset, classical control or noise), with `statevectorNote` saying why.
   */
  readonly statevector: [number, number][] | null;
  readonly statevectorNote?: string;
  /** One Bloch vector per qubit, from its reduced density matrix (length < 1 when entangled). */
  readonly bloch: BlochVector[];
  readonly expectations: ExpectationValue[];
  /** True when each shot was simulated separately (mid-circuit measurement, noise...). */
  readonly perShot: boolean;
  /**
   * The noise model the run used (the circuit's `#pragma noise` lines merged with the caller's),
   * present only when some probability in it is nonzero. Gate noise makes the run per shot:
   * probabilities, Bloch vectors and expectation values are then averages over the shots'
   * trajectories. Readout error changes only the recorded bits, so it shows in `counts` alone.
   */
  readonly noise?: NoiseModel;
  /** What the program asked for that the simulation ignored (e.g. `delay`), one line each. */
  readonly notes?: readonly string[];
  readonly elapsedMs: number;
}
