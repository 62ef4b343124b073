/**
 * Restricting a circuit to its first k qubits: the result is the circuit one would have written
 * for k qubits, checked against that hand-written circuit's state and gradients.
 */
import { describe, expect, it } from "vitest";

import { compile } from "@/lib/quantum/compile";
import { compileParametric, gradient, restrictParametric } from "@/lib/quantum/diff";
import { QuantumError } from "@/lib/quantum/errors";
import { inputsUsed, restrictToQubits } from "@/lib/quantum/restrict";
import { finalState } from "@/lib/quantum/simulate";

const HEADER = 'OPENQASM 3.0;\ninclude "stdgates.inc";\n';

/** A hardware-efficient layer on n qubits: RY on each, then a CZ ladder, then RY again. */
function ansatz(n: number, declared = n): string {
  const inputs = Array.from({ length: 2 * declared }, (_, i) => `input float w${i};`).join(" ");
  const ry = (layer: number) =>
    Array.from({ length: n }, (_, q) => `ry(w${layer * declared + q}) q[${q}];`).join(" ");
  const cz = Array.from({ length: n - 1 }, (_, q) => `cz q[${q}], q[${q + 1}];`).join(" ");
  return `${HEADER}${inputs}\nqubit[${n}] q;\nbit[${n}] c;\n${ry(0)}\n${cz}\n${ry(1)}\nc = measure q;\n`;
}

describe("restrictToQubits", () => {
  it("keeps exactly the operations on the first k qubits: the circuit written for k qubits", () => {
    const values = Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`w${i}`, 0.3 + i]));
    const full = compile(ansatz(4), { params: values });
    const cut = restrictToQubits(full, 2);
    expect(cut.numQubits).toBe(2);
    expect(cut.qregs).toEqual([{ name: "q", size: 2, offset: 0 }]);
    // Written for two qubits, its weights are w0, w1 (first layer) and w4, w5 (second layer).
    const small = compile(ansatz(2, 4), { params: values });
    expect(cut.ops.map((op) => op.kind)).toEqual(small.ops.map((op) => op.kind));
    expect(Array.from(finalState(cut).amps)).toEqual(Array.from(finalState(small).amps));
  });

  it("cuts registers at k, drops those above it, and drops requests on removed qubits", () => {
    const source = `${HEADER}#pragma expect Z0*Z2\n#pragma expect X1\nqubit[2] a;\nqubit[2] b;\nh a[0]; cx a[0], b[1]; x b[0];\n`;
    const three = restrictToQubits(compile(source), 3);
    expect(three.qregs).toEqual([
      { name: "a", size: 2, offset: 0 },
      { name: "b", size: 1, offset: 2 },
    ]);
    expect(three.ops.map((op) => (op.kind === "gate" ? op.name : op.kind))).toEqual(["h", "x"]);
    expect(three.expectations.map((e) => e.observable)).toEqual(["Z0*Z2", "X1"]);
    const two = restrictToQubits(compile(source), 2);
    expect(two.qregs.map((r) => r.name)).toEqual(["a"]);
    expect(two.expectations.map((e) => e.observable)).toEqual(["X1"]);
  });

  it("refuses a size the circuit does not have", () => {
    const circuit = compile(`${HEADER}qubit[3] q;\nh q;\n`);
    for (const k of [0, 4, 1.5]) {
      expect(() => restrictToQubits(circuit, k)).toThrow(QuantumError);
    }
    expect(() => restrictToQubits(circuit, 4)).toThrow(/restricted to 1 to 3 qubits, not 4/);
  });
});

describe("restrictParametric", () => {
  it("differentiates the restricted circuit exactly as the circuit written for k qubits", () => {
    const pc = compileParametric(ansatz(5));
    const cut = restrictParametric(pc, 3);
    expect(cut.parameters).toEqual(pc.parameters);
    expect(inputsUsed(cut.template).map((i) => cut.parameters[i])).toEqual([
      "w0",
      "w1",
      "w2",
      "w5",
      "w6",
      "w7",
    ]);
    const values = Array.from({ length: 10 }, (_, i) => Math.sin(i + 1) * 3);
    const global = "Z0*Z1*Z2";
    const restricted = gradient(cut, values, [global]);
    const written = gradient(compileParametric(ansatz(3, 5)), values, [global]);
    expect(restricted.values[0]).toBeCloseTo(written.values[0], 12);
    restricted.gradients[0].forEach((g, j) => expect(g).toBeCloseTo(written.gradients[0][j], 12));
    // Inputs of dropped gates have no effect: their derivatives are exactly zero.
    expect(restricted.gradients[0][3]).toBe(0);
    expect(cut.bind(values).numQubits).toBe(3);
  });
});
