/**
 * `npm run sim` on a file that names its noise: the run is noisy without any flag, the JSON says
 * which model was used, `--noise FILE.json` is laid over the pragmas entry by entry, and a bad
 * pragma is a located error on stderr.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const LAUNCHER = path.join(repoRoot, "lib/runner/sim.cjs");
const work = mkdtempSync(path.join(tmpdir(), "ketbook-cli-noise-"));

function file(name: string, text: string): string {
  const target = path.join(work, name);
  writeFileSync(target, text);
  return target;
}

function sim(args: string[]) {
  const run = spawnSync(process.execPath, [LAUNCHER, ...args], {
    cwd: repoRoot,
    encoding: "utf8",
    timeout: 60_000,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

const NOISY = file(
  "noisy-bell.qasm",
  `OPENQASM 2.0;
include "qelib1.inc";
#pragma noise cx depolarizing 0.3
#pragma noise readout 0.05
qreg q[2];
creg c[2];
h q[0];
cx q[0], q[1];
measure q -> c;
`,
);

describe("npm run sim with #pragma noise", () => {
  it("runs the file's noise and reports it", () => {
    const run = sim([NOISY, "--shots", "4000", "--seed", "5"]);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const result = JSON.parse(run.stdout) as {
      counts: Record<string, number>;
      perShot: boolean;
      noise: unknown;
    };
    expect(result.perShot).toBe(true);
    expect(result.noise).toEqual({
      gates: { cx: { depolarizing: 0.3 } },
      readout: { "*": [0.05, 0.05] },
    });
    // A noiseless Bell pair never gives 01 or 10; the noise makes them common.
    expect((result.counts["01"] ?? 0) + (result.counts["10"] ?? 0)).toBeGreaterThan(400);
  });

  it("lays --noise over the pragmas", () => {
    const quiet = file("quiet.json", JSON.stringify({ gates: { cx: { depolarizing: 0 } } }));
    const run = sim([NOISY, "--shots", "200", "--seed", "5", "--noise", quiet]);
    expect(run.status).toBe(0);
    const result = JSON.parse(run.stdout) as { noise: unknown; perShot: boolean };
    expect(result.perShot).toBe(false);
    expect(result.noise).toEqual({
      gates: { cx: { depolarizing: 0 } },
      readout: { "*": [0.05, 0.05] },
    });
  });

  it("reports a bad pragma at its line and column", () => {
    const bad = file(
      "bad.qasm",
      `OPENQASM 3.0;\ninclude "stdgates.inc";\n#pragma noise cx depolarizing 2\nqubit q;`,
    );
    const run = sim([bad]);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe(
      `${bad}:3:31: error: the probability 2 is outside [0, 1] (1 % is written 0.01)\n`,
    );
  });
});
