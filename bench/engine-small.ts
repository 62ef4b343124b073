/**
 * Engine-only timing of per-gate overhead on small circuits and of a few large cases, for
 * comparing engine changes before/after under the same load (medians; prints the load average).
 * Run: npx tsx bench/engine-small.ts [--large]
 */
import { loadavg } from "node:os";
import { benchGates, type CaseName, toCircuit } from "./circuits";
import { finalState } from "@/lib/quantum/simulate";

const UNLIMITED = { limits: { deadlineMs: Number.POSITIVE_INFINITY } };

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Median wall time (ms) of `reps` batches of `inner` runs, divided by `inner`. */
function timeCase(kind: CaseName, n: number, reps: number, inner: number): number {
  const circuit = toCircuit(n, benchGates(kind, n));
  for (let i = 0; i < inner; i++) finalState(circuit, UNLIMITED); // warm-up
  const times: number[] = [];
  for (let r = 0; r < reps; r++) {
    const t = performance.now();
    for (let i = 0; i < inner; i++) finalState(circuit, UNLIMITED);
    times.push((performance.now() - t) / inner);
  }
  return median(times);
}

const load = (): string =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(" / ");

console.log(`load average at start: ${load()}`);
console.log("case      n  gates  ms/run   us/gate");
for (const n of [4, 8, 12]) {
  for (const kind of ["ghz", "qft", "h+qft", "random"] as const) {
    const gates = benchGates(kind, n).length;
    const ms = timeCase(kind, n, 15, n <= 8 ? 200 : 50);
    console.log(
      `${kind.padEnd(8)} ${String(n).padStart(2)} ${String(gates).padStart(6)}  ${ms.toFixed(4).padStart(7)}  ${((ms * 1000) / gates).toFixed(2).padStart(7)}`,
    );
  }
}
if (process.argv.includes("--large")) {
  for (const [kind, n] of [
    ["h+qft", 20],
    ["h+qft", 24],
    ["random", 20],
  ] as const) {
    const ms = timeCase(kind, n, 5, 1);
    console.log(`${kind.padEnd(8)} ${String(n).padStart(2)}  ${ms.toFixed(1)} ms`);
  }
}
console.log(`load average at end: ${load()}`);
