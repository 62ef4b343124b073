/**
 * The compiler's total work is bounded by the limits, not only the size of its result: nested
 * gates, loops, repeated expressions and matrix powers all spend from one budget derived from
 * maxOperations, and a deep chain of gates compiles without exhausting the call stack.
 */
import { describe, expect, it } from "vitest";
import { compile, type CompileOptions } from "@/lib/quantum/compile";
import { LimitError } from "@/lib/quantum/errors";
import type { GateOp } from "@/lib/quantum/ir";
import { DEFAULT_LIMITS } from "@/lib/quantum/limits";
import { WORK_PER_OPERATION } from "@/lib/quantum/qasm/budget";

/**
 * `g0` is one op, `g(i+1)` calls `g(i)` twice (so `g(depth)` is 2^depth ops), and `w0`…`w(width)`
 * wrap `g(depth)` in `width + 1` more levels; the last line calls the outermost wrapper.
 */
function bomb(depth: number, width: number): string {
  const doubling = Array.from(
    { length: depth },
    (_, i) => `gate g${i + 1} x { g${i} x; g${i} x; }`,
  ).join(" ");
  const wrappers = Array.from({ length: width }, (_, i) => `gate w${i + 1} x { w${i} x; }`).join(
    " ",
  );
  return `OPENQASM 2.0; qreg q[1]; gate g0 x { U(0,0,0) x; } ${doubling} gate w0 x { g${depth} x; } ${wrappers}\nw${width} q[0];`;
}

function limitError(source: string, options?: CompileOptions): LimitError {
  try {
    compile(source, options);
  } catch (e) {
    if (e instanceof LimitError) return e;
    throw e;
  }
  throw new Error("expected compile() to throw a LimitError");
}

const workMessage = (maxOperations: number) =>
  `expanding this program's loops and gates takes more than ${WORK_PER_OPERATION * maxOperations} steps (an operation counts again at every gate it is inlined through); the limit is ${WORK_PER_OPERATION} × maxOperations = ${WORK_PER_OPERATION} × ${maxOperations}`;

describe("work budget of nested gates", () => {
  it("stops the 19.5 KB program that inlines 65 536 ops through 817 levels", () => {
    const source = bomb(16, 800);
    expect(source.length).toBeLessThan(DEFAULT_LIMITS.maxSourceBytes);
    const e = limitError(source);
    expect(e.limit).toBe("maxOperations");
    expect(e.message).toBe(workMessage(DEFAULT_LIMITS.maxOperations));
    expect(e.loc).toEqual({ line: 2, column: 1 });
  });

  it.each([
    [10, 2000],
    [16, 0],
    [16, 2000],
    [20, 0],
    [20, 800],
    [30, 0],
    [30, 2000],
  ])("stops the variant with depth %i and %i wrappers", (depth, width) => {
    const e = limitError(bomb(depth, width));
    expect(e.limit).toBe("maxOperations");
    expect(e.message).toMatch(/maxOperations/);
    expect(e.loc).toEqual({ line: 2, column: 1 });
  });

  it("counts an op once per level it is inlined through, not only once in the result", () => {
    const options = { limits: { maxOperations: 50 } };
    // Four ops, well under 50, but inlined through 301 levels: 1 204 steps for them alone.
    const chain = (levels: number) =>
      `OPENQASM 3.0; qubit q; gate a0 x { U(0,0,0) x; U(0,0,0) x; U(0,0,0) x; U(0,0,0) x; } ${Array.from(
        { length: levels },
        (_, i) => `gate a${i + 1} x { a${i} x; }`,
      ).join(" ")}\na${levels} q;`;
    expect(compile(chain(40), options).ops).toHaveLength(4);
    const e = limitError(chain(300), options);
    expect([e.limit, e.message, e.loc]).toEqual([
      "maxOperations",
      workMessage(50),
      { line: 2, column: 1 },
    ]);
  });

  it("still compiles the variants whose work fits, to the right number of ops", () => {
    expect(compile(bomb(10, 800)).ops).toHaveLength(1024);
    expect(compile(bomb(14, 0)).ops).toHaveLength(16384);
  });

  it("counts calls of gates that produce nothing", () => {
    const empty = `OPENQASM 3.0; qubit q; gate g0 x { } ${Array.from(
      { length: 40 },
      (_, i) => `gate g${i + 1} x { g${i} x; g${i} x; }`,
    ).join(" ")}\ng40 q;`;
    expect(limitError(empty).limit).toBe("maxOperations");
  });
});

