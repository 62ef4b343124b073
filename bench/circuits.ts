/**
 * Benchmark circuits, as plain gate lists so the same circuit can be handed to our engine (as
 * IR) and to the `quantum-circuit` package. All use gates both simulators have built in.
 */
import type { Circuit, GateOp } from "@/lib/quantum/ir";
import { createRng } from "@/lib/quantum/sample";

export interface BenchGate {
  readonly name: "h" | "x" | "t" | "rx" | "ry" | "rz" | "cx" | "cz" | "cp" | "swap";
  readonly qubits: readonly number[];
  readonly params: readonly number[];
}

export type CaseName = "ghz" | "qft" | "h+qft" | "random";
export const CASES: readonly CaseName[] = ["ghz", "qft", "h+qft", "random"];

const g = (name: BenchGate["name"], qubits: number[], params: number[] = []): BenchGate => ({
  name,
  qubits,
  params,
});

function qft(n: number): BenchGate[] {
  const out: BenchGate[] = [];
  for (let j = n - 1; j >= 0; j--) {
    out.push(g("h", [j]));
    for (let m = j - 1; m >= 0; m--) out.push(g("cp", [m, j], [Math.PI / 2 ** (j - m)]));
  }
  for (let i = 0; i < Math.floor(n / 2); i++) out.push(g("swap", [i, n - 1 - i]));
  return out;
}

/**
 * Random depth-20 circuit: each layer puts a random single-qubit gate (h, t, rx, ry, rz with a
 * random angle) on every qubit, then cx or cz on neighbouring pairs in a brickwork pattern
 * (pairs (0,1),(2,3)… on even layers, (1,2),(3,4)… on odd ones). Seeded.
 */
function random(n: number, seed: number, depth = 20): BenchGate[] {
  const rng = createRng(seed);
  const out: BenchGate[] = [];
  const single: BenchGate["name"][] = ["h", "t", "rx", "ry", "rz"];
  for (let layer = 0; layer < depth; layer++) {
    for (let q = 0; q < n; q++) {
      const name = single[rng.nextUint32() % single.length];
      const params = name.startsWith("r") ? [rng.next() * 2 * Math.PI] : [];
      out.push(g(name, [q], params));
    }
    for (let q = layer % 2; q + 1 < n; q += 2)
      out.push(g(rng.nextUint32() & 1 ? "cx" : "cz", [q, q + 1]));
  }
  return out;
}

export function benchGates(kind: CaseName, n: number, seed = 2024): BenchGate[] {
  switch (kind) {
    case "ghz":
      return [g("h", [0]), ...Array.from({ length: n - 1 }, (_, q) => g("cx", [q, q + 1]))];
    case "qft":
      return qft(n);
    case "h+qft":
      return [...Array.from({ length: n }, (_, q) => g("h", [q])), ...qft(n)];
    case "random":
      return random(n, seed);
    default:
      throw new Error(`unknown benchmark case ${String(kind satisfies never)}`);
  }
}

export function toCircuit(n: number, gates: readonly BenchGate[]): Circuit {
  const loc = { line: 1, column: 1 };
  return {
    version: "3.0",
    numQubits: n,
    numClbits: 0,
    qregs: [{ name: "q", size: n, offset: 0 }],
    cregs: [],
    ops: gates.map((x): GateOp => ({
      kind: "gate",
      name: x.name,
      params: x.params,
      qubits: x.qubits,
      controls: [],
      controlStates: [],
      loc,
    })),
    inputs: [],
    expectations: [],
  };
}
