/**
 * Circuit → a PennyLane script: a `qml.qnode` on `default.qubit` with one wire per qubit
 * (Ketbook qubit i = wire i), `qml.ctrl(...)` for controls, `qml.QubitUnitary` for matrices,
 * `qml.measure`/`qml.cond` for measurements and conditions, returning `qml.counts` over the
 * measured bits or `qml.probs` when nothing is measured.
 *
 * PennyLane reads its first wire as the most significant bit, Ketbook (like Qiskit) as the least:
 * matrices are applied to their wires in reverse and probabilities are requested over the wires
 * in reverse, so every index printed means what it means in Ketbook.
 */
import type { Angle, AngleFunction } from "../angle";
import type { Circuit, GateOp, GlobalPhaseOp, Op } from "../ir";
import { assertNever } from "../ir";
import { controlledForm, expandRelativePhaseToffoli } from "./controls";
import { formatAngle, formatNumber, locate, refuseRunTimeClassical, unsupported } from "./format";
import { noiseNotExported } from "./noise";
import { gphaseAsPhaseGates, pyMatrix, pythonNames, resolveCondition } from "./python";
import { pythonAngle } from "./python-angle";

const FORMAT = "PennyLane";

/** Base gates: PennyLane class and how to write its parameters. */
const BASE: Readonly<
  Record<string, { op: string; params?: (p: string[]) => string[]; adjoint?: boolean }>
> = {
  id: { op: "qml.Identity" },
  x: { op: "qml.PauliX" },
  y: { op: "qml.PauliY" },
  z: { op: "qml.PauliZ" },
  h: { op: "qml.Hadamard" },
  s: { op: "qml.S" },
  sdg: { op: "qml.S", adjoint: true },
  t: { op: "qml.T" },
  tdg: { op: "qml.T", adjoint: true },
  sx: { op: "qml.SX" },
  sxdg: { op: "qml.SX", adjoint: true },
  rx: { op: "qml.RX" },
  ry: { op: "qml.RY" },
  rz: { op: "qml.RZ" },
  p: { op: "qml.PhaseShift" },
  u1: { op: "qml.PhaseShift" },
  phase: { op: "qml.PhaseShift" },
  u2: { op: "qml.U2" },
  u3: { op: "qml.U3" },
  u: { op: "qml.U3" },
  U: { op: "qml.U3" },
  swap: { op: "qml.SWAP" },
  rxx: { op: "qml.IsingXX" },
  rzz: { op: "qml.IsingZZ" },
};

/** NumPy's spelling of an angle function (PennyLane differentiates through `np`). */
const numpyCall = (fn: AngleFunction, arg: string): string =>
  `np.${fn === "ln" ? "log" : fn}(${arg})`;

/** Named controlled gates PennyLane has as one class (used when no modifier is added). */
const DIRECT: Readonly<Record<string, string>> = {
  cx: "qml.CNOT",
  CX: "qml.CNOT",
  cy: "qml.CY",
  cz: "qml.CZ",
  ch: "qml.CH",
  ccx: "qml.Toffoli",
  cswap: "qml.CSWAP",
  crx: "qml.CRX",
  cry: "qml.CRY",
  crz: "qml.CRZ",
  cu1: "qml.ControlledPhaseShift",
  cp: "qml.ControlledPhaseShift",
  cphase: "qml.ControlledPhaseShift",
};

