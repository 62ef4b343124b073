/**
 * Circuit → OpenQASM 2.0 with qelib1.inc. OpenQASM 2 has no modifiers, no global phase and no
 * matrices, so those are rewritten into qelib1 gates by exact identities (multi-control.ts):
 * negctrl → X on the control before and after, ctrl @ on any gate → the matching controlled gate
 * or a decomposition, gphase → phase gates, a `unitary` → u3 plus a phase, or for several qubits its two-level
 * decomposition (unitary-synthesis.ts). What has no qelib1 form (a condition on part of a register)
 * throws QuantumError("unsupported") naming it — never approximate code.
 */
import { QuantumError } from "../errors";
import type { Circuit, GateOp, GlobalPhaseOp, Op } from "../ir";
import { assertNever } from "../ir";
import type { BasicGate } from "./controls";
import {
  clbitName,
  conditionShape,
  describeOp,
  formatAngle,
  qubitName,
  refuseRunTimeClassical,
  unsupported,
} from "./format";
import { noisePragmaLines } from "./noise";
import { controlledGate, controlledMatrix, controlledPhase, globalPhase } from "./multi-control";
import { type Mat2 } from "./su2";
import { synthesizeUnitary } from "./unitary-synthesis";

const FORMAT = "OpenQASM 2";

/** Gates qelib1.inc defines (plus the builtins U and CX); others are renamed or rewritten. */
const QASM2_NAMES: Readonly<Record<string, string>> = { phase: "p", cphase: "cp" };

export function exportQasm2(circuit: Circuit): string {
  refuseRunTimeClassical(circuit, FORMAT);
  const lines = ["OPENQASM 2.0;", 'include "qelib1.inc";'];
  if (circuit.inputs.length > 0) {
    const bound = circuit.inputs.map((i) => `${i.name} = ${i.value}`).join(", ");
    lines.push(`// inputs bound at export: ${bound}`);
  }
  for (const reg of circuit.qregs) lines.push(`qreg ${reg.name}[${reg.size}];`);
  for (const reg of circuit.cregs) lines.push(`creg ${reg.name}[${reg.size}];`);
  for (const request of circuit.expectations) lines.push(`#pragma expect ${request.observable}`);
  const noise = noisePragmaLines(circuit);
  if (noise.length > 0) {
    // OpenQASM 2 has no pragmas: other tools would refuse the lines, so they stay comments.
    lines.push("// noise (OpenQASM 2 has no pragmas; Ketbook reads these lines without `// `):");
    for (const pragma of noise) lines.push(`// ${pragma}`);
  }
  for (const op of circuit.ops) {
    const prefix = conditionPrefix(circuit, op);
    for (const statement of statements(circuit, op)) lines.push(prefix + statement);
  }
  return lines.join("\n") + "\n";
}

function conditionPrefix(circuit: Circuit, op: Op): string {
  if (!op.condition) return "";
  const shape = conditionShape(circuit, op.condition);
  if (!shape || shape.kind !== "register") {
    throw unsupported(
      FORMAT,
      `a condition on part of a classical register (\`${op.condition.label}\`) cannot be written; ` +
        "OpenQASM 2 compares whole registers only",
      op,
    );
  }
  return `if(${shape.register.name}==${shape.value}) `;
}

function statements(circuit: Circuit, op: Op): string[] {
  switch (op.kind) {
    case "measure":
      return [`measure ${qubitName(circuit, op.qubit)} -> ${clbitName(circuit, op.clbit)};`];
    case "reset":
      return [`reset ${qubitName(circuit, op.qubit)};`];
    case "barrier":
      return [`barrier ${op.qubits.map((q) => qubitName(circuit, q)).join(",")};`];
    case "gate":
    case "gphase":
      return qelib1Gates(circuit, op).map((g) => render(circuit, g));
    case "classical":
      throw unsupported(FORMAT, `run-time classical computation (\`${op.label}\`)`, op);
    default:
      return assertNever(op, "op");
  }
}

/** A gate or global-phase op as qelib1 gates without modifiers, an exact equivalent. */
export function qelib1Gates(circuit: Circuit, op: GateOp | GlobalPhaseOp): BasicGate[] {
  return withNegatedControls(op, lowerGate(circuit, op));
}

/** `negctrl` = the positive control with X on that qubit before and after. */
function withNegatedControls(op: GateOp | GlobalPhaseOp, body: BasicGate[]): BasicGate[] {
  const flipped = op.controls.filter((_, i) => op.controlStates[i] === 0);
  const flips = flipped.map((q): BasicGate => ({ name: "x", params: [], qubits: [q] }));
  return [...flips, ...body, ...flips];
}

function lowerGate(circuit: Circuit, op: GateOp | GlobalPhaseOp): BasicGate[] {
  try {
    if (op.kind === "gphase") {
      if (op.controls.length > 0) return controlledPhase(op.controls, op.angle);
      if (circuit.numQubits === 0) throw unsupported(FORMAT, "a global phase with no qubits", op);
      return globalPhase(op.angle, 0);
    }
    if (op.name === "unitary") {
      if (!op.matrix) throw unsupported(FORMAT, "`unitary` without a matrix", op);
      if (op.qubits.length === 1) {
        return controlledMatrix(op.controls, toMat2(op.matrix.re, op.matrix.im), op.qubits[0]);
      }
      return synthesizeUnitary(op.matrix, op.qubits.length).flatMap((g) => {
        const global = (local: number) => op.qubits[local];
        const flips = g.controls
          .filter((c) => c.state === 0)
          .map((c): BasicGate => ({ name: "x", params: [], qubits: [global(c.qubit)] }));
        const controls = [...op.controls, ...g.controls.map((c) => global(c.qubit))];
        return [...flips, ...controlledMatrix(controls, g.matrix, global(g.target)), ...flips];
      });
    }
    return controlledGate(op.controls, QASM2_NAMES[op.name] ?? op.name, op.params, op.qubits);
  } catch (error) {
    // Helpers below know no source location or format name; add both.
    if (error instanceof QuantumError && error.code === "unsupported" && !error.loc) {
      throw unsupported(FORMAT, `\`${describeOp(op)}\`: ${error.message}`, op);
    }
    throw error;
  }
}

function toMat2(re: Float64Array, im: Float64Array): Mat2 {
  return [
    [re[0], im[0]],
    [re[1], im[1]],
    [re[2], im[2]],
    [re[3], im[3]],
  ];
}

function render(circuit: Circuit, g: BasicGate): string {
  const params = g.params.length > 0 ? `(${g.params.map((p) => formatAngle(p)).join(",")})` : "";
  const operands = g.qubits.map((q) => qubitName(circuit, q)).join(",");
  return `${g.name}${params} ${operands};`;
}
