/**
 * The command-line simulator's own limits and its full state vector, on the real command
 * (`node lib/runner/sim.cjs`, what `npm run sim` runs): no source size limit, no deadline unless
 * --deadline-ms, --max-qubits up to 28, and --statevector printing every amplitude.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

import { CLI_DEFAULT_MAX_QUBITS, CLI_MAX_QUBITS, cliLimits } from "@/lib/quantum/cli";
import { DEFAULT_LIMITS } from "@/lib/quantum/limits";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const LAUNCHER = path.join(repoRoot, "lib/runner/sim.cjs");
const work = mkdtempSync(path.join(tmpdir(), "ketbook-cli-limits-"));
const SLOW = 120_000;

function file(name: string, text: string): string {
  const target = path.join(work, name);
  writeFileSync(target, text);
  return target;
}

function sim(args: string[], env: Record<string, string> = {}) {
  const run = spawnSync(process.execPath, [LAUNCHER, ...args], {
    cwd: repoRoot,
    encoding: "utf8",
    env: { ...process.env, ...env },
    timeout: SLOW,
    maxBuffer: 1 << 30,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

const header = 'OPENQASM 3.0;\ninclude "stdgates.inc";\n';

/** Rotations and CNOTs along a chain of qubits, `rounds` times: a long run of gates. */
function longCircuit(rounds: number, qubits: number): string {
  return `${header}qubit[${qubits}] q;
for int i in [0:${rounds - 1}] {
  for int j in [0:${qubits - 2}] {
    rx(0.001 * i) q[j];
    cx q[j], q[j + 1];
  }
}
`;
}

describe("npm run sim limits", () => {
  it("refuses --max-qubits above 28 with status 2, naming the limit", () => {
    const source = file("one.qasm", `${header}qubit q;\nh q;\n`);
    const run = sim([source, "--max-qubits", "29"]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/^error: --max-qubits can be at most 28 .*got 29\n/);
  });

  it("refuses a program above the default qubit limit, saying how to raise it", () => {
    const qubits = CLI_DEFAULT_MAX_QUBITS + 1;
    const source = file("wide.qasm", `${header}qubit[${qubits}] q;\nx q[0];\n`);
    const run = sim([source]);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(
      `${source}:3:1: error: the program declares ${qubits} qubits; the limit is maxQubits = ${CLI_DEFAULT_MAX_QUBITS} (--max-qubits raises it, up to ${CLI_MAX_QUBITS})\n`,
    );
  });

  it(
    "runs a program above the default qubit limit with --max-qubits",
    () => {
      const qubits = CLI_DEFAULT_MAX_QUBITS + 1;
      const source = file("wide-ok.qasm", `${header}qubit[${qubits}] q;\nx q[${qubits - 1}];\n`);
      const run = sim([source, "--max-qubits", String(qubits), "--observable", `Z${qubits - 1}`]);
      expect(run.stderr).toBe("");
      expect(run.status).toBe(0);
      const result = JSON.parse(run.stdout) as {
        numQubits: number;
        expectations: { value: number }[];
      };
      expect(result.numQubits).toBe(qubits);
      expect(result.expectations[0].value).toBeCloseTo(-1, 12);
    },
    SLOW,
  );

  it(
    "accepts a source far above the web's 64 KB limit",
    () => {
      // 4,000 lines of gates and padding comments: about 200 KB.
      const lines = Array.from(
        { length: 4000 },
        (_, i) => `x q[${i % 3}]; // ${"padding ".repeat(5)}`,
      );
      const text = `${header}qubit[3] q;\n${lines.join("\n")}\n`;
      expect(Buffer.byteLength(text)).toBeGreaterThan(3 * DEFAULT_LIMITS.maxSourceBytes);
      const source = file("big.qasm", text);
      const run = sim([source, "--statevector"]);
      expect(run.stderr).toBe("");
      expect(run.status).toBe(0);
      // The basis state with each qubit flipped if its x count is odd:
      const flips = [0, 1, 2].map((q) => lines.filter((_, i) => i % 3 === q).length % 2);
      const index = flips[0] + 2 * flips[1] + 4 * flips[2];
      const { statevector } = JSON.parse(run.stdout) as { statevector: [number, number][] };
      expect(statevector[index]).toEqual([1, 0]);
    },
    SLOW,
  );

  it(
    "stops a long simulation at --deadline-ms with a message naming the flag",
    () => {
      const source = file("endless.qasm", longCircuit(2000, 22));
      const run = sim([source, "--deadline-ms", "300"]);
      expect(run.status).toBe(1);
      expect(run.stdout).toBe("");
      expect(run.stderr).toBe(
        `${source}: error: the simulation ran longer than the deadlineMs = 300 ms limit (set by --deadline-ms)\n`,
      );
    },
    SLOW,
  );

  it(
    "has no deadline by default: a run longer than the web's deadline setting completes",
    () => {
      // The web server reads KETBOOK_SIM_DEADLINE_MS; the command does not apply it.
      const source = file("long.qasm", longCircuit(3000, 12));
      const run = sim([source, "--shots", "16"], { KETBOOK_SIM_DEADLINE_MS: "50" });
      expect(run.stderr).toBe("");
      expect(run.status).toBe(0);
      const result = JSON.parse(run.stdout) as { elapsedMs: number };
      expect(result.elapsedMs).toBeGreaterThan(50);
      // And the limits the command resolves have none at all, where the engine's default is 10 s.
      expect(cliLimits({}).deadlineMs).toBe(Infinity);
      expect(cliLimits({}).maxSourceBytes).toBe(Infinity);
      expect(cliLimits({ deadlineMs: 5 }).deadlineMs).toBe(5);
    },
    SLOW,
  );
});

