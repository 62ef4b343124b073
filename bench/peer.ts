/**
 * Child process: runs one benchmark circuit on a JavaScript/WebAssembly peer simulator and
 * prints `{"ms": …}` (and, for peers that compile first, `"compileMs"`). Run in its own process so
 * the parent can kill it at its time limit. With `--probs` it also prints the final state's 2^n
 * basis-state probabilities (or, for a peer that only samples, frequencies from `"shots"`
 * shots), for the agreement check.
 * Usage: node --import tsx bench/peer.ts <peer> <case> <n> [--probs]
 * Peers: quantum-circuit (timing only), jsqubits, qsharp (qsharp-lang on OpenQASM 3 source).
 * libquantum is a C library: bench/libquantum.ts builds a driver the parent runs directly.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { benchGates, type BenchGate, type CaseName } from "./circuits";

interface PeerResult {
  ms: number;
  compileMs?: number;
  probs?: number[];
  shots?: number;
}

interface QcCircuit {
  appendGate(
    name: string,
    wires: number | number[],
    options?: { params: Record<string, number> },
  ): void;
  run(): void;
}

const require = createRequire(import.meta.url);
/** A variable specifier: jsqubits ships no type declarations (typed locally below). */
const JSQUBITS = "jsqubits";

/** quantum-circuit: timing only (its `probabilities()` is per qubit, not per basis state). */
function quantumCircuit(n: number, gates: readonly BenchGate[]): PeerResult {
  const QuantumCircuit = require("quantum-circuit") as new (n: number) => QcCircuit;
  const circuit = new QuantumCircuit(n);
  for (const gate of gates) {
    switch (gate.name) {
      case "cp":
        circuit.appendGate("cu1", [...gate.qubits], { params: { lambda: gate.params[0] } });
        break;
      case "rx":
      case "ry":
        circuit.appendGate(gate.name, [...gate.qubits], { params: { theta: gate.params[0] } });
        break;
      case "rz": // quantum-circuit names the rz angle "phi"
        circuit.appendGate("rz", [...gate.qubits], { params: { phi: gate.params[0] } });
        break;
      default:
        circuit.appendGate(gate.name, [...gate.qubits]);
    }
  }
  const start = performance.now();
  circuit.run();
  return { ms: performance.now() - start };
}

interface JsqState {
  hadamard(t: number): JsqState;
  x(t: number): JsqState;
  t(t: number): JsqState;
  rotateX(t: number, a: number): JsqState;
  rotateY(t: number, a: number): JsqState;
  rotateZ(t: number, a: number): JsqState;
  cnot(c: number, t: number): JsqState;
  controlledZ(c: number, t: number): JsqState;
  controlledR(c: number, t: number, a: number): JsqState;
  swap(a: number, b: number): JsqState;
  amplitude(i: number): { real: number; imaginary: number };
}

/** jsqubits: immutable sparse states, bit 0 the least significant (as ours). */
async function jsqubits(
  n: number,
  gates: readonly BenchGate[],
  probs: boolean,
): Promise<PeerResult> {
  const { jsqubits: make } = (await import(JSQUBITS)) as unknown as {
    jsqubits: (bits: string) => JsqState;
  };
  const start = performance.now();
  let s = make(`|${"0".repeat(n)}>`);
  for (const { name, qubits: q, params: p } of gates) {
    switch (name) {
      case "h":
        s = s.hadamard(q[0]);
        break;
      case "x":
        s = s.x(q[0]);
        break;
      case "t":
        s = s.t(q[0]);
        break;
      case "rx":
        s = s.rotateX(q[0], p[0]);
        break;
      case "ry":
        s = s.rotateY(q[0], p[0]);
        break;
      case "rz":
        s = s.rotateZ(q[0], p[0]);
        break;
      case "cx":
        s = s.cnot(q[0], q[1]);
        break;
      case "cz":
        s = s.controlledZ(q[0], q[1]);
        break;
      case "cp":
        s = s.controlledR(q[0], q[1], p[0]);
        break;
      case "swap":
        s = s.swap(q[0], q[1]);
        break;
      default:
        throw new Error(`jsqubits: no mapping for ${String(name satisfies never)}`);
    }
  }
  const ms = performance.now() - start;
  if (!probs) return { ms };
  return {
    ms,
    probs: Array.from({ length: 2 ** n }, (_, i) => {
      const a = s.amplitude(i);
      return a.real ** 2 + a.imaginary ** 2;
    }),
  };
}

