/**
 * A circuit's `#pragma noise` as a qiskit_aer `NoiseModel`, for the Qiskit export.
 *
 * Ketbook applies a gate's channels after every occurrence of that gate on the qubits it touches
 * (controls included), in the order depolarizing, amplitude damping, phase damping; qiskit_aer
 * attaches a `QuantumError` to an instruction name, on k qubits. So each gate name the circuit
 * uses gets `depolarizing_error(p, k)` composed with the per-qubit damping errors tensored k
 * times (Ketbook's depolarizing channel is Qiskit's: the state is replaced by I/2^k with
 * probability p). Readout error becomes a `ReadoutError` with rows P(recorded | prepared).
 *
 * Qiskit names some instructions differently (u3 and u2 are `u`, u1 is `p`, rc3x is `rcccx`),
 * and a gate with `ctrl @` modifiers or a `unitary` matrix gets a name only Qiskit chooses; noise
 * on those, and two Ketbook gates that become one Qiskit name with different noise, cannot be
 * attached by name, so a comment names them instead of silently changing the model.
 */
import type { Circuit, GateOp } from "../ir";
import { gateNoiseFor, type GateNoise } from "../noise";
import { formatNumber } from "./format";
import { starFirst } from "./noise";

/** The Qiskit instruction name of a plain (unmodified) catalog gate, where it differs. */
const QISKIT_INSTRUCTION: Readonly<Record<string, string>> = {
  U: "u",
  u3: "u",
  u2: "u",
  u1: "p",
  phase: "p",
  CX: "cx",
  cu1: "cp",
  cphase: "cp",
  cu3: "cu",
  rc3x: "rcccx",
  c3x: "mcx",
  c3sqrtx: "c3sx",
  c4x: "mcx",
};

const HELPER = [
  "def after_gate(k, depolarizing=0.0, amplitude_damping=0.0, phase_damping=0.0):",
  '    """Ketbook\'s channels after a gate on k qubits: depolarizing, then damping on each qubit."""',
  "    error = depolarizing_error(depolarizing, k)",
  "    for one in (amplitude_damping_error(amplitude_damping), phase_damping_error(phase_damping)):",
  "        each = one",
  "        for _ in range(k - 1):",
  "            each = each.tensor(one)",
  "        error = error.compose(each)",
  "    return error",
  "",
  "",
  "def readout(p01, p10):",
  '    """Rows: prepared 0 and 1; columns: recorded 0 and 1."""',
  "    return ReadoutError([[1 - p01, p01], [p10, 1 - p10]])",
];

function call(k: number, noise: GateNoise): string {
  const args = (["depolarizing", "amplitude_damping", "phase_damping"] as const)
    .filter((channel) => (noise[channel] ?? 0) > 0)
    .map((channel) => `${channel}=${formatNumber(noise[channel]!)}`);
  return `after_gate(${[String(k), ...args].join(", ")})`;
}

/** Lines that define `noise_model`, or none when the circuit names no noise. */
export function qiskitNoiseModel(circuit: Circuit): string[] {
  const model = circuit.noise?.model;
  if (!model) return [];
  const byInstruction = new Map<string, { k: number; noise: GateNoise; ketbook: string }>();
  const notAttached = new Set<string>();
  for (const op of circuit.ops) {
    if (op.kind !== "gate") continue;
    const noise = gateNoiseFor(model, op.name);
    if (!noise) continue;
    const where = `line ${op.loc.line}`;
    if (op.controls.length > 0 || op.name === "unitary" || noise.qubits) {
      notAttached.add(`\`${describe(op)}\` (${where})`);
      continue;
    }
    const name = QISKIT_INSTRUCTION[op.name] ?? op.name;
    const k = op.qubits.length;
    const earlier = byInstruction.get(name);
    if (earlier === undefined) {
      byInstruction.set(name, { k, noise, ketbook: op.name });
    } else if (earlier.k !== k || call(k, noise) !== call(earlier.k, earlier.noise)) {
      notAttached.add(
        `\`${op.name}\` (${where}; Qiskit calls it \`${name}\` like \`${earlier.ketbook}\`)`,
      );
    }
  }

  const lines = [
    "# The circuit's #pragma noise, as a qiskit_aer noise model.",
    "from qiskit_aer.noise import (",
    "    NoiseModel,",
    "    ReadoutError,",
    "    amplitude_damping_error,",
    "    depolarizing_error,",
    "    phase_damping_error,",
    ")",
    "",
    "",
    ...HELPER,
    "",
    "",
    "noise_model = NoiseModel()",
  ];
  for (const [name, { k, noise }] of byInstruction) {
    lines.push(
      `noise_model.add_all_qubit_quantum_error(${call(k, noise)}, [${JSON.stringify(name)}])`,
    );
  }
  for (const [key, [p01, p10]] of starFirst(model.readout)) {
    const error = `readout(${formatNumber(p01)}, ${formatNumber(p10)})`;
    lines.push(
      key === "*"
        ? `noise_model.add_all_qubit_readout_error(${error})`
        : `noise_model.add_readout_error(${error}, [${Number(key)}])`,
    );
  }
  if (notAttached.size > 0) {
    lines.push(
      `# Not exported: noise after ${[...notAttached].join(", ")}; qiskit_aer attaches noise by instruction name, and these have none Ketbook can predict.`,
    );
  }
  return lines;
}

function describe(op: GateOp): string {
  if (op.name === "unitary") return op.definedIn ?? "unitary";
  return `${op.controls.length > 0 ? "ctrl @ " : ""}${op.name}`;
}
