/**
 * Circuit → an Amazon Braket SDK script: `Circuit()` with Braket's gate methods (`cnot`, `v`,
 * `phaseshift`, `xx`...), `control=`/`control_state=` for modifiers, `.unitary(...)` for
 * matrices, run on the local simulator.
 *
 * Braket has no classical control, reset or mid-circuit measurement: such circuits are refused
 * naming the construct. Braket measures every qubit at the end, so measure ops only say which
 * qubit feeds which classical bit; the script rebuilds Ketbook's counts from that map. Braket
 * lists qubit 0 as the most significant bit (of matrices too), hence reversed matrix targets.
 */
import type { Angle, AngleFunction } from "../angle";
import type { Circuit, GateOp, GlobalPhaseOp, Matrix, Op } from "../ir";
import { assertNever } from "../ir";
import { controlledForm, expandRelativePhaseToffoli } from "./controls";
import {
  clbitName,
  formatAngle,
  formatNumber,
  qubitName,
  refuseRunTimeClassical,
  unsupported,
} from "./format";
import { noiseNotExported } from "./noise";
import { gphaseAsPhaseGates, pyMatrix, pythonNames } from "./python";
import { pythonAngle } from "./python-angle";

const FORMAT = "Amazon Braket";

/** Base gate → Braket method and its parameters (Braket puts the angle after the targets). */
const BASE: Readonly<Record<string, { method: string; params?: (p: string[]) => string[] }>> = {
  id: { method: "i" },
  x: { method: "x" },
  y: { method: "y" },
  z: { method: "z" },
  h: { method: "h" },
  s: { method: "s" },
  sdg: { method: "si" },
  t: { method: "t" },
  tdg: { method: "ti" },
  sx: { method: "v" }, // Braket's V = ½[[1+i, 1−i], [1−i, 1+i]], Qiskit's sx exactly
  sxdg: { method: "vi" },
  rx: { method: "rx" },
  ry: { method: "ry" },
  rz: { method: "rz" },
  p: { method: "phaseshift" },
  u1: { method: "phaseshift" },
  phase: { method: "phaseshift" },
  u2: { method: "u", params: (p) => ["pi/2", ...p] },
  u3: { method: "u" },
  u: { method: "u" },
  U: { method: "u" },
  swap: { method: "swap" },
  rxx: { method: "xx" },
  rzz: { method: "zz" },
};

/** Named controlled gates with their own Braket method (used when no modifier is added). */
const DIRECT: Readonly<Record<string, string>> = {
  cx: "cnot",
  CX: "cnot",
  cy: "cy",
  cz: "cz",
  ccx: "ccnot",
  cswap: "cswap",
  cu1: "cphaseshift",
  cp: "cphaseshift",
  cphase: "cphaseshift",
};