/** The gate list as an OpenQASM 3 program (stdgates.inc has every bench gate). */
function toQasm3(n: number, gates: readonly BenchGate[], measure: boolean): string {
  const lines = ["OPENQASM 3.0;", 'include "stdgates.inc";', `qubit[${n}] q;`];
  if (measure) lines.push(`bit[${n}] c;`);
  for (const { name, qubits, params } of gates) {
    const angles = params.length > 0 ? `(${params.map((p) => p.toString()).join(", ")})` : "";
    lines.push(`${name}${angles} ${qubits.map((q) => `q[${q}]`).join(", ")};`);
  }
  if (measure) lines.push("c = measure q;");
  return lines.join("\n") + "\n";
}

/** Shots for qsharp's agreement check: it samples, it does not hand out the state. */
const QSHARP_SHOTS = 1000;

/**
 * qsharp-lang: Microsoft's Q# compiler and simulator (Rust compiled to WebAssembly), on the
 * circuit as OpenQASM 3. Its `run` compiles the source on every call, so the two are timed apart
 * through its debug service (the same interpreter and simulator): `loadProgram` (the compile) and
 * `evalContinue` to the end (the simulation), after a warm-up on a one-qubit program (the first
 * compile in a process also compiles the standard library).
 */
async function qsharp(n: number, gates: readonly BenchGate[], probs: boolean): Promise<PeerResult> {
  const { getCompiler, getDebugService, loadWasmModule, QscEventTarget } =
    await import("qsharp-lang");
  // The package does not export its .wasm path: it sits beside dist/ in lib/web/.
  const entry = createRequire(import.meta.url).resolve("qsharp-lang");
  const wasm = join(dirname(entry), "..", "lib", "web", "qsc_wasm_bg.wasm");
  const bytes = readFileSync(wasm);
  await loadWasmModule(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  const config = (source: string) => ({
    sources: [["bench.qasm", source]] as [string, string][],
    languageFeatures: [],
    projectType: "openqasm" as const,
    profile: "unrestricted" as const,
  });
  const time = async (source: string): Promise<{ compileMs: number; ms: number }> => {
    const debug = await getDebugService();
    let start = performance.now();
    const error = await debug.loadProgram(config(source), undefined);
    const compileMs = performance.now() - start;
    if (error) throw new Error(`qsharp did not compile the circuit: ${error}`);
    start = performance.now();
    await debug.evalContinue([], new QscEventTarget(false));
    const ms = performance.now() - start;
    await debug.dispose();
    return { compileMs, ms };
  };
  await time(toQasm3(1, [{ name: "h", qubits: [0], params: [] }], false));
  const { ms, compileMs } = await time(toQasm3(n, gates, false));
  if (!probs) return { ms, compileMs };
  const events = new QscEventTarget(true);
  await (await getCompiler()).run(config(toQasm3(n, gates, true)), "", QSHARP_SHOTS, events);
  const freq = new Array<number>(2 ** n).fill(0);
  for (const shot of events.getResults()) {
    // An OpenQASM bit register comes back as "[Zero, One, …]", element j = c[j] = qubit j.
    const bits = String(shot.result)
      .replace(/[[\]\s]/g, "")
      .split(",");
    const index = bits.reduce((acc, b, j) => acc + (b === "One" ? 2 ** j : 0), 0);
    freq[index] += 1 / QSHARP_SHOTS;
  }
  return { ms, compileMs, probs: freq, shots: QSHARP_SHOTS };
}

async function main(): Promise<void> {
  const [peer, kind, nText] = process.argv.slice(2);
  const probs = process.argv.includes("--probs");
  const n = Number(nText);
  const gates = benchGates(kind as CaseName, n);
  const result =
    peer === "quantum-circuit"
      ? quantumCircuit(n, gates)
      : peer === "jsqubits"
        ? await jsqubits(n, gates, probs)
        : peer === "qsharp"
          ? await qsharp(n, gates, probs)
          : undefined;
  if (!result) throw new Error(`unknown peer "${peer}"`);
  process.stdout.write(JSON.stringify(result) + "\n");
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
