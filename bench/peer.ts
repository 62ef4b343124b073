/**
 * Child process: runs one benchmark circuit on the `quantum-circuit` package and prints
 * `{"ms": …}`. Run in its own process so the parent can kill it after 60 s.
 * Usage: node --import tsx bench/peer.ts <case> <n>
 */
import { createRequire } from "node:module";
import { benchGates, type CaseName } from "./circuits";

interface PeerCircuit {
  appendGate(
    name: string,
    wires: number | number[],
    options?: { params: Record<string, number> },
  ): void;
  run(): void;
}

const require = createRequire(import.meta.url);
const QuantumCircuit = require("quantum-circuit") as new (n: number) => PeerCircuit;

const [kind, nText] = process.argv.slice(2);
const n = Number(nText);
const circuit = new QuantumCircuit(n);
for (const gate of benchGates(kind as CaseName, n)) {
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
process.stdout.write(JSON.stringify({ ms: performance.now() - start }) + "\n");
