import { describe, expect, it } from "vitest";
import { compile } from "@/lib/quantum/compile";
import { GATE_CATALOG } from "@/lib/quantum/gate-catalog";
import { gateMatrix } from "@/lib/quantum/gates";
import type { GateOp, Matrix } from "@/lib/quantum/ir";
import { unitaryPower } from "@/lib/quantum/qasm/matrix-power";
import { distance, unitaryOf } from "./unitary-helper";

const Q3 = 'OPENQASM 3.0;\ninclude "stdgates.inc";\ninclude "qelib1.inc";\n';

function circuitOf(body: string, qubits: number) {
  return compile(`${Q3}qubit[${qubits}] q;\n${body}`);
}

function gates(body: string, qubits: number): GateOp[] {
  return circuitOf(body, qubits).ops.filter((op): op is GateOp => op.kind === "gate");
}

function unitary(body: string, qubits: number): Matrix {
  return unitaryOf(circuitOf(body, qubits).ops, qubits);
}

function multiply(a: Matrix, b: Matrix): Matrix {
  const d = a.dim;
  const out = { dim: d, re: new Float64Array(d * d), im: new Float64Array(d * d) };
  for (let r = 0; r < d; r++) {
    for (let c = 0; c < d; c++) {
      for (let k = 0; k < d; k++) {
        out.re[r * d + c] += a.re[r * d + k] * b.re[k * d + c] - a.im[r * d + k] * b.im[k * d + c];
        out.im[r * d + c] += a.re[r * d + k] * b.im[k * d + c] + a.im[r * d + k] * b.re[k * d + c];
      }
    }
  }
  return out;
}

function identity(dim: number): Matrix {
  const m = { dim, re: new Float64Array(dim * dim), im: new Float64Array(dim * dim) };
  for (let i = 0; i < dim; i++) m.re[i * dim + i] = 1;
  return m;
}

/** A call of each catalog gate on the first operands, with fixed irregular angles. */
function callOf(name: string, params: number, qubits: number): string {
  const angles = [0.37, -1.21, 2.05, 0.66].slice(0, params);
  const args = params ? `(${angles.join(", ")})` : "";
  const operands = Array.from({ length: qubits }, (_, i) => `q[${i}]`).join(", ");
  return `${name}${args} ${operands};`;
}

describe("inv @", () => {
  it("maps standard gates to their named inverses", () => {
    const named = gates(
      "inv @ s q[0]; inv @ t q[0]; inv @ sx q[0]; inv @ sdg q[0]; inv @ rx(0.5) q[0]; inv @ u3(1, 2, 3) q[0]; inv @ h q[0]; inv @ cx q[0], q[1];",
      2,
    );
    expect(named.map((op) => `${op.name}(${op.params})`)).toEqual([
      "sdg()",
      "tdg()",
      "sxdg()",
      "s()",
      "rx(-0.5)",
      "u3(-1,-3,-2)",
      "h()",
      "cx()",
    ]);
  });

  it("gives the exact inverse of every catalog gate", () => {
    for (const g of GATE_CATALOG) {
      const call = callOf(g.name, g.params.length, g.qubits);
      const product = unitary(`${call}\ninv @ ${call}`, g.qubits);
      expect(distance(product, identity(1 << g.qubits)), g.name).toBeLessThan(1e-12);
    }
  });

  it("falls back to the conjugate-transposed matrix for gates without a closed form", () => {
    const [op] = gates("inv @ rccx q[0], q[1], q[2];", 3);
    expect(op.name).toBe("unitary");
    expect(op.qubits).toEqual([0, 1, 2]);
    expect(
      distance(multiply(op.matrix as Matrix, gateMatrix("rccx", [])), identity(8)),
    ).toBeLessThan(1e-12);
  });

  it("reverses a user gate's body and inverts each op", () => {
    const ops = gates(
      "gate g(a) x, y { h x; s y; cx x, y; rz(a) y; }\ninv @ g(0.5) q[0], q[1];",
      2,
    );
    expect(ops.map((op) => `${op.name}(${op.params})[${op.qubits}]<${op.definedIn}>`)).toEqual([
      "rz(-0.5)[1]<g>",
      "cx()[0,1]<g>",
      "sdg()[1]<g>",
      "h()[0]<g>",
    ]);
  });
});

describe("ctrl @ and negctrl @", () => {
  it("adds controls, taking the leading operands in modifier order", () => {
    const [a, b, c] = gates(
      "ctrl @ x q[0], q[1]; ctrl(2) @ h q[2], q[0], q[1]; negctrl @ ctrl @ rz(0.5) q[1], q[2], q[0];",
      3,
    );
    expect(a).toMatchObject({ name: "x", qubits: [1], controls: [0], controlStates: [1] });
    expect(b).toMatchObject({ name: "h", qubits: [1], controls: [2, 0], controlStates: [1, 1] });
    expect(c).toMatchObject({
      name: "rz",
      params: [0.5],
      qubits: [0],
      controls: [1, 2],
      controlStates: [0, 1],
    });
  });

  it("controls every op of a user gate's body", () => {
    const ops = gates("gate bell a, b { h a; cx a, b; }\nctrl @ bell q[2], q[0], q[1];", 3);
    expect(ops.map((op) => `${op.name}[${op.qubits}] ctrl[${op.controls}]`)).toEqual([
      "h[0] ctrl[2]",
      "cx[0,1] ctrl[2]",
    ]);
  });

  it("turns a controlled global phase into a phase gate on the control", () => {
    const circuit = circuitOf(
      "ctrl @ gphase(0.5) q[0]; ctrl(2) @ gphase(0.25) q[0], q[1]; negctrl @ gphase(0.75) q[1];",
      2,
    );
    const [p1, p2, neg] = circuit.ops;
    expect(p1).toMatchObject({ kind: "gate", name: "p", params: [0.5], qubits: [0], controls: [] });
    expect(p2).toMatchObject({
      kind: "gate",
      name: "p",
      params: [0.25],
      qubits: [1],
      controls: [0],
    });
    expect(neg).toMatchObject({ kind: "gphase", angle: 0.75, controls: [1], controlStates: [0] });
  });

  it("matches the controlled matrix of the gate it modifies", () => {
    const controlled = unitary("ctrl @ u3(0.3, 0.2, 0.1) q[0], q[1];", 2);
    expect(distance(controlled, gateMatrix("cu3", [0.3, 0.2, 0.1]))).toBeLessThan(1e-12);
    const negated = unitary("negctrl @ x q[0], q[1];", 2);
    const expected = unitary("x q[0]; cx q[0], q[1]; x q[0];", 2);
    expect(distance(negated, expected)).toBeLessThan(1e-12);
  });
});

