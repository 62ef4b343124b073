/**
 * `int`/`uint` variables: compile-time values until an assignment depends on the run, then
 * hidden classical bits written by `classical` ops. Conditions on them are latched. Hidden bits
 * never show in counts, the diagram's wires or exports.
 */
import { describe, expect, it } from "vitest";
import { finalBranches, outcomeProbabilities } from "@/lib/grading/branches";
import { circuitShape } from "@/lib/grading/circuit-shape";
import { compile } from "@/lib/quantum/compile";
import { QuantumError } from "@/lib/quantum/errors";
import { EXPORT_FORMATS, exportCircuit } from "@/lib/quantum/export";
import { layoutCircuit } from "@/lib/quantum/layout";
import { MAX_WHILE_ITERATIONS } from "@/lib/quantum/qasm/lower";
import { simulate } from "@/lib/quantum/simulate";
import { failure } from "./support";

const HEAD = 'OPENQASM 3.0;\ninclude "stdgates.inc";\n';
const counts = (source: string, shots = 400, seed = 1) =>
  simulate(compile(`${HEAD}${source}`), { shots, seed }).counts;

describe("integer variables known at compile time", () => {
  it("fold every operator and emit no classical op", () => {
    const circuit = compile(
      `${HEAD}qubit q;\nint x = 0;\nx += 1;\nx *= 3;\nx <<= 2;\nx -= 2;\nx %= 7;\nif (x % 3 == 0 && !(x == 1)) x q;\nbit c = measure q;`,
    );
    // x = ((1 * 3) << 2 - 2) % 7 = 10 % 7 = 3.
    expect(circuit.ops.map((op) => op.kind)).toEqual(["gate", "measure"]);
    expect(circuit.hiddenClbits).toBeUndefined();
  });

  it("drive a compile-time `while` and gate angles", () => {
    const circuit = compile(
      `${HEAD}qubit q;\nuint[4] n = 0;\nwhile (n < 3) { rx(pi / 3 * (n + 1)) q; n += 1; }`,
    );
    expect(circuit.ops.map((op) => (op.kind === "gate" ? op.params[0] : NaN))).toEqual([
      Math.PI / 3,
      (2 * Math.PI) / 3,
      Math.PI,
    ]);
  });

  it("wrap to their width (two's complement for int)", () => {
    const flips = (decl: string, test: string) =>
      compile(`${HEAD}qubit q;\n${decl}\nif (${test}) x q;`).ops.length;
    expect(flips("uint[3] n = 9;", "n == 1")).toBe(1);
    expect(flips("int[4] n = 7;\nn += 1;", "n == -8")).toBe(1);
    expect(flips("uint[4] n = 0;\nn -= 1;", "n == 15")).toBe(1);
  });
});

