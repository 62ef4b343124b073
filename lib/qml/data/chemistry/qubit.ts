/**
 * From molecular-orbital integrals to qubit Hamiltonians.
 *
 * Spin orbitals in Qiskit Nature's block order: index j < m is spatial orbital j with spin α,
 * index m + j the same orbital with spin β (m spatial orbitals). The second-quantised Hamiltonian
 *
 *   H = E_nuc + Σ_{pq,σ} h_pq a†_{pσ} a_{qσ} + ½ Σ_{pqrs,στ} (pq|rs) a†_{pσ} a†_{rτ} a_{sτ} a_{qσ}
 *
 * is built as a matrix on the 2^{2m} occupation states, with the Jordan–Wigner sign: bit j of
 * the index is the occupation of spin orbital j and a_j carries (−1)^{occupations below j}, so
 * a_j = Z_0 ⋯ Z_{j−1} (X_j + iY_j)/2 and the occupation basis is the qubit basis. The Pauli
 * coefficients are then exact traces c_P = Tr(P H)/2^n. That is the Jordan–Wigner mapping.
 *
 * The parity mapping stores p_j = n_0 ⊕ … ⊕ n_j on qubit j. With block order, qubit m − 1 holds
 * the α-electron parity and qubit 2m − 1 the total parity; both are conserved, so H holds only I
 * or Z there and the two-qubit reduction (Bravyi et al., arXiv:1701.08213; Qiskit's
 * `ParityMapper(num_particles)`) replaces those Z by their eigenvalues (−1)^{N_α} and (−1)^{N}
 * and drops the two qubits: 4 → 2 qubits for H₂, as in O'Malley et al., PRX 6, 031007 (2016).
 */
import { symmetricEigen } from "../../linalg";
import type { LabelledTerm } from "../pauli";

export interface OrbitalIntegrals {
  /** h_pq over spatial orbitals. */
  readonly oneBody: number[][];
  /** (pq|rs) over spatial orbitals, chemists' notation. */
  readonly twoBody: number[][][][];
  readonly constant: number;
}

/** a_j (annihilate) or a†_j (create) on an occupation state: [sign, new state] or null. */
function ladder(state: number, j: number, create: boolean): [number, number] | null {
  const occupied = (state >> j) & 1;
  if (occupied === (create ? 1 : 0)) return null;
  let below = state & ((1 << j) - 1);
  let sign = 1;
  for (; below; below &= below - 1) sign = -sign;
  return [sign, state ^ (1 << j)];
}

/** Applies a†_{ops[0]} … (rightmost acts first) to |state⟩. ops: [orbital, create?][]. */
function apply(state: number, ops: readonly [number, boolean][]): [number, number] | null {
  let sign = 1;
  for (let i = ops.length - 1; i >= 0; i--) {
    const r = ladder(state, ops[i][0], ops[i][1]);
    if (!r) return null;
    sign *= r[0];
    state = r[1];
  }
  return [sign, state];
}

/** The Hamiltonian as a dense matrix on the 2^{2m} occupation states (Jordan–Wigner order). */
export function fermionMatrix(ints: OrbitalIntegrals): number[][] {
  const m = ints.oneBody.length;
  const n = 2 * m;
  const dim = 1 << n;
  const H = Array.from({ length: dim }, (_, k) =>
    Array.from({ length: dim }, (_, l) => (k === l ? ints.constant : 0)),
  );
  const add = (coefficient: number, ops: [number, boolean][]): void => {
    if (coefficient === 0) return;
    for (let state = 0; state < dim; state++) {
      const r = apply(state, ops);
      if (r) H[r[1]][state] += coefficient * r[0];
    }
  };
  const spin = [0, m];
  for (const s of spin) {
    for (let p = 0; p < m; p++) {
      for (let q = 0; q < m; q++)
        add(ints.oneBody[p][q], [
          [p + s, true],
          [q + s, false],
        ]);
    }
  }
  for (const s of spin) {
    for (const t of spin) {
      for (let p = 0; p < m; p++) {
        for (let q = 0; q < m; q++) {
          for (let r = 0; r < m; r++) {
            for (let u = 0; u < m; u++) {
              add(0.5 * ints.twoBody[p][q][r][u], [
                [p + s, true],
                [r + t, true],
                [u + t, false],
                [q + s, false],
              ]);
            }
          }
        }
      }
    }
  }
  return H;
}

/**
 * Pauli coefficients c_P = Tr(P H)/2^n of a real symmetric matrix, in Qiskit label order, rounded
 * to zero below 1e-14 (the traces of terms that vanish by symmetry). Terms with an odd number of
 * Y have imaginary coefficients for a general matrix; for a real symmetric H they vanish.
 */
