/**
 * Hamiltonians as Pauli sums. The engine's `PauliSum` (lib/quantum/observables.ts) is the one
 * representation; a label such as "XIZY" is Qiskit's order: the rightmost character is qubit 0.
 * `text` is always a string `parsePauliSum` reads back to the same terms, so a bundled Hamiltonian
 * can be pasted into a cell as an observable.
 */
import type { Pauli, PauliFactor, PauliSum, PauliTerm } from "@/lib/quantum/observables";

/** A term in label form: { coefficient: 0.5, pauli: "IZZ" } is 0.5 · Z₁Z₀ on three qubits. */
export interface LabelledTerm {
  readonly coefficient: number;
  readonly pauli: string;
}

/** Builds a PauliSum from labelled terms, merging equal labels and dropping zeros. */
export function fromLabels(terms: readonly LabelledTerm[]): PauliSum {
  const merged = new Map<string, number>();
  let width = -1;
  for (const { coefficient, pauli } of terms) {
    if (!/^[IXYZ]+$/.test(pauli)) throw new RangeError(`"${pauli}" is not a Pauli label`);
    if (width >= 0 && pauli.length !== width) {
      throw new RangeError(`label "${pauli}" has ${pauli.length} qubits, expected ${width}`);
    }
    width = pauli.length;
    merged.set(pauli, (merged.get(pauli) ?? 0) + coefficient);
  }
  const out: PauliTerm[] = [];
  for (const [label, coeff] of merged) {
    if (coeff === 0) continue;
    const factors: PauliFactor[] = [];
    for (let q = 0; q < label.length; q++) {
      const letter = label[label.length - 1 - q];
      if (letter !== "I") factors.push({ pauli: letter as Pauli, qubit: q });
    }
    out.push({ coeff, factors });
  }
  return { text: pauliSumText(out), terms: out };
}

/** The label of a term on numQubits qubits ("IIZX": X on qubit 0, Z on qubit 1). */
export function termLabel(term: PauliTerm, numQubits: number): string {
  const letters = new Array<string>(numQubits).fill("I");
  for (const f of term.factors) {
    if (f.qubit >= numQubits) throw new RangeError(`qubit ${f.qubit} ≥ ${numQubits}`);
    letters[numQubits - 1 - f.qubit] = f.pauli;
  }
  return letters.join("");
}

export function toLabels(sum: PauliSum, numQubits: number): LabelledTerm[] {
  return sum.terms.map((t) => ({ coefficient: t.coeff, pauli: termLabel(t, numQubits) }));
}

/** "0.5*Z0*Z1 - 0.25*X0 + 1" with full-precision numbers, readable by parsePauliSum. */
export function pauliSumText(terms: readonly PauliTerm[]): string {
  if (terms.length === 0) return "0";
  return terms
    .map((t, i) => {
      const sign = t.coeff < 0 ? "-" : i === 0 ? "" : "+";
      const body = [String(Math.abs(t.coeff)), ...t.factors.map((f) => `${f.pauli}${f.qubit}`)];
      return `${i === 0 ? sign : ` ${sign} `}${body.join("*")}`;
    })
    .join("");
}

/** Σ c P with the same terms scaled and an identity offset added. */
export function affine(sum: PauliSum, scale: number, offset: number): PauliSum {
  const terms: PauliTerm[] = sum.terms.map((t) => ({ coeff: t.coeff * scale, factors: t.factors }));
  const identity = terms.findIndex((t) => t.factors.length === 0);
  if (identity >= 0) terms[identity] = { coeff: terms[identity].coeff + offset, factors: [] };
  else if (offset !== 0) terms.unshift({ coeff: offset, factors: [] });
  return { text: pauliSumText(terms), terms };
}
