/**
 * The transverse-field Ising chain H = −J Σ Z_i Z_{i+1} − h Σ X_i (J = 1), open or periodic, and
 * its ground states as labelled "quantum data" for phase classification: in the thermodynamic
 * limit the chain is ferromagnetic for h < 1 and paramagnetic for h > 1 (Pfeuty, Ann. Phys. 57,
 * 79 (1970); Sachdev, “Quantum Phase Transitions”, ch. 5). Finite chains blur the transition
 * near h = 1, which is part of the exercise.
 */
import type { PauliSum, PauliTerm } from "@/lib/quantum/observables";
import { symmetricEigen, pauliSumMatrix } from "../linalg";
import { pauliSumText } from "./pauli";

export type Boundary = "open" | "periodic";

export interface IsingOptions {
  /** Number of spins (qubits), 2…8. */
  readonly n: number;
  /** Transverse field h (in units of J). */
  readonly field: number;
  readonly boundary?: Boundary;
}

function check(n: number, boundary: Boundary): void {
  if (!Number.isInteger(n) || n < 2 || n > 8) {
    throw new RangeError(`an Ising chain has 2 to 8 spins, got ${n}`);
  }
  if (boundary === "periodic" && n < 3) throw new RangeError("a periodic chain needs 3 spins");
}

export function isingHamiltonian({ n, field, boundary = "open" }: IsingOptions): PauliSum {
  check(n, boundary);
  if (!Number.isFinite(field)) throw new RangeError(`the field must be a number, got ${field}`);
  const terms: PauliTerm[] = [];
  const bonds = boundary === "periodic" ? n : n - 1;
  for (let i = 0; i < bonds; i++) {
    terms.push({
      coeff: -1,
      factors: [
        { pauli: "Z", qubit: i },
        { pauli: "Z", qubit: (i + 1) % n },
      ],
    });
  }
  if (field !== 0) {
    for (let i = 0; i < n; i++) terms.push({ coeff: -field, factors: [{ pauli: "X", qubit: i }] });
  }
  return { text: pauliSumText(terms), terms };
}

export interface IsingGroundState {
  readonly field: number;
  readonly energy: number;
  /** Real amplitudes in the engine's qubit order (qubit q = bit q of the index). */
  readonly amplitudes: number[];
  /** 0 = ferromagnetic (h < 1), 1 = paramagnetic (h > 1). */
  readonly label: number;
}

export interface IsingQuantumData {
  readonly n: number;
  readonly boundary: Boundary;
  readonly states: IsingGroundState[];
  readonly classNames: ["ferromagnetic", "paramagnetic"];
  readonly licence: string;
  readonly provenance: string;
}

/**
 * Ground states by exact diagonalisation. For h > 0 the ground state is unique, even under the
 * spin flip Π X_i, and has non-negative amplitudes (H is stoquastic); for small h it is nearly
 * degenerate with the odd state, so we take the even part of the lowest two eigenvectors and fix
 * the sign by that positivity. At h = 0 this gives (|0…0⟩ + |1…1⟩)/√2. h = 1 (critical) has no
 * label and is rejected.
 */
export function isingGroundStates(options: {
  n: number;
  fields: readonly number[];
  boundary?: Boundary;
}): IsingQuantumData {
  const { n, fields, boundary = "open" } = options;
  check(n, boundary);
  const dim = 1 << n;
  const states = fields.map((field) => {
    if (!(field >= 0) || field === 1 || !Number.isFinite(field)) {
      throw new RangeError(`fields are ≥ 0 and not the critical 1, got ${field}`);
    }
    const { re } = pauliSumMatrix(isingHamiltonian({ n, field, boundary }), n);
    const { values, vectors } = symmetricEigen(re);
    // Even part v + Πv, where Π = ΠX flips every bit: (Πv)_k = v_{k ⊕ (2^n − 1)}.
    const even = (v: number[]) => v.map((x, k) => x + v[k ^ (dim - 1)]);
    let amplitudes = even(vectors[0]);
    let norm = Math.hypot(...amplitudes);
    if (norm < 0.5) {
      amplitudes = even(vectors[1]);
      norm = Math.hypot(...amplitudes);
    }
    const sign = amplitudes.reduce((a, b) => a + b, 0) < 0 ? -1 : 1;
    amplitudes = amplitudes.map((x) => (sign * x) / norm);
    return { field, energy: values[0], amplitudes, label: field < 1 ? 0 : 1 };
  });
  return {
    n,
    boundary,
    states,
    classNames: ["ferromagnetic", "paramagnetic"],
    licence: "Generated; no third-party data (CC0).",
    provenance:
      "Exact diagonalisation of the transverse-field Ising chain H = −Σ Z_i Z_{i+1} − h Σ X_i " +
      "computed here; phases as in P. Pfeuty, Ann. Phys. 57, 79 (1970).",
  };
}
