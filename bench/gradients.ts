/**
 * `npx tsx bench/gradients.ts`: the training-loop path of the engine on a 4-qubit, 2-layer
 * classifier (4 data inputs x0..x3 encoded by ry, 24 weights w0..w23 in rx·ry·rz layers with a
 * ring of cx; ⟨Z0⟩ is the output). Prints expectation evaluations per second (compile once vs
 * compile + simulate each time, single and batched) and the time of one full gradient by
 * adjoint differentiation, parameter shift and finite differences. Target: adjoint at least
 * P/4 times faster than parameter shift for P parameters. Not part of the tests.
 */
import { compile } from "@/lib/quantum/compile";
import {
  compileParametric,
  expectations,
  expectationsBatch,
  gradient,
  type GradientMethod,
} from "@/lib/quantum/diff";
import { simulate } from "@/lib/quantum/simulate";

const QUBITS = 4;
const LAYERS = 2;

function classifier(): string {
  const lines = ["OPENQASM 3.0;", 'include "stdgates.inc";'];
  for (let i = 0; i < QUBITS; i++) lines.push(`input float x${i};`);
  for (let w = 0; w < 3 * QUBITS * LAYERS; w++) lines.push(`input float w${w};`);
  lines.push(`qubit[${QUBITS}] q;`);
  for (let i = 0; i < QUBITS; i++) lines.push(`ry(pi * x${i}) q[${i}];`);
  let w = 0;
  for (let layer = 0; layer < LAYERS; layer++) {
    for (let i = 0; i < QUBITS; i++) {
      lines.push(`rx(w${w++}) q[${i}];`, `ry(w${w++}) q[${i}];`, `rz(w${w++}) q[${i}];`);
    }
    for (let i = 0; i < QUBITS; i++) lines.push(`cx q[${i}], q[${(i + 1) % QUBITS}];`);
  }
  lines.push("#pragma expect Z0");
  return lines.join("\n");
}

function median(xs: readonly number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Runs `f` repeatedly for about `ms` milliseconds; returns calls per second. */
function rate(f: () => void, ms = 1500): number {
  const warm = performance.now();
  while (performance.now() - warm < ms / 3) f(); // let the JIT optimise f first
  let calls = 0;
  const start = performance.now();
  let now = start;
  while (now - start < ms) {
    for (let i = 0; i < 10; i++) f();
    calls += 10;
    now = performance.now();
  }
  return (calls * 1000) / (now - start);
}

const source = classifier();
const pc = compileParametric(source);
const P = pc.parameters.length;
let seed = 1;
const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647) * 2 - 1;
const point = () => pc.parameters.map(() => random());
const values = point();
const batch = Array.from({ length: 100 }, point);
const named = Object.fromEntries(pc.parameters.map((n, i) => [n, values[i]]));

const rows: [string, string][] = [];
const perSecond = (x: number) => `${Math.round(x).toLocaleString("en-US")} /s`;
rows.push([
  "compile + simulate each time",
  perSecond(rate(() => simulate(compile(source, { params: named }), { shots: 0 }))),
]);
rows.push(["expectations (compiled once)", perSecond(rate(() => expectations(pc, values)))]);
rows.push([
  "expectationsBatch, 100 points",
  perSecond(100 * rate(() => expectationsBatch(pc, batch))),
]);

// The machine is shared: adjoint and shift are timed in alternating rounds, and the speed-up
// is the median of the per-round ratios, so a burst of load elsewhere hits both alike.
const times: Record<GradientMethod, number[]> = { adjoint: [], shift: [], "finite-difference": [] };
const ratios: number[] = [];
for (let round = 0; round < 9; round++) {
  const ms: Partial<Record<GradientMethod, number>> = {};
  for (const method of ["adjoint", "shift", "finite-difference"] as const) {
    ms[method] = 1000 / rate(() => gradient(pc, values, undefined, { method }), 300);
    times[method].push(ms[method]);
  }
  ratios.push(ms.shift! / ms.adjoint!);
}
for (const method of ["adjoint", "shift", "finite-difference"] as const) {
  const t = median(times[method]);
  rows.push([`gradient by ${method}`, `${t.toFixed(4)} ms (${perSecond(1000 / t)})`]);
}
rows.push([
  `adjoint vs parameter shift (P = ${P})`,
  `${median(ratios).toFixed(1)}× faster (target ≥ P/4 = ${P / 4})`,
]);

const width = Math.max(...rows.map(([k]) => k.length));
console.log(
  `4-qubit ${LAYERS}-layer classifier: ${P} inputs (4 data, 24 weights), ${pc.template.ops.length} ops\n`,
);
for (const [k, v] of rows) console.log(`${k.padEnd(width)}  ${v}`);