describe("pow(k) @", () => {
  it("repeats the op for an integer k, inverting it for a negative k", () => {
    const names = (body: string) => gates(body, 2).map((op) => `${op.name}(${op.params})`);
    expect(names("pow(3) @ t q[0];")).toEqual(["t()", "t()", "t()"]);
    expect(names("pow(-2) @ s q[0];")).toEqual(["sdg()", "sdg()"]);
    expect(names("pow(0) @ h q[0];")).toEqual([]);
    expect(names("gate g a, b { h a; cx a, b; }\npow(2) @ g q[0], q[1];")).toEqual([
      "h()",
      "cx()",
      "h()",
      "cx()",
    ]);
  });

  it("scales the angle of rotations and turns s, t, z into phase gates", () => {
    const names = gates(
      "pow(0.5) @ rx(0.8) q[0]; pow(1.5) @ rzz(0.2) q[0], q[1]; pow(0.5) @ s q[0]; pow(0.5) @ t q[0]; pow(0.25) @ z q[0]; pow(0.5) @ crz(1) q[0], q[1];",
      2,
    ).map((op) => `${op.name}(${op.params.map((p) => +p.toFixed(6))})`);
    expect(names).toEqual([
      "rx(0.4)",
      "rzz(0.3)",
      "p(0.785398)",
      "p(0.392699)",
      "p(0.785398)",
      "crz(0.5)",
    ]);
  });

  it("takes the principal matrix power otherwise, so two square roots make the gate", () => {
    for (const g of GATE_CATALOG) {
      const call = callOf(g.name, g.params.length, g.qubits);
      const squared = unitary(`pow(0.5) @ ${call}\npow(0.5) @ ${call}`, g.qubits);
      expect(distance(squared, unitary(call, g.qubits)), g.name).toBeLessThan(1e-9);
    }
  });

  it("gives √X = sx and the principal square root of a user gate", () => {
    const [root] = gates("pow(0.5) @ x q[0];", 1);
    expect(root.name).toBe("unitary");
    expect(distance(root.matrix as Matrix, gateMatrix("sx", []))).toBeLessThan(1e-12);
    const ops = gates("gate g a, b { h a; cx a, b; }\npow(0.5) @ g q[1], q[0];", 2);
    expect(ops).toHaveLength(1);
    expect(ops[0]).toMatchObject({ name: "unitary", qubits: [1, 0], definedIn: "g" });
    const whole = unitary("h q[1]; cx q[1], q[0];", 2);
    const half = unitary("gate g a, b { h a; cx a, b; }\npow(0.5) @ g q[1], q[0];", 2);
    expect(distance(multiply(half, half), whole)).toBeLessThan(1e-9);
  });

  it("composes chains of modifiers from the gate outwards", () => {
    const chained = unitary("inv @ pow(2) @ ctrl @ rx(0.3) q[0], q[1];", 2);
    const expected = unitary("crx(-0.6) q[0], q[1];", 2);
    expect(distance(chained, expected)).toBeLessThan(1e-12);
    const ctrlPow = unitary("ctrl @ pow(0.5) @ x q[0], q[1];", 2);
    expect(distance(ctrlPow, gateMatrix("csx", []))).toBeLessThan(1e-12);
  });
});

describe("modifiers on gphase", () => {
  it("negate, repeat or scale the phase", () => {
    const circuit = circuitOf("inv @ gphase(0.3); pow(2) @ gphase(0.2); pow(0.5) @ gphase(1);", 1);
    expect(circuit.ops.map((op) => (op.kind === "gphase" ? op.angle : NaN))).toEqual([
      -0.3, 0.2, 0.2, 0.5,
    ]);
  });
});

describe("unitaryPower", () => {
  it("is the principal branch: (-1)^(1/2) = i, diag(1, -1)^(1/2) = S", () => {
    const z = { dim: 2, re: Float64Array.from([1, 0, 0, -1]), im: new Float64Array(4) };
    const root = unitaryPower(z, 0.5);
    expect(distance(root, gateMatrix("s", []))).toBeLessThan(1e-12);
  });

  it("agrees with repeated multiplication for integer powers of a random-looking unitary", () => {
    const u = unitary(
      "u3(0.4, 1.3, -0.7) q[0]; cx q[0], q[1]; ry(2.2) q[1]; rzz(0.9) q[0], q[1];",
      2,
    );
    expect(distance(unitaryPower(u, 3), multiply(u, multiply(u, u)))).toBeLessThan(1e-9);
    expect(distance(unitaryPower(u, 1), u)).toBeLessThan(1e-9);
  });

  it("handles degenerate eigenvalues (a gate that is the identity on most states)", () => {
    const c4x = gateMatrix("c4x", []);
    const root = unitaryPower(c4x, 0.5);
    expect(distance(multiply(root, root), c4x)).toBeLessThan(1e-9);
  });
});