describe("npm run sim --statevector", () => {
  it(
    "prints all 2^20 amplitudes of H on 20 qubits, streamed, in the usual JSON shape",
    () => {
      const n = 20;
      const source = file(
        "h20.qasm",
        `${header}qubit[${n}] q;\nbit[${n}] c;\nh q;\nc = measure q;\n`,
      );
      const run = sim([source, "--statevector", "--shots", "8", "--seed", "4"]);
      expect(run.stderr).toBe("");
      expect(run.status).toBe(0);
      expect(run.stdout.endsWith("}\n")).toBe(true);
      expect(run.stdout.trim().split("\n")).toHaveLength(1);
      const result = JSON.parse(run.stdout) as Record<string, unknown>;
      expect(Object.keys(result)).toEqual([
        "numQubits",
        "numClbits",
        "shots",
        "seed",
        "counts",
        "probabilities",
        "bloch",
        "expectations",
        "perShot",
        "elapsedMs",
        "statevector",
        "statevectorNote",
      ]);
      expect(result.numQubits).toBe(n);
      expect(result.shots).toBe(8);
      expect(result.statevectorNote).toBe("probabilities list only the largest entries");
      const state = result.statevector as [number, number][];
      expect(state).toHaveLength(2 ** n);
      const amplitude = 2 ** (-n / 2);
      let norm = 0;
      for (const [re, im] of state) norm += re * re + im * im;
      expect(norm).toBeCloseTo(1, 10);
      for (const k of [0, 1, 12345, 2 ** n - 1]) {
        expect(state[k][0]).toBeCloseTo(amplitude, 14);
        expect(state[k][1]).toBe(0);
      }
    },
    SLOW,
  );

  it("prints null with the reason when the state differs from shot to shot", () => {
    const source = file(
      "mid.qasm",
      `${header}qubit[2] q;\nbit c;\nh q[0];\nc = measure q[0];\nif (c == 1) x q[1];\n`,
    );
    const run = sim([source, "--statevector", "--seed", "1"]);
    expect(run.status).toBe(0);
    const result = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(result.statevector).toBeNull();
    expect(result.statevectorNote).toMatch(/^the final state differs from shot to shot/);
  });
});
