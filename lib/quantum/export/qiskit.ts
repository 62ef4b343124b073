/**
 * Circuit → a Qiskit (1.x/2.x) script: registers with the source's names, one `qc.<gate>(...)`
 * per op, `.control(k, ctrl_state=...)` for modifiers, `UnitaryGate` for matrices and
 * `with qc.if_test(...)` for conditions, then a few lines that run it. Qiskit's qubit order is
 * Ketbook's (qubit 0 least significant; UnitaryGate takes its first qubit as the low bit), so
 * nothing is reordered.
 */
import type { Circuit, GateOp, Op } from "../ir";
import { assertNever } from "../ir";
import type { Angle } from "../angle";
import {
  conditionShape,
  formatAngle,
  formatNumber,
  refuseRunTimeClassical,
  unsupported,
} from "./format";
import { pythonAngle, qiskitCall } from "./python-angle";
import { gphaseAsPhaseGates, pyMatrix, pythonNames, registerVariable } from "./python";
import { qiskitNoiseModel } from "./qiskit-noise";

const FORMAT = "Qiskit";

/** Catalog name → Qiskit gate class and how its parameters map (u2 → U(π/2, φ, λ)...). */
const GATE_CLASS: Readonly<Record<string, { cls: string; params?: (p: string[]) => string[] }>> = {
  id: { cls: "IGate" },
  x: { cls: "XGate" },
  y: { cls: "YGate" },
  z: { cls: "ZGate" },
  h: { cls: "HGate" },
  s: { cls: "SGate" },
  sdg: { cls: "SdgGate" },
  t: { cls: "TGate" },
  tdg: { cls: "TdgGate" },
  sx: { cls: "SXGate" },
  sxdg: { cls: "SXdgGate" },
  rx: { cls: "RXGate" },
  ry: { cls: "RYGate" },
  rz: { cls: "RZGate" },
  p: { cls: "PhaseGate" },
  u1: { cls: "PhaseGate" },
  phase: { cls: "PhaseGate" },
  u2: { cls: "UGate", params: (p) => ["pi/2", ...p] },
  u3: { cls: "UGate" },
  u: { cls: "UGate" },
  U: { cls: "UGate" },
  CX: { cls: "CXGate" },
  cx: { cls: "CXGate" },
  cy: { cls: "CYGate" },
  cz: { cls: "CZGate" },
  ch: { cls: "CHGate" },
  swap: { cls: "SwapGate" },
  ccx: { cls: "CCXGate" },
  cswap: { cls: "CSwapGate" },
  crx: { cls: "CRXGate" },
  cry: { cls: "CRYGate" },
  crz: { cls: "CRZGate" },
  cu1: { cls: "CPhaseGate" },
  cp: { cls: "CPhaseGate" },
  cphase: { cls: "CPhaseGate" },
  cu3: { cls: "CUGate", params: (p) => [...p, "0"] },
  csx: { cls: "CSXGate" },
  cu: { cls: "CUGate" },
  rxx: { cls: "RXXGate" },
  rzz: { cls: "RZZGate" },
  rccx: { cls: "RCCXGate" },
  rc3x: { cls: "RC3XGate" },
  c3x: { cls: "C3XGate" },
  c3sqrtx: { cls: "C3SXGate" },
  c4x: { cls: "C4XGate" },
};

/** Gates with a `QuantumCircuit` method of the same meaning, by catalog name. */
const METHOD: Readonly<Record<string, string>> = {
  id: "id",
  x: "x",
  y: "y",
  z: "z",
  h: "h",
  s: "s",
  sdg: "sdg",
  t: "t",
  tdg: "tdg",
  sx: "sx",
  sxdg: "sxdg",
  rx: "rx",
  ry: "ry",
  rz: "rz",
  p: "p",
  u1: "p",
  phase: "p",
  u2: "u",
  u3: "u",
  u: "u",
  U: "u",
  CX: "cx",
  cx: "cx",
  cy: "cy",
  cz: "cz",
  ch: "ch",
  swap: "swap",
  ccx: "ccx",
  cswap: "cswap",
  crx: "crx",
  cry: "cry",
  crz: "crz",
  cu1: "cp",
  cp: "cp",
  cphase: "cp",
  cu3: "cu",
  csx: "csx",
  cu: "cu",
  rxx: "rxx",
  rzz: "rzz",
  rccx: "rccx",
  rc3x: "rcccx",
};