describe("deep but small programs", () => {
  /** `levels` wrappers around one `U`, as long as fits in maxSourceBytes. */
  function chain(levels: number, modifier = ""): string {
    const lines = ["OPENQASM 3.0;", "qubit[2] q;", "gate a0 x { U(0.1, 0.2, 0.3) x; }"];
    for (let i = 0; i < levels; i++) lines.push(`gate a${i + 1} x { ${modifier}a${i} x; }`);
    lines.push(`a${levels} q[1];`);
    return lines.join("\n");
  }

  it("inlines a chain of 2 500 gates without exhausting the call stack", () => {
    const source = chain(2500);
    expect(source.length).toBeLessThan(DEFAULT_LIMITS.maxSourceBytes);
    const [op, ...rest] = compile(source).ops as GateOp[];
    expect(rest).toEqual([]);
    expect(op).toMatchObject({
      kind: "gate",
      name: "U",
      params: [0.1, 0.2, 0.3],
      qubits: [1],
      controls: [],
      definedIn: "a2500",
      loc: { line: 2504, column: 1 },
    });
  });

  it("applies a modifier at each of 1 001 levels", () => {
    // U(θ,φ,λ)† = U(−θ,−λ,−φ); an odd number of inversions leaves the inverse.
    const [op, ...rest] = compile(chain(1001, "inv @ ")).ops as GateOp[];
    expect(rest).toEqual([]);
    expect(op).toMatchObject({ name: "U", params: [-0.1, -0.3, -0.2], definedIn: "a1001" });
    const controlled = compile(
      chain(1000, "inv @ ").replace("a1000 q[1];", "ctrl @ a1000 q[0], q[1];"),
    );
    expect(controlled.ops).toMatchObject([
      { name: "U", params: [0.1, 0.2, 0.3], qubits: [1], controls: [0], controlStates: [1] },
    ]);
  });

  it("names every op after the gate written at the call, however deep it was defined", () => {
    const source = [
      "OPENQASM 3.0;",
      "qubit[2] q;",
      "gate inner a { U(0, 0, 0.5) a; gphase(0.25); }",
      "gate middle a, b { inner a; ctrl @ inner a, b; }",
      "gate outer a, b { middle b, a; }",
      "outer q[0], q[1];",
      "ctrl @ inner q[0], q[1];",
    ].join("\n");
    expect(compile(source).ops).toMatchObject([
      { kind: "gate", name: "U", qubits: [1], controls: [], definedIn: "outer" },
      { kind: "gphase", angle: 0.25 },
      { kind: "gate", name: "U", qubits: [0], controls: [1], definedIn: "outer" },
      // ctrl @ gphase(θ) is a phase gate on the control, named after the gate it came from
      { kind: "gate", name: "p", params: [0.25], qubits: [1], controls: [], definedIn: "outer" },
      { kind: "gate", name: "U", qubits: [1], controls: [0], definedIn: "inner" },
      { kind: "gate", name: "p", params: [0.25], qubits: [0], controls: [] },
    ]);
    expect((compile(source).ops[5] as GateOp).definedIn).toBeUndefined();
  });
});

describe("work budget of loops, expressions and matrices", () => {
  it("stops a loop over empty blocks", () => {
    const source = `OPENQASM 3.0; qubit q; for int i in [0:99999] { ${"{} ".repeat(20000)}}`;
    const e = limitError(source);
    expect([e.limit, e.message, e.loc]).toEqual([
      "maxOperations",
      workMessage(DEFAULT_LIMITS.maxOperations),
      { line: 1, column: 24 },
    ]);
  });

  it("counts each evaluation of a large expression", () => {
    let sum = "a";
    for (let i = 0; i < 12; i++) sum = `(${sum}+${sum})`;
    const source = `OPENQASM 3.0; qubit q; gate g(a) x { U(${sum}, 0, 0) x; }\nfor int i in [0:9999] { g(1) q; }`;
    // 10 000 ops are allowed; evaluating 8 191 nodes for each of them is not.
    const e = limitError(source);
    expect([e.limit, e.loc]).toEqual(["maxOperations", { line: 2, column: 1 }]);
    expect(e.message).toBe(workMessage(DEFAULT_LIMITS.maxOperations));
  });

  it("counts the matrix arithmetic of fractional powers", () => {
    const source = [
      "OPENQASM 3.0;",
      "qubit[6] q;",
      "gate g a, b, c, d, e, f { CX a, b; CX b, c; CX c, d; CX d, e; CX e, f; }",
      "for int i in [0:9999] { pow(0.5) @ g q[0], q[1], q[2], q[3], q[4], q[5]; }",
    ].join("\n");
    const e = limitError(source);
    expect([e.limit, e.loc]).toEqual(["maxOperations", { line: 4, column: 1 }]);
    // A few of them are fine.
    const few = compile(source.replace("[0:9999]", "[0:2]"));
    expect(few.ops).toHaveLength(3);
    expect(few.ops[0]).toMatchObject({ name: "unitary", qubits: [0, 1, 2, 3, 4, 5] });
  });

  it("scales with maxOperations", () => {
    const source = `OPENQASM 3.0; qubit q; for int i in [0:999] { ${"{} ".repeat(100)}}`;
    expect(compile(source).ops).toEqual([]);
    expect(limitError(source, { limits: { maxOperations: 1000 } }).message).toBe(workMessage(1000));
  });
});

describe("long names", () => {
  it("answers an unknown name of 15 000 characters without comparing it letter by letter", () => {
    const long = "x".repeat(15000);
    const source = `OPENQASM 3.0;\nqubit ${long};\ngate ${long}g a { U(0, 0, 0) a; }\n${long}y ${long};`;
    expect(() => compile(source)).toThrow(`unknown gate \`${long}y\``);
    expect(() => compile(`OPENQASM 3.0;\nqubit ${long};\nU(0, 0, 0) ${long}y;`)).toThrow(
      `unknown register \`${long}y\``,
    );
  });
});
