/**
 * Start-up of the command-line simulator against npm's own floor: `npm run --silent env` (npm
 * starting and running a trivial script) and `npm run --silent sim -- <Bell circuit>`, run
 * alternately RUNS times each (default 21); prints the medians and their ratio (goal <= 1.6).
 * Usage: `npm run bench:cli [-- RUNS]`. Run it on a quiet machine: it measures wall time.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const RUNS = Number(process.argv[2] ?? 21);
const circuit = path.join(mkdtempSync(path.join(tmpdir(), "ketbook-cli-start-")), "bell.qasm");
writeFileSync(
  circuit,
  'OPENQASM 3.0;\ninclude "stdgates.inc";\nqubit[2] q;\nbit[2] c;\nh q[0];\ncx q[0], q[1];\nc = measure q;\n',
);

const commands = {
  env: ["run", "--silent", "env"],
  sim: ["run", "--silent", "sim", "--", circuit, "--seed", "1"],
};

function timeOnce(args: string[]): number {
  const start = performance.now();
  const run = spawnSync("npm", args, { encoding: "utf8" });
  const elapsed = performance.now() - start;
  if (run.status !== 0) throw new Error(`npm ${args.join(" ")} failed: ${run.stderr}`);
  return elapsed;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

// One warm-up each (file cache, a bundle rebuild if sources changed), not counted.
timeOnce(commands.env);
timeOnce(commands.sim);
const times = { env: [] as number[], sim: [] as number[] };
for (let i = 0; i < RUNS; i++) {
  times.env.push(timeOnce(commands.env));
  times.sim.push(timeOnce(commands.sim));
}
const env = median(times.env);
const sim = median(times.sim);
console.log(`runs: ${RUNS} each, alternating (node ${process.version})`);
console.log(`npm run --silent env           median ${env.toFixed(0)} ms`);
console.log(`npm run --silent sim -- bell   median ${sim.toFixed(0)} ms`);
console.log(`ratio sim / env: ${(sim / env).toFixed(2)} (goal <= 1.6)`);