/**
 * `circuit` may be compiled for rebinding (lib/quantum/diff/parametric.ts): then every angle that
 * depends on an `input float` is written as an expression of a Qiskit `Parameter` of the same
 * name, and the script binds the inputs' values (`circuit.inputs`) with `assign_parameters`
 * before running, so a learner can change or sweep them. A circuit compiled with the inputs
 * bound is written with numbers, as before.
 */
export function exportQiskit(circuit: Circuit): string {
  refuseRunTimeClassical(circuit, FORMAT);
  const reserved = [
    "circuit",
    "qc",
    "pi",
    "np",
    "sim",
    "counts",
    "state",
    "rho",
    "noise_model",
    "after_gate",
    "readout",
  ];
  const qNames = pythonNames(circuit.qregs, reserved);
  const cNames = pythonNames(circuit.cregs, [...reserved, ...qNames.values()]);
  const q = (i: number) => registerVariable(circuit, "q", qNames, i);
  const c = (i: number) => registerVariable(circuit, "c", cNames, i);
  const classes = new Set<string>();
  let usesNumpy = false;
  const symbolic = circuit.ops.some(
    (op) => op.kind !== "measure" && "symbolic" in op && op.symbolic,
  );
  const parameterNames = pythonNames(circuit.inputs, [
    ...reserved,
    ...qNames.values(),
    ...cNames.values(),
  ]);
  const angleStyle = { parameter: (name: string) => parameterNames.get(name)!, call: qiskitCall };
  const angleOf = (value: number, expression: Angle | undefined) =>
    expression === undefined ? formatAngle(value) : pythonAngle(expression, angleStyle);

  const gateCall = (op: GateOp): string => {
    const operands = [...op.controls, ...op.qubits].map(q).join(", ");
    if (op.name === "unitary") {
      usesNumpy = true;
      classes.add("UnitaryGate");
      const label = op.definedIn ? `, label=${JSON.stringify(op.definedIn)}` : "";
      const gate = `UnitaryGate(${pyMatrix(op.matrix!)}${label})`;
      return `qc.append(${gate}${controlSuffix(op)}, [${operands}])`;
    }
    const entry = GATE_CLASS[op.name];
    if (!entry) throw unsupported(FORMAT, `unknown gate \`${op.name}\``, op);
    const raw = op.params.map((p, i) => angleOf(p, op.symbolic?.[i]));
    const params = (entry.params ? entry.params(raw) : raw).join(", ");
    const method = METHOD[op.name];
    if (op.controls.length === 0 && method) {
      return `qc.${method}(${[params, operands].filter(Boolean).join(", ")})`;
    }
    classes.add(entry.cls);
    return `qc.append(${entry.cls}(${params})${controlSuffix(op)}, [${operands}])`;
  };

  const statement = (op: Op): string[] => {
    switch (op.kind) {
      case "gate":
        return [gateCall(op)];
      case "gphase":
        if (op.controls.length === 0)
          return [`qc.global_phase += ${angleOf(op.angle, op.symbolic)}`];
        if (op.symbolic) {
          // As phase gates, the angle would lose its expression: say so rather than fix it.
          throw unsupported(FORMAT, "a controlled global phase that depends on an input", op);
        }
        return gphaseAsPhaseGates(op).map(gateCall);
      case "measure":
        return [`qc.measure(${q(op.qubit)}, ${c(op.clbit)})`];
      case "reset":
        return [`qc.reset(${q(op.qubit)})`];
      case "barrier":
        return [`qc.barrier(${op.qubits.map(q).join(", ")})`];
      case "classical":
        throw unsupported(FORMAT, `run-time classical computation (\`${op.label}\`)`, op);
      default:
        return assertNever(op, "op");
    }
  };

  const body: string[] = [];
  for (const op of circuit.ops) {
    const lines = statement(op);
    if (!op.condition) {
      body.push(...lines);
      continue;
    }
    const shape = conditionShape(circuit, op.condition);
    if (!shape) {
      throw unsupported(FORMAT, `a condition on several bits (\`${op.condition.label}\`)`, op);
    }
    const target = shape.kind === "register" ? cNames.get(shape.register.name)! : c(shape.clbit);
    body.push(`with qc.if_test((${target}, ${shape.value})):`, ...lines.map((l) => `    ${l}`));
  }

  const hasMeasure = circuit.ops.some((op) => op.kind === "measure");
  const head = ["from math import pi", ""];
  if (usesNumpy) head.splice(1, 0, "import numpy as np");
  head.push("from qiskit import QuantumCircuit, QuantumRegister, ClassicalRegister");
  if (classes.size > 0) {
    head.push(`from qiskit.circuit.library import ${[...classes].sort().join(", ")}`);
  }
  if (symbolic) head.push("from qiskit.circuit import Parameter");
  head.push("");
  if (symbolic) {
    head.push(
      "# The cell's inputs (its sliders) as parameters; their values are bound before running.",
      ...circuit.inputs.map(
        (i) => `${parameterNames.get(i.name)} = Parameter(${JSON.stringify(i.name)})`,
      ),
      "",
    );
  } else if (circuit.inputs.length > 0) {
    head.push(
      `# inputs bound at export: ${circuit.inputs.map((i) => `${i.name} = ${i.value}`).join(", ")}`,
    );
  }
  const regs = [
    ...circuit.qregs.map(
      (r) => `${qNames.get(r.name)} = QuantumRegister(${r.size}, ${JSON.stringify(r.name)})`,
    ),
    ...circuit.cregs.map(
      (r) => `${cNames.get(r.name)} = ClassicalRegister(${r.size}, ${JSON.stringify(r.name)})`,
    ),
  ];
  const allRegs = [
    ...circuit.qregs.map((r) => qNames.get(r.name)),
    ...circuit.cregs.map((r) => cNames.get(r.name)),
  ];
  const noise = qiskitNoiseModel(circuit);
  const run = symbolic ? "circuit" : "qc";
  const binding = symbolic
    ? [
        "",
        "# The values the lesson's sliders start at: change them, or sweep them in a loop.",
        `circuit = qc.assign_parameters({${circuit.inputs
          .map((i) => `${parameterNames.get(i.name)}: ${formatNumber(i.value)}`)
          .join(", ")}})`,
      ]
    : [];
  const tail = noise.length > 0 ? noisyTail(hasMeasure, noise, run) : idealTail(hasMeasure, run);
  const expectations = circuit.expectations.map((e) => `# expectation requested: ${e.observable}`);
  return (
    [
      ...head,
      ...regs,
      `qc = QuantumCircuit(${allRegs.join(", ")})`,
      "",
      ...body,
      ...expectations,
      ...binding,
      ...tail,
    ].join("\n") + "\n"
  );
}

