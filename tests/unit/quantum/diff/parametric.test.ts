/**
 * Compiling once for rebinding: which programs can be, the errors for those that cannot, the
 * errors of binding values, and gradients checked by hand on small circuits.
 */
import { describe, expect, it } from "vitest";
import { compile } from "@/lib/quantum/compile";
import {
  compileParametric,
  expectations,
  gradient,
  type ParametricCircuit,
} from "@/lib/quantum/diff";
import { QuantumError } from "@/lib/quantum/errors";

const HEADER = 'OPENQASM 3.0;\ninclude "stdgates.inc";\n';

function errorOf(run: () => unknown): { message: string; loc?: unknown; code: string } {
  try {
    run();
  } catch (e) {
    if (e instanceof QuantumError) return { message: e.message, loc: e.loc, code: e.code };
    throw e;
  }
  throw new Error("expected a QuantumError");
}

describe("compileParametric", () => {
  it("lists the inputs in declaration order and binds by name or by position", () => {
    const pc = compileParametric(
      `${HEADER}input float b;\ninput float a;\nqubit q;\nrx(a) q;\nry(b) q;\n`,
    );
    expect(pc.parameters).toEqual(["b", "a"]);
    expect(pc.bind([0.1, 0.2])).toEqual(pc.bind({ a: 0.2, b: 0.1 }));
    expect(pc.bind({ a: 0.2, b: 0.1 }).ops.map((op) => op.kind === "gate" && op.params)).toEqual([
      [0.2],
      [0.1],
    ]);
  });

  it("leaves plain compile() untouched: no symbolic angles, inputs required", () => {
    const source = `${HEADER}input float a;\nqubit q;\nrx(2 * a) q;\n`;
    const circuit = compile(source, { params: { a: 0.5 } });
    expect(circuit.ops[0]).not.toHaveProperty("symbolic");
    expect(errorOf(() => compile(source)).code).toBe("unbound-input");
    expect(compileParametric(source).template.ops[0]).toHaveProperty("symbolic");
  });

  it("keeps angles symbolic through const declarations, user gates, loops and modifiers", () => {
    const source = `${HEADER}input float a;
const float twice = 2 * a;
gate g(t) x, y { ry(t) x; ctrl @ rz(t / 2) x, y; }
qubit[2] q;
for int i in [0:1] { g(twice + i) q[0], q[1]; }
inv @ u2(a, twice) q[1];
pow(0.5) @ cp(a) q[0], q[1];
negctrl @ gphase(a) q[1];
`;
    const pc = compileParametric(source);
    for (const a of [0.3, -2.25]) {
      expect(pc.bind({ a })).toEqual(compile(source, { params: { a } }));
    }
    expect(pc.template.ops.every((op) => op.kind !== "gate" || op.symbolic !== undefined)).toBe(
      true,
    );
  });

  it.each([
    ["a register size", "qubit[a] q;", "4:7"],
    ["a loop bound", "qubit q;\nfor int i in [0:a] { x q; }", "5:17"],
    ["a pow exponent", "qubit q;\npow(a) @ x q;", "5:5"],
    ["an index", "qubit[2] q;\nx q[a];", "5:5"],
  ])("rejects an input used in %s, pointing at it", (_what, body, where) => {
    const e = errorOf(() => compileParametric(`${HEADER}input float a;\n${body}\n`));
    expect(e.code).toBe("unsupported");
    expect(e.message).toBe(
      "`a` depends on the program's inputs; in a program compiled for rebinding, inputs may only set gate angles (not sizes, indices, loop bounds, conditions or modifiers)",
    );
    const [line, column] = where.split(":").map(Number);
    expect(e.loc).toEqual({ line, column });
  });

  it("rejects an input-dependent angle that a modifier turns into a matrix, naming the gate", () => {
    const e = errorOf(() =>
      compileParametric(`${HEADER}input float a;\nqubit q;\npow(0.5) @ U(a, 0, 0) q;\n`),
    );
    expect([e.code, e.message, e.loc]).toEqual([
      "unsupported",
      "`pow(0.5) @ U` with an angle that depends on an input has no closed form, so the program cannot be compiled for rebinding or differentiated",
      { line: 5, column: 1 },
    ]);
    const inGate = errorOf(() =>
      compileParametric(
        `${HEADER}input float a;\ngate w(t) x { rx(t) x; h x; }\nqubit q;\npow(0.5) @ w(a) q;\n`,
      ),
    );
    expect(inGate.message).toBe(
      "`pow(0.5) @ rx` (in gate `w`) with an angle that depends on an input has no closed form, so the program cannot be compiled for rebinding or differentiated",
    );
  });

  it("reports missing and non-finite values, and angles that are not finite at the values", () => {
    const pc = compileParametric(`${HEADER}input float a;\nqubit q;\nrx(1 / a) q;\n`);
    expect(errorOf(() => pc.bind({})).message).toBe("input `a` has no value");
    expect(errorOf(() => pc.bind({ a: Number.NaN })).message).toBe(
      "input `a` must be a finite number, got NaN",
    );
    expect(errorOf(() => pc.bind([1, 2])).message).toBe("expected 1 input value(s) (a), got 2");
    const e = errorOf(() => pc.bind({ a: 0 }));
    expect([e.message, e.loc]).toEqual([
      "the angle (1 / a) of `rx` is not a finite number (Infinity) at these input values",
      { line: 5, column: 1 },
    ]);
    expect(errorOf(() => expectations(pc, [0], ["Z0"])).message).toBe(e.message);
    // With values at compile time, the same program fails while compiling, at the angle.
    const early = errorOf(() =>
      compileParametric(`${HEADER}input float a;\nqubit q;\nrx(1 / a) q;\n`, { params: { a: 0 } }),
    );
    expect([early.message, early.loc]).toEqual([
      "this expression is not a finite number (it evaluates to Infinity)",
      { line: 5, column: 6 },
    ]);
  });

  it("needs a circuit without mid-circuit measurement to evaluate, and says where", () => {
    const pc = compileParametric(
      `${HEADER}input float a;\nqubit[2] q;\nbit c;\nc = measure q[0];\nrx(a) q[0];\n`,
    );
    const e = errorOf(() => expectations(pc, [0.1], ["Z0"]));
    expect([e.code, e.loc]).toEqual(["unsupported", { line: 6, column: 1 }]);
    expect(e.message).toBe(
      "expectation values and gradients need a circuit without mid-circuit measurements, resets or classical conditions; this is a mid-circuit measurement",
    );
    // Terminal measurements are fine: values describe the state before them.
    const terminal = compileParametric(
      `${HEADER}input float a;\nqubit q;\nbit c;\nry(a) q;\nc = measure q;\n`,
    );
    expect(expectations(terminal, [0.4], ["Z0"])[0]).toBeCloseTo(Math.cos(0.4), 14);
  });

  it("points a bad `#pragma expect` at its pragma when observables default to the program's", () => {
    const pc = compileParametric(
      `${HEADER}input float a;\nqubit q;\nrx(a) q;\n#pragma expect Z3\n`,
    );
    const e = errorOf(() => gradient(pc, [0.2]));
    expect([e.code, e.loc]).toEqual(["observable", { line: 6, column: 1 }]);
  });
});

