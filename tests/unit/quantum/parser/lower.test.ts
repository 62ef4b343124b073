import { describe, expect, it } from "vitest";
import { compile } from "@/lib/quantum/compile";
import type { Op } from "@/lib/quantum/ir";

const Q2 = 'OPENQASM 2.0;\ninclude "qelib1.inc";\n';
const Q3 = 'OPENQASM 3.0;\ninclude "stdgates.inc";\n';

/** A compact, readable form of an op: `cx[0,1]`, `rz(0.5)[2] if c=1`, `measure 0->1`. */
function brief(op: Op): string {
  const cond = op.condition ? ` if ${op.condition.label}=${op.condition.value}` : "";
  switch (op.kind) {
    case "gate": {
      const params = op.params.length ? `(${op.params.map((p) => +p.toFixed(6)).join(",")})` : "";
      const ctrl = op.controls.length ? ` ctrl[${op.controls}]/${op.controlStates.join("")}` : "";
      const from = op.definedIn ? ` <${op.definedIn}>` : "";
      return `${op.name}${params}[${op.qubits}]${ctrl}${from}${cond}`;
    }
    case "gphase":
      return `gphase(${+op.angle.toFixed(6)})${op.controls.length ? ` ctrl[${op.controls}]` : ""}${cond}`;
    case "measure":
      return `measure ${op.qubit}->${op.clbit}${cond}`;
    case "reset":
      return `reset ${op.qubit}${cond}`;
    case "barrier":
      return `barrier[${op.qubits}]${cond}`;
    case "classical":
      return `[${op.targets}] := ${op.label}${cond}`;
  }
}

function ops(source: string, params: Record<string, number> = {}): string[] {
  return compile(source, { params }).ops.map(brief);
}

describe("lowering: registers and indices", () => {
  it("numbers qubits and bits globally in declaration order", () => {
    const circuit = compile(
      `${Q2}qreg a[2];\nqreg b[3];\ncreg c[1];\ncreg d[2];\nx b[1];\nmeasure b[2] -> d[1];`,
    );
    expect(circuit.qregs).toEqual([
      { name: "a", size: 2, offset: 0 },
      { name: "b", size: 3, offset: 2 },
    ]);
    expect(circuit.cregs).toEqual([
      { name: "c", size: 1, offset: 0 },
      { name: "d", size: 2, offset: 1 },
    ]);
    expect(circuit).toMatchObject({ version: "2.0", numQubits: 5, numClbits: 3 });
    expect(circuit.ops.map(brief)).toEqual(["x[3]", "measure 4->2"]);
  });

  it("treats `qubit q;` and `bit c;` as one-element registers", () => {
    const circuit = compile(`${Q3}qubit a;\nqubit[2] b;\nbit c;\nh a;\nc = measure a;`);
    expect(circuit.qregs).toEqual([
      { name: "a", size: 1, offset: 0 },
      { name: "b", size: 2, offset: 1 },
    ]);
    expect(circuit.ops.map(brief)).toEqual(["h[0]", "measure 0->0"]);
  });

  it("records the statement's location on each op", () => {
    const circuit = compile(`${Q2}qreg q[2];\n  h q;\ncx q[0],\n q[1];`);
    expect(circuit.ops.map((op) => op.loc)).toEqual([
      { line: 4, column: 3 },
      { line: 4, column: 3 },
      { line: 5, column: 1 },
    ]);
  });
});