export function exportBraket(circuit: Circuit): string {
  refuseRunTimeClassical(circuit, FORMAT);
  refuseClassicalControl(circuit);
  let usesNumpy = false;
  // A circuit compiled for rebinding keeps its inputs as Braket FreeParameters, bound at run time.
  const symbolic = circuit.ops.some(
    (op) => op.kind !== "measure" && "symbolic" in op && op.symbolic,
  );
  const parameterNames = pythonNames(circuit.inputs, [
    "circuit",
    "pi",
    "np",
    "result",
    "counts",
    "inputs",
    "position",
    "clbit_qubit",
  ]);
  const angleStyle = {
    parameter: (name: string) => parameterNames.get(name)!,
    call: (fn: AngleFunction): string => {
      throw unsupported(FORMAT, `\`${fn}\` of an input (a FreeParameter supports arithmetic only)`);
    },
  };
  const angleOf = (value: number, expression: Angle | undefined) =>
    expression === undefined ? formatAngle(value) : pythonAngle(expression, angleStyle);

  const method = (
    name: string,
    targets: readonly number[],
    params: string[],
    controls: readonly number[] = [],
    states: readonly (0 | 1)[] = [],
  ) => {
    const args = [...targets.map(String), ...params];
    if (controls.length > 0) {
      args.push(`control=[${controls.join(", ")}]`);
      if (states.some((s) => s === 0)) args.push(`control_state=[${states.join(", ")}]`);
    }
    return `circuit.${name}(${args.join(", ")})`;
  };

  const gphase = (op: GlobalPhaseOp): string[] => {
    if (op.controls.length === 0) return [`circuit.gphase(${angleOf(op.angle, op.symbolic)})`];
    if (op.symbolic) {
      // As phase gates, the angle would lose its expression: say so rather than fix it.
      throw unsupported(FORMAT, "a controlled global phase that depends on an input", op);
    }
    return gphaseAsPhaseGates(op).flatMap(gate);
  };

  function gate(op: GateOp): string[] {
    if (op.name === "rccx" || op.name === "rc3x")
      return expandRelativePhaseToffoli(op).flatMap(gate);
    if (op.name === "unitary") {
      usesNumpy = true;
      const full = withControls(op.matrix!, op.qubits.length, op.controlStates);
      const targets = [...op.qubits, ...op.controls].reverse();
      return [`circuit.unitary(matrix=${pyMatrix(full)}, targets=[${targets.join(", ")}])`];
    }
    const params = op.params.map((p, i) => angleOf(p, op.symbolic?.[i]));
    if (op.controls.length === 0 && DIRECT[op.name])
      return [method(DIRECT[op.name], op.qubits, params)];
    const form = controlledForm(op);
    const base = BASE[form.base];
    if (!base) throw unsupported(FORMAT, `unknown gate \`${op.name}\``, op);
    const own = op.qubits.slice(0, form.controls);
    const controls = [...op.controls, ...own];
    const states = [...op.controlStates, ...own.map((): 0 | 1 => 1)];
    // The form keeps the gate's own parameters in order (cu moves only its fourth to `phase`).
    const baseParams = form.params.map((p, i) => angleOf(p, op.symbolic?.[i]));
    const lines = [
      method(
        base.method,
        op.qubits.slice(form.controls),
        base.params ? base.params(baseParams) : baseParams,
        controls,
        states,
      ),
    ];
    const phaseInput = op.name === "cu" ? op.symbolic?.[3] : undefined;
    const phaseExpression = typeof phaseInput === "number" ? undefined : phaseInput;
    if (form.phase !== 0 || phaseExpression) {
      lines.push(
        ...gphase({
          kind: "gphase",
          angle: form.phase,
          symbolic: phaseExpression,
          controls,
          controlStates: states,
          loc: op.loc,
        }),
      );
    }
    return lines;
  }

  const clbitSource = new Map<number, number>();
  const statement = (op: Op): string[] => {
    switch (op.kind) {
      case "gate":
        return gate(op);
      case "gphase":
        return gphase(op);
      case "measure":
        clbitSource.set(op.clbit, op.qubit);
        return [
          `# measure ${qubitName(circuit, op.qubit)} -> ${clbitName(circuit, op.clbit)} (Braket measures every qubit at the end)`,
        ];
      case "reset":
        throw unsupported(FORMAT, "`reset`", op);
      case "barrier":
        return [`# barrier ${op.qubits.map((q) => qubitName(circuit, q)).join(", ")}`];
      case "classical":
        throw unsupported(FORMAT, `run-time classical computation (\`${op.label}\`)`, op);
      default:
        return assertNever(op, "op");
    }
  };
  const body = circuit.ops.flatMap(statement);

  const lines = ["from math import pi", ""];
  if (usesNumpy) lines.push("import numpy as np");
  lines.push(
    symbolic
      ? "from braket.circuits import Circuit, FreeParameter"
      : "from braket.circuits import Circuit",
    "from braket.devices import LocalSimulator",
    "",
  );
  if (symbolic) {
    lines.push(
      "# The cell's inputs (its sliders) as free parameters; their values are bound when it runs.",
      ...circuit.inputs.map(
        (i) => `${parameterNames.get(i.name)} = FreeParameter(${JSON.stringify(i.name)})`,
      ),
      `inputs = {${circuit.inputs.map((i) => `${JSON.stringify(i.name)}: ${formatNumber(i.value)}`).join(", ")}}`,
      "",
    );
  } else if (circuit.inputs.length > 0) {
    lines.push(
      `# inputs bound at export: ${circuit.inputs.map((i) => `${i.name} = ${i.value}`).join(", ")}`,
    );
  }
  lines.push(...noiseNotExported(circuit, "Braket"));
  for (const reg of circuit.qregs) {
    lines.push(
      `# qubit register ${reg.name}: Braket qubits ${reg.offset}..${reg.offset + reg.size - 1}`,
    );
  }
  lines.push("circuit = Circuit()");
  // One push per line: spreading a 100 000-line body into push() overflows the call stack.
  for (const line of body) lines.push(line);
  for (const e of circuit.expectations) lines.push(`# expectation requested: ${e.observable}`);
  lines.push("");
  const runInputs = symbolic ? ", inputs=inputs" : "";
  if (clbitSource.size > 0) {
    const map = [...clbitSource]
      .sort((a, b) => a[0] - b[0])
      .map(([c, q]) => `${c}: ${q}`)
      .join(", ");
    lines.push(
      `result = LocalSimulator().run(circuit, shots=1024${runInputs}).result()`,
      "# Braket's bitstrings list qubits in result.measured_qubits order; rebuild Ketbook's keys",
      "# (classical bits, highest first) from which qubit each bit measured.",
      `clbit_qubit = {${map}}`,
      "position = {q: i for i, q in enumerate(result.measured_qubits)}",
      "counts = {}",
      "for bits, n in result.measurement_counts.items():",
      `    key = "".join(bits[position[clbit_qubit[c]]] if c in clbit_qubit and clbit_qubit[c] in position else "0" for c in range(${circuit.numClbits - 1}, -1, -1))`,
      "    counts[key] = counts.get(key, 0) + n",
      "print(counts)",
    );
  } else {
    lines.push(
      "circuit.state_vector()",
      `result = LocalSimulator().run(circuit, shots=0${runInputs}).result()`,
      "# Braket's index reads qubit 0 as the most significant bit (Ketbook: least significant).",
      "print(result.values[0])",
    );
  }
  return lines.join("\n") + "\n";
}