export function pauliDecompose(H: number[][], numQubits: number): LabelledTerm[] {
  const dim = 1 << numQubits;
  const letters = ["I", "X", "Y", "Z"] as const;
  const out: LabelledTerm[] = [];
  for (let code = 0; code < 4 ** numQubits; code++) {
    // Digit q (base 4) is qubit q's letter.
    let x = 0;
    let z = 0;
    let ys = 0;
    let label = "";
    for (let q = 0, c = code; q < numQubits; q++, c = Math.floor(c / 4)) {
      const d = c % 4;
      if (d === 1 || d === 2) x |= 1 << q;
      if (d === 2 || d === 3) z |= 1 << q;
      if (d === 2) ys++;
      label = letters[d] + label;
    }
    if (ys % 2 === 1) continue;
    // Tr(P H) = Σ_k ⟨k|P H|k⟩ = Σ_k i^{ys} (−1)^{popcount((k⊕x) & z)} H[k ⊕ x][k]… with P|k⊕x⟩ ∝ |k⟩.
    let trace = 0;
    for (let k = 0; k < dim; k++) {
      let bits = k & z;
      let sign = 1;
      for (; bits; bits &= bits - 1) sign = -sign;
      trace += sign * H[k][k ^ x];
    }
    const coefficient = ((ys / 2) % 2 === 1 ? -trace : trace) / dim;
    if (Math.abs(coefficient) > 1e-14) out.push({ coefficient, pauli: label });
  }
  return out;
}

/** Occupation state → parity-mapped state (p_j = n_0 ⊕ … ⊕ n_j). */
function toParity(state: number, n: number): number {
  let p = 0;
  let acc = 0;
  for (let j = 0; j < n; j++) {
    acc ^= (state >> j) & 1;
    p |= acc << j;
  }
  return p;
}

/**
 * Parity mapping with the two-qubit reduction for N_α α and N_β β electrons: 2m − 2 qubits.
 * Throws if the parity-mapped H acts with X or Y on a qubit it removes (it cannot, as both
 * parities commute with H; the check guards the construction).
 */
export function parityReduced(
  H: number[][],
  m: number,
  alpha: number,
  beta: number,
): LabelledTerm[] {
  const n = 2 * m;
  const dim = 1 << n;
  const P = Array.from({ length: dim }, () => new Array<number>(dim).fill(0));
  for (let k = 0; k < dim; k++) {
    for (let l = 0; l < dim; l++) P[toParity(k, n)][toParity(l, n)] = H[k][l];
  }
  const full = pauliDecompose(P, n);
  const removed = [m - 1, n - 1];
  const value = [(-1) ** alpha, (-1) ** (alpha + beta)];
  const reduced: LabelledTerm[] = [];
  for (const { coefficient, pauli } of full) {
    let c = coefficient;
    let label = "";
    for (let q = 0; q < n; q++) {
      const letter = pauli[n - 1 - q];
      const r = removed.indexOf(q);
      if (r < 0) label = letter + label;
      else if (letter === "Z") c *= value[r];
      else if (letter !== "I") {
        throw new RangeError(`parity-mapped H has ${letter} on removed qubit ${q} (${pauli})`);
      }
    }
    reduced.push({ coefficient: c, pauli: label });
  }
  // Merge terms that became equal.
  const merged = new Map<string, number>();
  for (const t of reduced) merged.set(t.pauli, (merged.get(t.pauli) ?? 0) + t.coefficient);
  return [...merged]
    .filter(([, c]) => Math.abs(c) > 1e-14)
    .map(([pauli, coefficient]) => ({ coefficient, pauli }));
}

/**
 * The lowest eigenvalue of H among occupation states with N_α α and N_β β electrons (full CI in
 * that sector). The 4-qubit Jordan–Wigner H spans every electron number: for HeH⁺ its overall
 * lowest eigenvalue belongs to three electrons (HeH), so the molecule's energy must come from here.
 */
export function sectorGroundEnergy(H: number[][], m: number, alpha: number, beta: number): number {
  const count = (k: number): number => {
    let c = 0;
    for (; k; k &= k - 1) c++;
    return c;
  };
  const mask = (1 << m) - 1;
  const states = H.map((_, k) => k).filter(
    (k) => count(k & mask) === alpha && count(k >> m) === beta,
  );
  return symmetricEigen(states.map((i) => states.map((j) => H[i][j]))).values[0];
}