describe("lowering: statements", () => {
  it("keeps standard gates by name, with evaluated parameters", () => {
    expect(
      ops(
        `${Q2}qreg q[3];\nu3(pi/2, 0, pi) q[0];\ncu1(pi/4) q[0], q[1];\nccx q[0], q[1], q[2];\nU(0,0,0) q[2];\nCX q[2], q[0];`,
      ),
    ).toEqual([
      "u3(1.570796,0,3.141593)[0]",
      "cu1(0.785398)[0,1]",
      "ccx[0,1,2]",
      "U(0,0,0)[2]",
      "CX[2,0]",
    ]);
  });

  it("broadcasts over registers: one register operand, or all of equal size", () => {
    expect(ops(`${Q2}qreg a[2];\nqreg b[2];\nh a;\ncx a, b;\ncx a[1], b;\nrz(0.5) b;`)).toEqual([
      "h[0]",
      "h[1]",
      "cx[0,2]",
      "cx[1,3]",
      "cx[1,2]",
      "cx[1,3]",
      "rz(0.5)[2]",
      "rz(0.5)[3]",
    ]);
  });

  it("lowers every measurement spelling element by element", () => {
    const expected = ["measure 0->0", "measure 1->1", "measure 1->0"];
    expect(ops(`${Q2}qreg q[2];\ncreg c[2];\nmeasure q -> c;\nmeasure q[1] -> c[0];`)).toEqual(
      expected,
    );
    expect(ops(`${Q3}qubit[2] q;\nbit[2] c;\nc = measure q;\nc[0] = measure q[1];`)).toEqual(
      expected,
    );
    expect(ops(`${Q3}qubit[2] q;\nbit[2] c;\nmeasure q -> c;\nmeasure q[1] -> c[0];`)).toEqual(
      expected,
    );
  });

  it("lowers reset and barrier, `barrier;` covering every qubit declared so far", () => {
    expect(ops(`${Q2}qreg q[2];\nqreg r[1];\nreset q;\nbarrier q[1], r, q[1];\nbarrier;`)).toEqual([
      "reset 0",
      "reset 1",
      "barrier[1,2]",
      "barrier[0,1,2]",
    ]);
  });

  it("conditions every op of an `if` on a register value", () => {
    expect(
      ops(`${Q2}qreg q[2];\ncreg c[2];\nif (c == 2) x q;\nif (c==1) measure q[0] -> c[1];`),
    ).toEqual(["x[0] if c=2", "x[1] if c=2", "measure 0->1 if c=1"]);
    const circuit = compile(`${Q2}qreg q[1];\ncreg a[1];\ncreg c[3];\nif (c == 5) x q[0];`);
    expect(circuit.ops[0].condition).toEqual({ clbits: [1, 2, 3], value: 5, label: "c" });
  });

  it("supports single-bit conditions, their negation and else", () => {
    const source = `${Q3}qubit[2] q;\nbit[2] c;\nif (c[1] == 1) { x q[0]; h q[1]; } else { z q[0]; }\nif (c[0]) y q[0];\nif (!c[1]) s q[0];\nif (c[0] == 0) { t q[0]; } else t q[1];`;
    expect(ops(source)).toEqual([
      "x[0] if c[1]=1",
      "h[1] if c[1]=1",
      "z[0] if c[1]=0",
      "y[0] if c[0]=1",
      "s[0] if c[1]=0",
      "t[0] if c[0]=0",
      "t[1] if c[0]=1",
    ]);
    const circuit = compile(`${Q3}qubit q;\nbit[3] c;\nif (c[2]) x q;`);
    expect(circuit.ops[0].condition).toEqual({ clbits: [2], value: 1, label: "c[2]" });
    expect(ops(`${Q3}qubit q;\nbit b;\nif (b == 1) { x q; } else { z q; }`)).toEqual([
      "x[0] if b=1",
      "z[0] if b=0",
    ]);
  });

  it("unrolls inclusive ranges, stepped and descending ranges and sets", () => {
    expect(
      ops(`${Q3}qubit[6] q;\nfor uint i in [0:2] { rz(i * pi / 4) q[i]; cx q[i], q[i + 1]; }`),
    ).toEqual(["rz(0)[0]", "cx[0,1]", "rz(0.785398)[1]", "cx[1,2]", "rz(1.570796)[2]", "cx[2,3]"]);
    expect(
      ops(
        `${Q3}qubit[6] q;\nfor int i in [0:2:5] x q[i];\nfor int j in [5:-2:0] h q[j];\nfor int k in {4, 1} z q[k];\nfor int e in [3:1] y q[e];`,
      ),
    ).toEqual(["x[0]", "x[2]", "x[4]", "h[5]", "h[3]", "h[1]", "z[4]", "z[1]"]);
  });

  it("nests loops, with the outer variable visible inside", () => {
    expect(
      ops(`${Q3}qubit[3] q;\nfor int i in [0:1] { for int j in [i + 1:2] { cz q[i], q[j]; } }`),
    ).toEqual(["cz[0,1]", "cz[0,2]", "cz[1,2]"]);
  });

  it("evaluates constants, including in sizes, and scopes them to their block", () => {
    expect(
      ops(
        `${Q3}const int n = 2;\nconst float half = pi / n;\nqubit[n + 1] q;\nrx(half) q[n];\n{ const float x = 1; rz(x) q[0]; }\n{ const float x = 2; rz(x) q[0]; }`,
      ),
    ).toEqual(["rx(1.570796)[2]", "rz(1)[0]", "rz(2)[0]"]);
  });

  it("binds inputs from params and reports them on the circuit", () => {
    const source = `${Q3}input float[64] theta;\ninput float phi;\nqubit q;\nrx(theta) q;\nrz(2 * phi) q;`;
    const circuit = compile(source, { params: { theta: 0.25, phi: -1, unused: 3 } });
    expect(circuit.inputs).toEqual([
      { name: "theta", value: 0.25 },
      { name: "phi", value: -1 },
    ]);
    expect(circuit.ops.map(brief)).toEqual(["rx(0.25)[0]", "rz(-2)[0]"]);
  });

  it("collects `#pragma expect` requests with their raw text", () => {
    const circuit = compile(
      `${Q3}qubit[2] q;\n#pragma expect 0.5*Z0*Z1 - 0.3*X0\npragma expect Y1\nh q[0];`,
    );
    expect(circuit.expectations).toEqual([
      { observable: "0.5*Z0*Z1 - 0.3*X0", loc: { line: 4, column: 1 } },
      { observable: "Y1", loc: { line: 5, column: 1 } },
    ]);
  });

  it("accepts `#pragma expect` in OpenQASM 2 too", () => {
    const circuit = compile(`${Q2}qreg q[1];\n#pragma expect Z0\nh q[0];`);
    expect(circuit.expectations).toEqual([{ observable: "Z0", loc: { line: 4, column: 1 } }]);
  });

  it("lowers gphase to a global phase op", () => {
    expect(ops(`${Q3}qubit q;\ngphase(pi / 2);`)).toEqual(["gphase(1.570796)"]);
  });

  it("inlines user gates down to standard gates, at the call's location", () => {
    const source = `${Q2}gate majority a, b, c { cx c, b; cx c, a; ccx a, b, c; }\ngate wrap(t) x, y, z { majority x, y, z; rz(t / 2) z; }\nqreg q[3];\nwrap(1) q[2], q[0], q[1];`;
    const circuit = compile(source);
    expect(circuit.ops.map(brief)).toEqual([
      "cx[1,0] <wrap>",
      "cx[1,2] <wrap>",
      "ccx[2,0,1] <wrap>",
      "rz(0.5)[1] <wrap>",
    ]);
    expect(new Set(circuit.ops.map((op) => `${op.loc.line}:${op.loc.column}`))).toEqual(
      new Set(["6:1"]),
    );
  });

  it("lets a gate body use global constants but not registers", () => {
    expect(
      ops(`${Q3}const float k = 3;\ngate g(a) x { rz(a * k) x; }\nqubit q;\ng(0.5) q;`),
    ).toEqual(["rz(1.5)[0] <g>"]);
  });

  it("inlines `u0` from qelib1.inc, which has no simulator kernel of its own", () => {
    expect(ops(`${Q2}qreg q[1];\nu0(3) q[0];`)).toEqual(["U(0,0,0)[0] <u0>"]);
  });

  it("defaults to OpenQASM 3 without a version line and accepts both include files", () => {
    const circuit = compile(
      'include "stdgates.inc";\ninclude "qelib1.inc";\nqubit[2] q;\nrzz(0.5) q[0], q[1];\ncphase(0.1) q[0], q[1];',
    );
    expect(circuit.version).toBe("3.0");
    expect(circuit.ops.map(brief)).toEqual(["rzz(0.5)[0,1]", "cphase(0.1)[0,1]"]);
  });
});

describe("listInputs", () => {
  it("lists the input declarations with their types and name locations", async () => {
    const { listInputs } = await import("@/lib/quantum/compile");
    expect(
      listInputs(`${Q3}input float[64] theta;\nqubit q;\ninput float φ;\nrx(theta + φ) q;`),
    ).toEqual([
      { name: "theta", type: "float[64]", loc: { line: 3, column: 17 } },
      { name: "φ", type: "float", loc: { line: 5, column: 13 } },
    ]);
    expect(listInputs("OPENQASM 2.0;\nqreg q[1];")).toEqual([]);
    // Only the syntax matters: a program with an unbound input or an unknown gate still lists.
    expect(listInputs("input float a;\nfoo(a) q;").map((i) => i.name)).toEqual(["a"]);
    expect(() => listInputs("input float;")).toThrow("expected a name for the input, found `;`");
  });
});