describe("gradients by hand", () => {
  const METHODS = ["adjoint", "shift", "finite-difference"] as const;
  const tolerance = { adjoint: 1e-12, shift: 1e-12, "finite-difference": 1e-8 };

  it.each(METHODS)(
    "%s: one parameter used in three gates of a user gate sums their contributions",
    (method) => {
      // ry(t)·ry(2t)·ry(t/2) = ry(3.5t): <Z> = cos(3.5t), d/dt = −3.5·sin(3.5t)
      const pc = compileParametric(
        `${HEADER}input float t;\ngate three(x) a { ry(x) a; ry(2 * x) a; ry(x / 2) a; }\nqubit q;\nthree(t) q;\n#pragma expect Z0\n`,
      );
      for (const t of [0.3, 1.7, -2.2]) {
        const { values, gradients } = gradient(pc, [t], undefined, { method });
        expect(values[0]).toBeCloseTo(Math.cos(3.5 * t), 12);
        expect(Math.abs(gradients[0][0] + 3.5 * Math.sin(3.5 * t))).toBeLessThan(tolerance[method]);
      }
    },
  );

  it.each(METHODS)(
    "%s: the chain rule through a product and a function of two inputs",
    (method) => {
      // rx(a·sin b) on |0>: <Z> = cos(a·sin b)
      const pc = compileParametric(
        `${HEADER}input float a;\ninput float b;\nqubit q;\nrx(a * sin(b)) q;\n`,
      );
      const [a, b] = [0.8, -1.3];
      const { gradients } = gradient(pc, [a, b], ["Z0"], { method });
      const s = Math.sin(a * Math.sin(b));
      expect(Math.abs(gradients[0][0] + s * Math.sin(b))).toBeLessThan(tolerance[method]);
      expect(Math.abs(gradients[0][1] + s * a * Math.cos(b))).toBeLessThan(tolerance[method]);
    },
  );

  it.each(METHODS)("%s: a controlled rotation (four-term shift rule)", (method) => {
    // h on the control, crx(θ): <Z1> = (1 + cos θ)/2
    const pc = compileParametric(
      `${HEADER}input float t;\nqubit[2] q;\nh q[0];\ncrx(t) q[0], q[1];\n`,
    );
    for (const t of [0.4, 2.9]) {
      const { gradients } = gradient(pc, [t], ["Z1"], { method });
      expect(Math.abs(gradients[0][0] + Math.sin(t) / 2)).toBeLessThan(tolerance[method]);
    }
  });

  it("parameter shift with shots: close to the exact gradient, the same for the same seed", () => {
    const pc: ParametricCircuit = compileParametric(
      `${HEADER}input float a;\ninput float b;\nqubit[2] q;\nry(a) q[0];\ncrx(b) q[0], q[1];\n`,
    );
    const observables = ["Z0 + 0.5*X1 - 0.25*Y0*Z1"];
    const exact = gradient(pc, [0.9, 1.4], observables);
    const options = { method: "shift", shots: 40_000, seed: 7 } as const;
    const sampled = gradient(pc, [0.9, 1.4], observables, options);
    // Each estimate has standard error ≤ Σ|coeff|/√shots ≈ 0.009; four terms at most per angle.
    sampled.gradients[0].forEach((g, j) =>
      expect(Math.abs(g - exact.gradients[0][j])).toBeLessThan(0.05),
    );
    expect(gradient(pc, [0.9, 1.4], observables, options)).toEqual(sampled);
    expect(gradient(pc, [0.9, 1.4], observables, { ...options, seed: 8 })).not.toEqual(sampled);
  });

  it("checks its options: shots only with the shift rule, within maxShots", () => {
    const pc = compileParametric(`${HEADER}input float a;\nqubit q;\nrx(a) q;\n`, {
      limits: { maxShots: 100 },
    });
    expect(errorOf(() => gradient(pc, [0.1], ["Z0"], { shots: 10 })).message).toBe(
      'shots only apply to the "shift" method, not "adjoint"',
    );
    const limit = errorOf(() => gradient(pc, [0.1], ["Z0"], { method: "shift", shots: 101 }));
    expect([limit.code, limit.message]).toEqual([
      "limit",
      "101 shots requested; the limit is maxShots = 100",
    ]);
    expect(errorOf(() => gradient(pc, [0.1], ["Z3"])).code).toBe("observable");
  });

  it("an uncontrolled global phase has a zero gradient; a controlled one does not", () => {
    const global = compileParametric(`${HEADER}input float a;\nqubit q;\nh q;\ngphase(a);\n`);
    for (const method of ["adjoint", "shift"] as const) {
      expect(gradient(global, [0.6], ["X0"], { method }).gradients).toEqual([[0]]);
    }
    // ctrl @ gphase(a) q[0] is p(a) on q[0]: <X0> = cos a
    const controlled = compileParametric(
      `${HEADER}input float a;\nqubit q;\nh q;\nctrl @ gphase(a) q;\n`,
    );
    expect(gradient(controlled, [0.6], ["X0"]).gradients[0][0]).toBeCloseTo(-Math.sin(0.6), 14);
  });
});
