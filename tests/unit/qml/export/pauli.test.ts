import { describe, expect, it } from "vitest";

import { fromLabels } from "@/lib/qml/data/pauli";
import { moleculeHamiltonian } from "@/lib/qml/data/chemistry/molecules";
import { labelledTerms, pennylaneOperator } from "@/lib/qml/export/pauli";
import { parsePauliSum } from "@/lib/quantum/observables";

describe("bit order: Qiskit-order labels as PennyLane operators", () => {
  it("puts the rightmost letter on wire 0", () => {
    expect(pennylaneOperator("XZ")).toBe("qml.X(1) @ qml.Z(0)");
    expect(pennylaneOperator("IIIZ")).toBe("qml.Z(0)");
    expect(pennylaneOperator("ZIII")).toBe("qml.Z(3)");
    expect(pennylaneOperator("YIXI")).toBe("qml.Y(3) @ qml.X(1)");
    expect(pennylaneOperator("II")).toBe("qml.Identity(0)");
    expect(() => pennylaneOperator("XA")).toThrow(/not a Pauli label/);
  });

  it("labels an engine sum in Qiskit's order", () => {
    expect(labelledTerms(parsePauliSum("0.5*Z0*Z1 - X2"), 3)).toEqual([
      { coefficient: 0.5, pauli: "IZZ" },
      { coefficient: -1, pauli: "XII" },
    ]);
  });

  it("acts on the qubits the engine's terms act on, for every term of H2 (Jordan–Wigner)", () => {
    const { terms } = moleculeHamiltonian("h2", 0.735, "jordan-wigner");
    for (const term of terms) {
      const wires = [...pennylaneOperator(term.pauli).matchAll(/qml\.([XYZ])\((\d+)\)/g)].map(
        ([, pauli, wire]) => ({ pauli, qubit: Number(wire) }),
      );
      const engine = fromLabels([term]).terms[0].factors;
      expect(wires.sort((a, b) => a.qubit - b.qubit)).toEqual(
        [...engine].sort((a, b) => a.qubit - b.qubit),
      );
    }
  });
});
