import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { afterAll, describe, expect, it } from "vitest";

import { prepareData } from "@/lib/qml/experiments/data";
import { parseExperiment, ExperimentSpecError, type TrainSpec } from "@/lib/qml/experiments/spec";
import { initialWeights } from "@/lib/qml/experiments/weights";
import { exportExperiment, EXPERIMENT_EXPORT_FORMATS } from "@/lib/qml/export";
import { pyArray, pyNumber } from "@/lib/qml/export/python";
import { QuantumError } from "@/lib/quantum/errors";

/**
 * Golden scripts: tests/fixtures/experiments/<cell>.cell exported to <cell>.<format>.py.
 * After a deliberate change to the output, regenerate them with
 *   UPDATE_GOLDEN=1 npx vitest run tests/unit/qml/export/export.test.ts
 * and read the diff before committing it.
 */
const FIXTURES = join(process.cwd(), "tests/fixtures/experiments");
const CELLS = [
  "train-parity",
  "train-moons",
  "kernel-ad-hoc",
  "scan-1d",
  "minimise-h2",
  "minimise-sweep",
  "qaoa-ring-4",
  "minimise-landscape",
  "plateau-hea",
];
const update = process.env.UPDATE_GOLDEN === "1";
const scratch = mkdtempSync(join(tmpdir(), "ketbook-export-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const cell = (name: string) => readFileSync(join(FIXTURES, `${name}.cell`), "utf8");

/** `python3 -m py_compile`: the script is valid Python (nothing can be run without the libraries). */
function compilePython(name: string, code: string): string {
  const file = join(scratch, `${name}.py`);
  writeFileSync(file, code);
  const run = spawnSync("python3", ["-m", "py_compile", file], { encoding: "utf8" });
  return run.status === 0 ? "" : run.stderr || `exit ${run.status}`;
}

/**
 * Names the script reads but never binds anywhere (no assignment, parameter, def, class or
 * import, and not a builtin): each would be a NameError when the script runs, which compiling
 * alone cannot see.
 */
const UNBOUND_NAMES = `
import ast, builtins, sys
tree = ast.parse(open(sys.argv[1], encoding="utf-8").read())
bound = set(dir(builtins))
for node in ast.walk(tree):
    if isinstance(node, ast.Name) and not isinstance(node.ctx, ast.Load):
        bound.add(node.id)
    elif isinstance(node, (ast.FunctionDef, ast.ClassDef)):
        bound.add(node.name)
    elif isinstance(node, ast.arg):
        bound.add(node.arg)
    elif isinstance(node, (ast.Import, ast.ImportFrom)):
        bound.update((a.asname or a.name).split(".")[0] for a in node.names)
loads = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)}
print(" ".join(sorted(loads - bound)))
`;

function unboundNames(name: string): string {
  const run = spawnSync("python3", ["-c", UNBOUND_NAMES, join(scratch, `${name}.py`)], {
    encoding: "utf8",
  });
  return run.stdout.trim() + run.stderr;
}

describe.each(CELLS)("%s", (name) => {
  it.each(EXPERIMENT_EXPORT_FORMATS)("exports to %s: the golden script, valid Python", (format) => {
    const code = exportExperiment(cell(name), format);
    const golden = join(FIXTURES, `${name}.${format}.py`);
    if (update) writeFileSync(golden, code);
    expect(code).toBe(readFileSync(golden, "utf8"));
    expect(compilePython(`${name}-${format}`, code)).toBe("");
    expect(unboundNames(`${name}-${format}`)).toBe("");
  });
});

/** Every other path of the writers: shots, each optimiser, loss and gradient method. */
const VARIANTS: readonly (readonly [string, string, string])[] = [
  ["train-moons", "steps: 20", "steps: 4\nshots: 500"],
  ["train-moons", "kind: adam, stepSize: 0.1", "kind: spsa, a: 0.3"],
  ["train-moons", "kind: adam, stepSize: 0.1", "kind: nelder-mead"],
  ["train-moons", "kind: adam, stepSize: 0.1", "kind: momentum, stepSize: 0.1"],
  ["train-moons", "loss: cross-entropy", "loss: hinge"],
  ["train-moons", "gradient: parameter-shift", "gradient: finite-difference"],
  ["train-parity", "kind: nesterov, stepSize: 0.3, momentum: 0.9", "kind: gd, stepSize: 0.3"],
  ["kernel-ad-hoc", "C: 1", "C: 2\nshots: 2000"],
  [
    "scan-1d",
    "grid: { theta: [0, 6.283185307179586, 9] }",
    "grid: { theta: [0, 3, 4] }\nshots: 100",
  ],
  ["minimise-h2", "steps: 150", "steps: 150\ngradient: finite-difference"],
  ["minimise-h2", "steps: 150", "steps: 150\nshots: 1000\ngradient: parameter-shift"],
  ["minimise-h2", "kind: adam, stepSize: 0.1", "kind: nelder-mead, initialStep: 0.3"],
  ["minimise-h2", "{ molecule: h2, bondLength: 0.735 }", "{ ising: 2, field: 0.5 }"],
  ["minimise-h2", "hamiltonian: { molecule: h2, bondLength: 0.735 }", "observable: 0.5*Z0*Z1 - X0"],
  ["minimise-sweep", "gradient: parameter-shift", "gradient: finite-difference"],
  ["minimise-landscape", "kind: adam, stepSize: 0.05", "kind: nelder-mead"],
  ["minimise-landscape", "kind: adam, stepSize: 0.05", "kind: spsa, a: 0.2"],
  ["minimise-landscape", "a1: [0, 1.5708, 9] }", "}"],
  ["plateau-hea", "observable: global", "observable: 0.5*Z0 - Z1*X0\nvalues: { w4: 0.3 }"],
];

describe.each(VARIANTS)("%s with `%s` → `%s`", (name, from, to) => {
  it.each(EXPERIMENT_EXPORT_FORMATS)("exports to %s as valid Python", (format) => {
    const text = cell(name);
    expect(text).toContain(from);
    const code = exportExperiment(text.replace(from, to), format);
    const file = `${name}-${format}-${VARIANTS.findIndex((v) => v[2] === to)}`;
    expect(compilePython(file, code)).toBe("");
    expect(unboundNames(file)).toBe("");
  });
});

describe("what the scripts embed", () => {
  it("the runner's own split, scaling and initial weights", () => {
    const text = cell("train-moons");
    const spec = parseExperiment(text).spec as TrainSpec;
    const data = prepareData(spec.data, spec.features.length);
    const start = initialWeights(spec.init, 4, spec.seed);
    for (const format of EXPERIMENT_EXPORT_FORMATS) {
      const code = exportExperiment(text, format);
      expect(code).toContain(`X_TRAIN = ${pyArray(data.train.features)}`);
      expect(code).toContain(`X_TEST = ${pyArray(data.test.features)}`);
      expect(code).toContain(start.map(pyNumber).join(", "));
      expect(code).toMatch(/BATCHES = \[\n {4}\[\d+(, \d+){7}\],/);
    }
  });

  it("follows the seed box like a run does", () => {
    const text = cell("minimise-h2");
    const spec = parseExperiment(text).spec;
    const seeded = exportExperiment(text, "pennylane", { seed: 41 });
    const init = spec.experiment === "minimise" ? spec.init : { seed: 0, scale: 0.1 };
    expect(seeded).toContain(initialWeights(init, 4, 41).map(pyNumber).join(", "));
    expect(seeded).toContain("SEED = 41");
    expect(seeded).not.toBe(exportExperiment(text, "pennylane"));
  });

  it("keeps input-dependent angles as expressions of the features", () => {
    const text = cell("kernel-ad-hoc");
    expect(exportExperiment(text, "pennylane")).toContain(
      "qml.RZ(2 * (pi - x[0]) * (pi - x[1]), wires=1)",
    );
    expect(exportExperiment(text, "qiskit-ml")).toContain(
      "qc.rz(2 * (pi - x[0]) * (pi - x[1]), q[1])",
    );
  });

  it("the Hamiltonian's terms in Qiskit order, and for PennyLane on the matching wires", () => {
    const qaoa = cell("qaoa-ring-4");
    expect(exportExperiment(qaoa, "qiskit-ml")).toContain('(0.5, "ZIIZ"),');
    expect(exportExperiment(qaoa, "pennylane")).toContain('(0.5, "ZIIZ", qml.Z(3) @ qml.Z(0)),');
    expect(exportExperiment(qaoa, "pennylane")).toContain("EXACT = -4");
  });
});

describe("what cannot be exported is refused by name", () => {
  const scan = (circuit: string, extra = "") =>
    `experiment: scan\nobservable: Z0\ngrid: { t: [0, 1, 3] }${extra}\n---\nOPENQASM 3.0;\ninclude "stdgates.inc";\ninput float t;\nqubit[2] q;\nbit[2] c;\n${circuit}`;

  function failure(text: string, format: "pennylane" | "qiskit-ml"): Error {
    try {
      exportExperiment(text, format);
    } catch (error) {
      return error as Error;
    }
    throw new Error("expected the export to fail");
  }

  it("a noise model, located at `noise`", () => {
    const error = failure(scan("ry(t) q[0];", "\nnoise: { depolarizing: 0.01 }"), "pennylane");
    expect(error).toBeInstanceOf(ExperimentSpecError);
    expect(error).toMatchObject({ line: 4, message: expect.stringMatching(/depolarizing/) });
  });

  it("a mid-circuit measurement, located in the circuit (terminal ones are dropped)", () => {
    expect(() => exportExperiment(scan("ry(t) q[0];\nc = measure q;"), "qiskit-ml")).not.toThrow();
    const error = failure(scan("ry(t) q[0];\nc[0] = measure q[0];\nh q[0];"), "qiskit-ml");
    expect(error).toBeInstanceOf(QuantumError);
    expect(error).toMatchObject({
      code: "unsupported",
      loc: { line: 7 }, // c[0] = measure q[0]; (circuit lines, as the runner counts them)
      message: expect.stringMatching(/mid-circuit measurement/),
    });
  });

  it("an input Qiskit would drop because no gate uses it", () => {
    const text = cell("minimise-h2").replace("ry(t3) q[1];", "");
    expect(failure(text, "qiskit-ml").message).toMatch(
      /input `t3` is declared but no gate uses it/,
    );
    expect(() => exportExperiment(text, "pennylane")).not.toThrow();
  });

  it("an input the experiment gives no value, as the runner would", () => {
    const text = scan("ry(t) q[0]; rx(u) q[1];").replace(
      "input float t;",
      "input float t; input float u;",
    );
    expect(failure(text, "pennylane")).toMatchObject({ code: "unbound-input" });
  });

  it("adjoint gradients with shots, at `gradient`, as the runner refuses them", () => {
    const text = cell("minimise-h2").replace(
      "steps: 150",
      "steps: 150\nshots: 1000\ngradient: adjoint",
    );
    expect(failure(text, "pennylane")).toMatchObject({
      line: 8, // gradient: adjoint
      message: expect.stringMatching(/adjoint differentiation reads the exact state/),
    });
  });
});