export function exportPennyLane(circuit: Circuit): string {
  refuseRunTimeClassical(circuit, FORMAT);
  const wires = (qs: readonly number[]) => (qs.length === 1 ? `${qs[0]}` : `[${qs.join(", ")}]`);
  const bitVar = (clbit: number) => {
    const { register, local } = locate(circuit.cregs, clbit);
    return `${register.name.replace(/[^A-Za-z0-9_]/g, "_")}_${local}`.replace(/^([0-9])/, "_$1");
  };
  let usesNumpy = false;
  // A circuit compiled for rebinding (lib/quantum/diff/parametric.ts) keeps its inputs: they
  // become the QNode's arguments, defaulting to the values the cell was exported with.
  const symbolic = circuit.ops.some(
    (op) => op.kind !== "measure" && "symbolic" in op && op.symbolic,
  );
  const argumentNames = pythonNames(circuit.inputs, ["qml", "np", "pi", "dev", "circuit"]);
  const angleStyle = {
    parameter: (name: string) => argumentNames.get(name)!,
    call: (fn: AngleFunction, arg: string) => {
      usesNumpy = true;
      return numpyCall(fn, arg);
    },
  };
  const angleOf = (value: number, expression: Angle | undefined) =>
    expression === undefined ? formatAngle(value) : pythonAngle(expression, angleStyle);

  const call = (base: string, params: string[], targets: readonly number[], adjoint = false) => {
    const args = [...params, `wires=${wires(targets)}`].join(", ");
    return adjoint ? `qml.adjoint(${base}(${args}))` : `${base}(${args})`;
  };
  const controlled = (inner: string, controls: readonly number[], states: readonly (0 | 1)[]) => {
    if (controls.length === 0) return inner;
    const values = states.every((s) => s === 1) ? "" : `, control_values=[${states.join(", ")}]`;
    return `qml.ctrl(${inner}, control=${wires(controls)}${values})`;
  };

  const gphase = (op: GlobalPhaseOp): string[] => {
    if (op.controls.length === 0) {
      const angle = op.symbolic
        ? `-${pythonAngle(op.symbolic, angleStyle)}`
        : formatAngle(-op.angle);
      return [`qml.GlobalPhase(${angle})  # PennyLane's GlobalPhase(φ) is e^(-iφ)`];
    }
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
      const inner = `qml.QubitUnitary(${pyMatrix(op.matrix!, "    ")}, wires=${wires([...op.qubits].reverse())})`;
      return [controlled(inner, op.controls, op.controlStates)];
    }
    const params = op.params.map((p, i) => angleOf(p, op.symbolic?.[i]));
    if (op.controls.length === 0 && DIRECT[op.name])
      return [call(DIRECT[op.name], params, op.qubits)];
    const form = controlledForm(op);
    const base = BASE[form.base];
    if (!base) throw unsupported(FORMAT, `unknown gate \`${op.name}\``, op);
    const own = op.qubits.slice(0, form.controls);
    const controls = [...op.controls, ...own];
    const states = [...op.controlStates, ...own.map((): 0 | 1 => 1)];
    // The form keeps the gate's own parameters in order (cu moves only its fourth to `phase`).
    const baseParams = form.params.map((p, i) => angleOf(p, op.symbolic?.[i]));
    const inner = call(
      base.op,
      base.params ? base.params(baseParams) : baseParams,
      op.qubits.slice(form.controls),
      base.adjoint,
    );
    const lines = [controlled(inner, controls, states)];
    const phaseInput = op.name === "cu" ? op.symbolic?.[3] : undefined;
    const phaseExpression = typeof phaseInput === "number" ? undefined : phaseInput;
    if (form.phase !== 0 || phaseExpression) {
      // cu's e^{iγ} on the controlled subspace.
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

  const statement = (op: Op): string[] => {
    switch (op.kind) {
      case "gate":
        return gate(op);
      case "gphase":
        return gphase(op);
      case "measure":
        return [`${bitVar(op.clbit)} = qml.measure(wires=${op.qubit})`];
      case "reset":
        return [`qml.measure(wires=${op.qubit}, reset=True)  # reset: measure, then return to |0⟩`];
      case "barrier":
        return [`qml.Barrier(wires=${wires(op.qubits)})`];
      case "classical":
        throw unsupported(FORMAT, `run-time classical computation (\`${op.label}\`)`, op);
      default:
        return assertNever(op, "op");
    }
  };

  const body: string[] = [];
  const measured = new Set<number>();
  for (const op of circuit.ops) {
    let lines = statement(op);
    if (op.condition) {
      if (op.kind === "measure" || op.kind === "reset") {
        // A reset is written as a measurement, and qml.cond cannot wrap either.
        throw unsupported(
          FORMAT,
          `a conditional ${op.kind} (\`qml.cond\` cannot wrap \`qml.measure\`)`,
          op,
        );
      }
      const resolved = resolveCondition(op.condition, measured);
      if (resolved.kind === "never") {
        body.push(
          `# skipped: \`${op.condition.label}\` can never hold here (its bits are not measured yet)`,
        );
        continue;
      }
      if (resolved.kind === "test") {
        const sum = resolved.terms
          .map((t) => (t.weight === 1 ? bitVar(t.clbit) : `${t.weight} * ${bitVar(t.clbit)}`))
          .join(" + ");
        lines = lines.map(
          (line) =>
            `qml.cond(${sum} == ${resolved.value}, lambda: ${line.replace(/  #.*$/, "")})()`,
        );
      }
    }
    if (op.kind === "measure") measured.add(op.clbit);
    body.push(...lines);
  }

  const measuredBits = [...measured].sort((a, b) => b - a);
  const result =
    measuredBits.length > 0
      ? `return qml.counts(op=[${measuredBits.map(bitVar).join(", ")}])`
      : `return qml.probs(wires=[${Array.from({ length: circuit.numQubits }, (_, i) => circuit.numQubits - 1 - i).join(", ")}])`;

  const lines = ["from math import pi", "", "import pennylane as qml"];
  if (usesNumpy) lines.push("import numpy as np");
  lines.push("");
  if (symbolic) {
    lines.push(
      "# The cell's inputs (its sliders) are the QNode's arguments, defaulting to their values on",
      "# the page: call circuit(name=value) to change them, or differentiate through them.",
    );
  } else if (circuit.inputs.length > 0) {
    lines.push(
      `# inputs bound at export: ${circuit.inputs.map((i) => `${i.name} = ${i.value}`).join(", ")}`,
    );
  }
  lines.push(...noiseNotExported(circuit, "PennyLane"));
  lines.push(
    "# Wire i is Ketbook's qubit i. PennyLane reads wire 0 as the most significant bit and Qiskit/Ketbook",
  );
  lines.push(
    "# as the least, so matrices act on reversed wires and results list the wires high to low.",
  );
  for (const reg of circuit.qregs) {
    lines.push(`# qubit register ${reg.name}: wires ${reg.offset}..${reg.offset + reg.size - 1}`);
  }
  lines.push(`dev = qml.device("default.qubit", wires=${circuit.numQubits})`, "");
  if (measuredBits.length > 0) lines.push("@qml.set_shots(1024)");
  const signature = symbolic
    ? circuit.inputs.map((i) => `${argumentNames.get(i.name)}=${formatNumber(i.value)}`).join(", ")
    : "";
  lines.push("@qml.qnode(dev)", `def circuit(${signature}):`);
  // One push per line: spreading a 100 000-line body into push() overflows the call stack.
  for (const line of body) lines.push(`    ${line}`);
  for (const e of circuit.expectations) lines.push(`    # expectation requested: ${e.observable}`);
  lines.push(`    ${result}`, "", "", "print(circuit())");
  if (measuredBits.length > 0) {
    lines.splice(
      lines.length - 1,
      0,
      "# Keys: the measured classical bits, highest first (Ketbook's order).",
    );
  }
  return lines.join("\n") + "\n";
}