describe("integer variables that change at run time", () => {
  it("count measurement outcomes: loop until three 1s were seen", () => {
    // Each iteration measures |+>; n counts the 1s; the loop ends at n == 3, with q in |1>.
    const source = `qubit q;\nint[8] n = 0;\nbit c;\nwhile (n < 3) {\n  h q;\n  c = measure q;\n  n += int(c);\n}\nbit d = measure q;`;
    const circuit = compile(`${HEAD}${source}`);
    expect(circuit.numClbits).toBe(2);
    expect(circuit.hiddenClbits).toBe(8 + 1);
    expect(simulate(circuit, { shots: 300, seed: 2 }).counts).toEqual({ "1 1": 300 });
  });

  it("count loop iterations and branch on the count (`else if`)", () => {
    // q starts in |0>, so the loop runs until H then measure gives 1: tries = 1 with
    // probability 1/2, 2 with 1/4, ≥ 3 with 1/4. r is flipped for tries == 2 only, s for ≥ 3.
    const source = `qubit q;\nqubit r;\nqubit s;\nuint tries = 0;\nbit c = measure q;\nwhile (c == 0) { h q; c = measure q; tries += 1; }\nif (tries == 1) { } else if (tries == 2) { x r; } else { x s; }\nbit[2] out;\nout[0] = measure r;\nout[1] = measure s;`;
    const result = counts(source, 4000, 5) ?? {};
    const total = (key: string) =>
      Object.entries(result)
        .filter(([k]) => k.startsWith(key))
        .reduce((n, [, hits]) => n + hits, 0);
    // Keys are `out c`.
    expect(total("00") / 4000).toBeCloseTo(0.5, 1);
    expect(total("01") / 4000).toBeCloseTo(0.25, 1);
    expect(total("10") / 4000).toBeCloseTo(0.25, 1);
    expect(total("11")).toBe(0);
  });

  it("take either branch's value: `if (c) x = 5; else x = -1;`", () => {
    const source = `qubit q;\nqubit r;\nint x = 0;\nh q;\nbit c = measure q;\nif (c) x = 5; else x = -1;\nif (x > 0 || x < -1) { x r; }\nbit d = measure r;`;
    const result = counts(source, 400, 3) ?? {};
    // d copies c: `x > 0` exactly when c was 1.
    expect(Object.keys(result).sort()).toEqual(["0 0", "1 1"]);
  });

  it("support every compound assignment and comparison at run time", () => {
    const cases: [string, string][] = [
      ["x = int(c) + 6;", "x == 7"],
      ["x += 9;", "x >= 10"],
      ["x -= 4;", "x <= -3"],
      ["x *= 5;", "x == 5"],
      ["x = 7 - int(c); x /= 2;", "x == 3"],
      ["x = 7 + int(c); x %= 4;", "x != 3"],
      ["x = 6; x &= int(c) * 2;", "x == 2"],
      ["x |= int(c) << 2;", "x == 5"],
      ["x ^= int(c);", "x < 1"],
      ["x = 8 * int(c); x >>= 3;", "x > 0"],
    ];
    for (const [assign, test] of cases) {
      // c is 1 in every shot; x starts at 1; the flip marks that the test held.
      const source = `qubit q;\nqubit r;\nint x = 1;\nx q;\nbit c = measure q;\n${assign}\nif (${test}) x r;\nbit d = measure r;`;
      expect({ assign, counts: counts(source, 20) }).toEqual({ assign, counts: { "1 1": 20 } });
    }
  });

  it("keep hidden bits out of counts, the diagram's wires and exports", () => {
    const source = `${HEAD}qubit q;\nint[8] n = 0;\nbit c;\nh q;\nc = measure q;\nn += int(c);\nif (n == 1) x q;\nbit d = measure q;`;
    const circuit = compile(source);
    expect(circuit.hiddenClbits).toBe(9);
    const result = simulate(circuit, { shots: 200, seed: 9 }).counts ?? {};
    expect(Object.keys(result).sort()).toEqual(["0 0", "0 1"]);
    const layout = layoutCircuit(circuit);
    expect(layout.clbitLabels).toEqual(["c[0]", "d[0]"]);
    expect(layout.ops.filter((op) => op.kind === "classical").map((op) => op.label)).toEqual([
      "n = 0",
      "n += int(c)",
      "if (n == 1)",
    ]);
    for (const format of EXPORT_FORMATS) {
      let error: unknown;
      try {
        exportCircuit(circuit, format);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(QuantumError);
      expect((error as QuantumError).loc).toEqual({ line: 8, column: 1 });
      expect((error as QuantumError).message).toContain("`n = 0`");
    }
  });

  it("grade exactly: the grader's branches run classical ops and key only visible bits", () => {
    const circuit = compile(
      `${HEAD}qubit q;\nqubit r;\nint n = 0;\nh q;\nbit c = measure q;\nn += int(c);\nif (n == 1) x r;\nbit d = measure r;`,
    );
    const shape = circuitShape(circuit);
    const probabilities = outcomeProbabilities(circuit, shape, finalBranches(circuit, shape));
    expect([...probabilities.keys()].sort()).toEqual(["00", "11"]);
    expect(probabilities.get("11")).toBeCloseTo(0.5, 12);
  });

  it("bound a run-time `while` by the iteration limit, with a note", () => {
    const circuit = compile(
      `${HEAD}qubit q;\nint n = 0;\nbit c;\nwhile (n < 100) { h q; c = measure q; n += int(c); }`,
    );
    expect(circuit.ops.filter((op) => op.kind === "measure")).toHaveLength(MAX_WHILE_ITERATIONS);
    expect(circuit.notes?.[0].message).toContain(`unrolled to ${MAX_WHILE_ITERATIONS} iterations`);
  });
});

describe("located errors for integer variables", () => {
  it("refuses what it cannot do, where it is written", () => {
    expect(failure(`${HEAD}int[40] x = 0;`)).toBe(
      "unsupported 3:5: `int` variables have 1 to 32 bits, got 40",
    );
    expect(failure(`${HEAD}qubit q;\ny = 1;`)).toBe(
      "semantic 4:1: unknown variable `y`; declare it first: `int y = 0;`",
    );
    expect(failure(`${HEAD}const int n = 2;\nn += 1;`)).toBe(
      "semantic 4:1: `n` is a const, which cannot change; declare a variable: `int n = …;`",
    );
    expect(failure(`${HEAD}bit c;\nc = 1;`)).toBe(
      "semantic 4:1: `c` is a classical register: bits take `c = measure q;`, not values",
    );
    expect(failure(`${HEAD}qubit q;\nint x = measure q;`)).toBe(
      "unsupported 4:9: an `int` cannot hold a measurement directly; measure into bits and convert: `bit[2] c = measure q; int x = int(c);`",
    );
    expect(failure(`${HEAD}int x = 1;\nx **= 2;`)).toContain(
      "unsupported 4:3: `**=` is not supported",
    );
    expect(failure(`${HEAD}int x = 1;\nint x = 2;`)).toBe(
      "semantic 4:5: `x` is already declared (line 3)",
    );
  });

  it("refuses a run-time `while` whose body never changes what its condition reads", () => {
    expect(
      failure(
        `${HEAD}qubit q;\nint x = 0;\nbit c = measure q;\nx = int(c);\nwhile (x == 0) { h q; }`,
      ),
    ).toBe(
      "semantic 7:10: this `while` condition reads values its body never changes, so once it holds it holds forever",
    );
  });

  it("refuses a run-time value in a gate angle, saying why", () => {
    expect(failure(`${HEAD}qubit q;\nint x = 0;\nbit c = measure q;\nx = int(c);\nrx(x) q;`)).toBe(
      "unsupported 7:4: `x` is an `int` known only at run time (it depends on measurements); only conditions and run-time integer arithmetic can read it: run-time values in gate angles, sizes or indices are not supported",
    );
  });

  it("locates a division by zero, when compiling or during a shot", () => {
    expect(failure(`${HEAD}int x = 4;\nx /= 0;`)).toBe("semantic 4:1: division by zero");
    const circuit = compile(
      `${HEAD}qubit q;\nint x = 4;\nbit c = measure q;\nx = x / int(c);\nif (x == 1) x q;`,
    );
    expect(() => simulate(circuit, { shots: 1, seed: 1 })).toThrow(
      "division by zero in `x = x / int(c)` during a shot",
    );
  });
});