function idealTail(hasMeasure: boolean, qc: string): string[] {
  return hasMeasure
    ? [
        "",
        "# Run it: counts are keyed like Ketbook's (highest classical bit first).",
        "from qiskit import transpile",
        "from qiskit_aer import AerSimulator",
        "",
        "sim = AerSimulator()",
        `counts = sim.run(transpile(${qc}, sim), shots=1024).result().get_counts()`,
        "print(counts)",
      ]
    : [
        "",
        "# Run it: the exact final state (qubit 0 is the least significant bit, as in Ketbook).",
        "from qiskit.quantum_info import Statevector",
        "",
        `state = Statevector(${qc})`,
        "print(state.probabilities_dict())",
      ];
}

/** With noise: counts from AerSimulator, or the noisy density matrix when nothing is measured. */
function noisyTail(hasMeasure: boolean, noise: readonly string[], qc: string): string[] {
  const run = hasMeasure
    ? [
        "# Run it with the noise: counts are keyed like Ketbook's (highest classical bit first).",
        "sim = AerSimulator(noise_model=noise_model)",
        `counts = sim.run(transpile(${qc}, sim), shots=1024).result().get_counts()`,
        "print(counts)",
      ]
    : [
        "# Run it with the noise: nothing is measured, so the mixed final state as a density matrix.",
        `${qc}.save_density_matrix()`,
        'sim = AerSimulator(method="density_matrix", noise_model=noise_model)',
        `rho = sim.run(transpile(${qc}, sim)).result().data()["density_matrix"]`,
        "print(rho.probabilities_dict())",
      ];
  return [
    "",
    "from qiskit import transpile",
    "from qiskit_aer import AerSimulator",
    "",
    ...noise,
    "",
    ...run,
  ];
}

/** `.control(k, ctrl_state=s)`: Qiskit puts the new controls first; bit i of s is control i. */
function controlSuffix(op: GateOp): string {
  const k = op.controls.length;
  if (k === 0) return "";
  const state = op.controlStates.reduce<number>((acc, s, i) => acc + (s << i), 0);
  const allOnes = state === 2 ** k - 1;
  return allOnes ? `.control(${k})` : `.control(${k}, ctrl_state=${state})`;
}
