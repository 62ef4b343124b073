/**
 * A circuit cut down to its first k qubits: the same program as if it had been written for k
 * qubits, used to study how a quantity scales with circuit width (barren plateaus) from one
 * circuit written for the largest size.
 *
 * The rule: every operation that touches a qubit ≥ k (as a target, a control or a measured
 * qubit) is dropped whole; nothing is ever rewritten. Registers keep their elements below k
 * (a register wholly above k disappears), classical bits stay as they are, and `#pragma expect`
 * requests that name a dropped qubit are dropped with the gates. Inputs are kept, all of them:
 * symbolic angles refer to inputs by their index, and an input no kept gate uses simply has no
 * effect (`inputsUsed` says which still matter). The program's own noise (`#pragma noise`) is
 * kept as written: its entries name gates and qubits, and those naming a removed qubit match no
 * remaining operation or measurement.
 *
 * This does not decide whether the cut is meaningful: a gate between qubit k−1 and qubit k is
 * gone, not replaced by anything, so a circuit whose first k qubits are not a sensible circuit on
 * their own gives a sensible-looking but different one.
 */
import { angleInputs } from "./angle";
import { QuantumError } from "./errors";
import type { Circuit, Op } from "./ir";
import { parsePauliSum } from "./observables";

/** The qubits an operation touches: targets, controls, the measured or reset qubit. */
export function qubitsOf(op: Op): readonly number[] {
  switch (op.kind) {
    case "gate":
      return [...op.qubits, ...op.controls];
    case "gphase":
      return op.controls;
    case "measure":
    case "reset":
      return [op.qubit];
    case "barrier":
      return op.qubits;
    case "classical":
      return [];
  }
}

export function restrictToQubits(circuit: Circuit, k: number): Circuit {
  if (!Number.isInteger(k) || k < 1 || k > circuit.numQubits) {
    throw new QuantumError(
      "semantic",
      `a circuit on ${circuit.numQubits} qubits can be restricted to 1 to ${circuit.numQubits} qubits, not ${k}`,
    );
  }
  const kept = (q: number) => q < k;
  return {
    ...circuit,
    numQubits: k,
    qregs: circuit.qregs
      .filter((r) => r.offset < k)
      .map((r) => ({ ...r, size: Math.min(r.size, k - r.offset) })),
    ops: circuit.ops.filter((op) => qubitsOf(op).every(kept)),
    expectations: circuit.expectations.filter((request) =>
      parsePauliSum(request.observable).terms.every((t) => t.factors.every((f) => kept(f.qubit))),
    ),
  };
}

/** Indices of the inputs some operation's angle depends on (a compiled-for-rebinding circuit). */
export function inputsUsed(circuit: Circuit): number[] {
  const used = new Set<number>();
  for (const op of circuit.ops) {
    const angles =
      op.kind === "gate"
        ? (op.symbolic ?? [])
        : op.kind === "gphase" && op.symbolic
          ? [op.symbolic]
          : [];
    for (const angle of angles) for (const i of angleInputs(angle)) used.add(i);
  }
  return [...used].sort((a, b) => a - b);
}
