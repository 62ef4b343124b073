/**
 * Observables and Hamiltonians in each library's terms. Ketbook, like Qiskit, writes a Pauli
 * label with qubit 0 as its RIGHTMOST letter ("XZ" is X on qubit 1, Z on qubit 0), and that is
 * how the labels are embedded in both scripts (as `SparsePauliOp.from_list` takes them).
 * PennyLane names each factor by its wire instead, and the exported circuits put Ketbook's
 * qubit i on wire i, so letter k counted from the right becomes an operator on wire k:
 * "XZ" → `qml.X(1) @ qml.Z(0)`.
 */
import { toLabels, type LabelledTerm } from "@/lib/qml/data/pauli";
import type { PauliSum } from "@/lib/quantum/observables";

/** The terms of a sum as (coefficient, Qiskit-order label) on `numQubits` qubits. */
export function labelledTerms(sum: PauliSum, numQubits: number): LabelledTerm[] {
  return toLabels(sum, numQubits);
}

/**
 * A Qiskit-order label as a PennyLane operator on wires (highest wire first, as the letters
 * read); the all-identity label is `qml.Identity(0)`.
 */
export function pennylaneOperator(label: string): string {
  if (!/^[IXYZ]+$/.test(label)) throw new RangeError(`"${label}" is not a Pauli label`);
  const factors: string[] = [];
  for (let position = 0; position < label.length; position++) {
    const letter = label[position];
    if (letter === "I") continue;
    const wire = label.length - 1 - position;
    factors.push(`qml.${letter}(${wire})`);
  }
  return factors.length === 0 ? "qml.Identity(0)" : factors.join(" @ ");
}