/** Braket runs no classical logic: refuse conditions, resets and measure-then-act, by name. */
function refuseClassicalControl(circuit: Circuit): void {
  const measured = new Set<number>();
  for (const op of circuit.ops) {
    if (op.condition) {
      throw unsupported(
        FORMAT,
        `classical control (\`if (${op.condition.label} == ${op.condition.value})\`) is not supported by Braket circuits`,
        op,
      );
    }
    if (op.kind === "measure") measured.add(op.qubit);
    if (op.kind === "reset")
      throw unsupported(FORMAT, "`reset` is not supported by Braket circuits", op);
    const touched =
      op.kind === "gate" ? [...op.qubits, ...op.controls] : op.kind === "gphase" ? op.controls : [];
    const after = touched.find((q) => measured.has(q));
    if (after !== undefined) {
      throw unsupported(
        FORMAT,
        `mid-circuit measurement (an operation on ${qubitName(circuit, after)} after measuring it) is not supported by Braket circuits`,
        op,
      );
    }
  }
}

/**
 * The matrix of `matrix` (on its first `m` qubits) controlled by further qubits that must be in
 * `states`: identity wherever a control differs, the original block where all match.
 */
export function withControls(matrix: Matrix, m: number, states: readonly (0 | 1)[]): Matrix {
  if (states.length === 0) return matrix;
  const dim = 2 ** (m + states.length);
  const re = new Float64Array(dim * dim);
  const im = new Float64Array(dim * dim);
  const want = states.reduce<number>((acc, s, i) => acc + (s << i), 0);
  const low = 2 ** m;
  for (let row = 0; row < dim; row++) {
    const high = Math.floor(row / low);
    if (high !== want) {
      re[row * dim + row] = 1;
      continue;
    }
    for (let c = 0; c < low; c++) {
      const col = high * low + c;
      re[row * dim + col] = matrix.re[(row % low) * low + c];
      im[row * dim + col] = matrix.im[(row % low) * low + c];
    }
  }
  return { dim, re, im };
}
