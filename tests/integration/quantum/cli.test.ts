/**
 * The `npm run sim` contract, tested on the real command: each case spawns
 * `node lib/runner/sim.cjs` (what `npm run sim` runs: the bundled CLI) and reads its stdout, stderr and exit status.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const LAUNCHER = path.join(repoRoot, "lib/runner/sim.cjs");
const work = mkdtempSync(path.join(tmpdir(), "ketbook-cli-"));

function file(name: string, text: string): string {
  const target = path.join(work, name);
  writeFileSync(target, text);
  return target;
}

function sim(args: string[], stdin?: string) {
  const run = spawnSync(process.execPath, [LAUNCHER, ...args], {
    cwd: repoRoot,
    input: stdin,
    encoding: "utf8",
    timeout: 60_000,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** Exactly one JSON object on stdout. */
function json(stdout: string): Record<string, unknown> {
  expect(stdout.trim().split("\n")).toHaveLength(1);
  return JSON.parse(stdout) as Record<string, unknown>;
}

const BELL = `OPENQASM 2.0;
include "qelib1.inc";
qreg q[2];
creg c[2];
h q[0];
cx q[0], q[1];
measure q -> c;
`;
const bell = file("bell.qasm", BELL);

describe("npm run sim", () => {
  it("prints the result of a Bell circuit: only 00 and 11, summing to the shots", () => {
    const run = sim([bell, "--shots", "500", "--seed", "11"]);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const result = json(run.stdout);
    const counts = result.counts as Record<string, number>;
    expect(Object.keys(counts).every((k) => k === "00" || k === "11")).toBe(true);
    expect(counts["00"] + counts["11"]).toBe(500);
    expect(result.shots).toBe(500);
    expect(result.seed).toBe(11);
    expect(result).not.toHaveProperty("statevector");
  });

  it("gives the same counts for the same seed", () => {
    const a = json(sim([bell, "--seed", "99"]).stdout);
    const b = json(sim([bell, "--seed", "99"]).stdout);
    expect(a.counts).toEqual(b.counts);
    expect(a.shots).toBe(1024);
  });

  it("prints the statevector little-endian on request: x q[0] on 2 qubits is index 1", () => {
    const source = file(
      "x0.qasm",
      'OPENQASM 3.0;\ninclude "stdgates.inc";\nqubit[2] q;\nx q[0];\n',
    );
    const result = json(sim([source, "--statevector"]).stdout);
    expect(result.statevector).toEqual([
      [0, 0],
      [1, 0],
      [0, 0],
      [0, 0],
    ]);
    expect(result.counts).toBeNull();
  });

  it("binds --param values to inputs and evaluates --observable", () => {
    const source = file(
      "input.qasm",
      'OPENQASM 3.0;\ninclude "stdgates.inc";\ninput float theta;\nqubit q;\nry(theta) q;\n',
    );
    const result = json(sim([source, "--param", "theta=1.2", "--observable", "Z0"]).stdout);
    const probabilities = result.probabilities as Record<string, number>;
    expect(probabilities["1"]).toBeCloseTo(Math.sin(0.6) ** 2, 12);
    expect(result.expectations).toEqual([{ observable: "Z0", value: expect.any(Number) }]);
    const [{ value }] = result.expectations as { value: number }[];
    expect(value).toBeCloseTo(Math.cos(1.2), 12);

    const unbound = sim([source]);
    expect(unbound.status).toBe(1);
    expect(unbound.stdout).toBe("");
    expect(unbound.stderr).toBe(`${source}:3:13: error: input \`theta\` has no value\n`);
  });

  it("reads the program from stdin with -", () => {
    const run = sim(["-", "--seed", "1", "--shots", "64"], BELL);
    expect(run.status).toBe(0);
    const counts = json(run.stdout).counts as Record<string, number>;
    expect((counts["00"] ?? 0) + (counts["11"] ?? 0)).toBe(64);
  });

  it("reports bad code with exit status 1 and FILE:LINE:COL: error:", () => {
    const broken = file("broken.qasm", "OPENQASM 2.0;\nqreg q[1];\nh q[0]\nx q[0];\n");
    const run = sim([broken]);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe(`${broken}:4:1: error: expected \`;\` after statement, found \`x\`\n`);

    const fromStdin = sim(["-"], "OPENQASM 2.0;\nqreg q[1];\nh q[0]\nx q[0];\n");
    expect(fromStdin.status).toBe(1);
    expect(fromStdin.stderr).toBe("<stdin>:4:1: error: expected `;` after statement, found `x`\n");
  });

  it("prints exported code with --export", () => {
    const run = sim([bell, "--export", "qiskit"]);
    expect(run.status).toBe(0);
    const result = json(run.stdout);
    expect(result.format).toBe("qiskit");
    expect(result.code).toContain("qc = QuantumCircuit(q, c)\n\nqc.h(q[0])\nqc.cx(q[0], q[1])");
  });

  it("runs with a noise model and refuses an invalid one with exit status 1", () => {
    const noise = file("noise.json", JSON.stringify({ readout: { "*": [0.5, 0.5] } }));
    const run = sim([bell, "--noise", noise, "--seed", "3", "--shots", "2000"]);
    expect(run.status).toBe(0);
    const counts = json(run.stdout).counts as Record<string, number>;
    // A fair coin on every readout: all four outcomes appear.
    expect(Object.keys(counts).sort()).toEqual(["00", "01", "10", "11"]);

    const bad = file("bad-noise.json", JSON.stringify({ readout: { "*": [2, 0] } }));
    const refused = sim([bell, "--noise", bad]);
    expect(refused.status).toBe(1);
    expect(refused.stderr.startsWith(`${bad}: error: `)).toBe(true);
  });

  it.each([
    ["no file", [], "error: expected a file name or - (stdin)"],
    ["bad --shots", [bell, "--shots", "many"], 'error: --shots needs an integer ≥ 0, got "many"'],
    ["bad --param", [bell, "--param", "theta"], 'error: --param needs NAME=NUMBER, got "theta"'],
    [
      "unknown format",
      [bell, "--export", "quil"],
      'error: unknown export format "quil" (expected one of qasm2, qasm3, qiskit, pennylane, cirq, braket)',
    ],
    ["two files", [bell, bell], `error: expected one file, got 2: ${bell} ${bell}`],
    [
      "--gradient with --export",
      [bell, "--gradient", "--export", "qasm3"],
      "error: --gradient cannot be combined with --export",
    ],
    [
      "--gradient with --noise",
      [bell, "--gradient", "--noise", "noise.json"],
      "error: --gradient cannot be combined with --noise (gradients are of the exact, noiseless state)",
    ],
    [
      "missing file",
      [path.join(work, "missing.qasm")],
      `error: cannot read ${path.join(work, "missing.qasm")}: `,
    ],
  ] as [string, string[], string][])(
    "exits with status 2 and the usage on a bad command line: %s",
    (_, args, message) => {
      const run = sim(args);
      expect(run.status).toBe(2);
      expect(run.stdout).toBe("");
      expect(run.stderr.startsWith(message)).toBe(true);
      expect(run.stderr).toContain("usage: npm run --silent sim -- FILE.qasm|- [options]");
    },
  );

  it("adds the exact gradient by every input to each expectation value with --gradient", () => {
    // ry(θ) q0; crx(2φ) q0, q1: <Z0> = cos θ and, with s = sin²(θ/2),
    // <Z1> = 1 − s·(1 − cos 2φ), <Y1> = −s·sin 2φ.
    const source = file(
      "gradient.qasm",
      `OPENQASM 3.0;
include "stdgates.inc";
input float theta;
input float phi;
qubit[2] q;
bit[2] c;
ry(theta) q[0];
crx(2 * phi) q[0], q[1];
c = measure q;
#pragma expect Z0
#pragma expect 0.5*Z1 + 2
`,
    );
    const [theta, phi] = [0.7, -0.4];
    const run = sim([
      source,
      "--param",
      `theta=${theta}`,
      "--param",
      `phi=${phi}`,
      "--observable",
      "Y1",
      "--gradient",
      "--seed",
      "3",
    ]);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const result = json(run.stdout);
    const entries = result.expectations as {
      observable: string;
      value: number;
      gradient: Record<string, number>;
    }[];
    expect(entries.map((e) => e.observable)).toEqual(["Z0", "0.5*Z1 + 2", "Y1"]);
    const s = Math.sin(theta / 2) ** 2;
    const ds = Math.sin(theta) / 2;
    const expected = [
      { theta: -Math.sin(theta), phi: 0 },
      { theta: -0.5 * ds * (1 - Math.cos(2 * phi)), phi: -0.5 * s * 2 * Math.sin(2 * phi) },
      { theta: -ds * Math.sin(2 * phi), phi: -s * 2 * Math.cos(2 * phi) },
    ];
    entries.forEach((e, m) => {
      expect(Object.keys(e.gradient)).toEqual(["theta", "phi"]);
      expect(Math.abs(e.gradient.theta - expected[m].theta)).toBeLessThan(1e-8);
      expect(Math.abs(e.gradient.phi - expected[m].phi)).toBeLessThan(1e-8);
    });
    // The rest of the result is what the run without --gradient prints.
    const plain = json(
      sim([
        source,
        "--param",
        `theta=${theta}`,
        "--param",
        `phi=${phi}`,
        "--observable",
        "Y1",
        "--seed",
        "3",
      ]).stdout,
    );
    const { elapsedMs: _a, expectations: _b, ...rest } = result;
    const { elapsedMs: _c, expectations: plainExpectations, ...plainRest } = plain;
    expect(rest).toEqual(plainRest);
    expect(entries.map(({ observable, value }) => ({ observable, value }))).toEqual(
      plainExpectations,
    );
  });

  it("refuses --gradient on a circuit with a mid-circuit measurement, at that measurement", () => {
    const source = file(
      "midcircuit.qasm",
      `OPENQASM 3.0;
include "stdgates.inc";
input float theta;
qubit q;
bit c;
c = measure q;
ry(theta) q;
#pragma expect Z0
`,
    );
    const run = sim([source, "--param", "theta=0.3", "--gradient"]);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe(
      `${source}:6:1: error: expectation values and gradients need a circuit without mid-circuit measurements, resets or classical conditions; this is a mid-circuit measurement\n`,
    );
  });

  it("rejects unknown options with status 2", () => {
    const run = sim([bell, "--shot", "5"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^error: Unknown option '--shot'/);
  });
});

describe("npm run sim -- --lesson LESSON.md --cell ID", () => {
  const lesson = path.join(repoRoot, "tests/fixtures/lessons/cells.md");
  const lessonText = readFileSync(lesson, "utf8");
  /** The text between a cell's fence lines, cut out by hand (not by the code under test). */
  const cellText = (fence: string) => lessonText.split(`${fence}\n`)[1].split("\n```")[0];
  const lineOf = (text: string, start: string) =>
    text.split("\n").findIndex((line) => line.startsWith(start)) + 1;
  /** Everything but wall-clock times, which differ from run to run. */
  const timeless = (stdout: string): unknown =>
    JSON.parse(stdout, (key, value: unknown) => (key === "elapsedMs" ? undefined : value));
  const SLOW = 120_000; // each case starts one to three CLI processes on a shared machine

  it(
    "prints a circuit cell's result exactly as for the cell saved as a file",
    () => {
      const run = sim(["--lesson", lesson, "--cell", "bell-pair", "--seed", "5"]);
      expect(run.stderr).toBe("");
      expect(run.status).toBe(0);
      const result = json(run.stdout);
      expect(result.shots).toBe(1024);
      expect(result.seed).toBe(5);
      expect(Object.keys(result.counts as object).sort()).toEqual(["00", "11"]);
      expect(result).not.toHaveProperty("statevector");
      const alone = file("bell-pair.qasm", cellText("```qasm {#bell-pair}"));
      expect(timeless(run.stdout)).toEqual(timeless(sim([alone, "--seed", "5"]).stdout));
    },
    SLOW,
  );

  it(
    "binds a slider cell's inputs to their @range defaults, as the page does",
    () => {
      const run = sim(["--lesson", lesson, "--cell", "tilt", "--seed", "2"]);
      expect(run.status).toBe(0);
      const result = json(run.stdout);
      const [{ value }] = result.expectations as { value: number }[];
      expect(value).toBeCloseTo(Math.cos(Math.PI / 3), 12);
      const alone = file("tilt.qasm", cellText("```qasm {#tilt}"));
      const direct = sim([alone, "--param", `theta=${Math.PI / 3}`, "--seed", "2"]);
      expect(timeless(run.stdout)).toEqual(timeless(direct.stdout));
    },
    SLOW,
  );

  it(
    "prints an experiment cell's result: one history entry per grid point, and metrics",
    () => {
      const run = sim(["--lesson", lesson, "--cell", "cos-scan", "--seed", "9"]);
      expect(run.stderr).toBe("");
      expect(run.status).toBe(0);
      const result = json(run.stdout) as {
        kind: string;
        seed: number;
        history: { step: number; value: number; shots: number }[];
        metrics: Record<string, number>;
      };
      expect(result.kind).toBe("scan");
      expect(result.seed).toBe(9);
      expect(result.history.map((h) => h.step)).toEqual([1, 2, 3, 4, 5]);
      result.history.forEach((h, i) => {
        expect(Math.abs(h.value - Math.cos((i * Math.PI) / 4))).toBeLessThan(0.2); // 400 shots
        expect(h.shots).toBe(400 * (i + 1));
      });
      expect(result.metrics.points).toBe(5);
      expect(result.metrics.minimum).toBeLessThan(-0.8);
    },
    SLOW,
  );

  it(
    "is deterministic for a --seed, and another seed samples differently",
    () => {
      const args = ["--lesson", lesson, "--cell", "cos-scan"];
      const a = sim([...args, "--seed", "21"]);
      const b = sim([...args, "--seed", "21"]);
      const c = sim([...args, "--seed", "22"]);
      expect([a.status, b.status, c.status]).toEqual([0, 0, 0]);
      expect(timeless(b.stdout)).toEqual(timeless(a.stdout));
      expect(timeless(c.stdout)).not.toEqual(timeless(a.stdout));
    },
    SLOW,
  );

  it(
    "reports a mistake with exit status 1 at its line in the lesson file",
    () => {
      const circuit = lessonText.replace("ry(theta) q[0];\n#pragma", "ry(theta) qq[0];\n#pragma");
      const broken = file("broken-circuit.md", circuit);
      const run = sim(["--lesson", broken, "--cell", "tilt"]);
      expect(run.status).toBe(1);
      expect(run.stdout).toBe("");
      expect(run.stderr).toBe(
        `${broken}:${lineOf(circuit, "ry(theta) qq[0];")}:11: error: unknown register \`qq\`; did you mean \`q\`?\n`,
      );

      const spec = lessonText.replace("shots: 400", "shots: -4");
      const badSpec = file("broken-spec.md", spec);
      const refused = sim(["--lesson", badSpec, "--cell", "cos-scan"]);
      expect(refused.status).toBe(1);
      expect(refused.stderr).toMatch(
        new RegExp(`^${badSpec.replace(/[.]/g, "\\.")}:${lineOf(spec, "shots: -4")}:8: error: `),
      );
    },
    SLOW,
  );

  it(
    "names the lesson's cells when the id is unknown",
    () => {
      const run = sim(["--lesson", lesson, "--cell", "bell"]);
      expect(run.status).toBe(1);
      expect(run.stdout).toBe("");
      expect(run.stderr).toBe(
        `${lesson}: error: no cell "bell" in this lesson; its cells are: bell-pair, tilt, cos-scan\n`,
      );
    },
    SLOW,
  );

  it.each([
    ["--cell without --lesson", ["--cell", "tilt"], "error: --lesson and --cell go together"],
    [
      "--shots with --lesson",
      ["--lesson", "x.md", "--cell", "tilt", "--shots", "5"],
      "error: --shots cannot be combined with --lesson",
    ],
    [
      "a missing lesson",
      ["--lesson", path.join(work, "missing.md"), "--cell", "tilt"],
      `error: cannot read ${path.join(work, "missing.md")}: `,
    ],
  ] as [string, string[], string][])(
    "exits with status 2 and the usage on a bad command line: %s",
    (_, args, message) => {
      const run = sim(args);
      expect(run.status).toBe(2);
      expect(run.stderr.startsWith(message)).toBe(true);
      expect(run.stderr).toContain("--lesson LESSON.md --cell CELL_ID [--seed N]");
    },
    SLOW,
  );
});
