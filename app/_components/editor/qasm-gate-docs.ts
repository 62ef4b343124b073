import type { GateSignature } from "@/lib/quantum/gate-catalog";
import { gateMatrix, gateSpec } from "@/lib/quantum/gates";

import { matrixText, symbolicMatrix } from "./symbolic-matrix";

/**
 * What the editor says about a standard gate: its call signature, its documentation and its
 * matrix. Parameterless gates show their real matrix (from the engine's gate library, so the
 * hover can never disagree with the simulator); parameterised ones show a formula from the table
 * below, because a matrix of numbers at one arbitrary angle would teach nothing.
 */

/** Operand names for the signature label: controls are c (c1, c2…), targets t, or a, b, c… */
export function operandNames(gate: GateSignature): string[] {
  if (gate.qubits === 1) return ["q"];
  if (gate.controls === 0) return Array.from({ length: gate.qubits }, (_, i) => "abcde"[i]);
  const targets = gate.qubits - gate.controls;
  const controls =
    gate.controls === 1 ? ["c"] : Array.from({ length: gate.controls }, (_, i) => `c${i + 1}`);
  const targetNames =
    targets === 1 ? ["t"] : Array.from({ length: targets }, (_, i) => `t${i + 1}`);
  return [...controls, ...targetNames];
}

/** `rz(θ) q`, `cx c, t`, `cu(θ, φ, λ, γ) c, t`: how a call looks. */
export function gateSignatureLabel(gate: GateSignature): string {
  const params = gate.params.length > 0 ? `(${gate.params.join(", ")})` : "";
  return `${gate.name}${params} ${operandNames(gate).join(", ")}`;
}

/**
 * Matrix formulas of the parameterised gates, in Qiskit's conventions (those of gates.ts).
 * For controlled gates the subscripts name the operands, so the order cannot be misread.
 */
export const GATE_FORMULAS: ReadonlyMap<string, string> = new Map([
  ["U", "U(θ, φ, λ) = [[cos(θ/2), −e^{iλ}·sin(θ/2)], [e^{iφ}·sin(θ/2), e^{i(φ+λ)}·cos(θ/2)]]"],
  ["u", "U(θ, φ, λ) = [[cos(θ/2), −e^{iλ}·sin(θ/2)], [e^{iφ}·sin(θ/2), e^{i(φ+λ)}·cos(θ/2)]]"],
  ["u3", "U3(θ, φ, λ) = [[cos(θ/2), −e^{iλ}·sin(θ/2)], [e^{iφ}·sin(θ/2), e^{i(φ+λ)}·cos(θ/2)]]"],
  ["u2", "U2(φ, λ) = 1/√2 · [[1, −e^{iλ}], [e^{iφ}, e^{i(φ+λ)}]]"],
  ["u1", "U1(λ) = diag(1, e^{iλ})"],
  ["p", "P(λ) = diag(1, e^{iλ})"],
  ["phase", "P(λ) = diag(1, e^{iλ})"],
  ["rx", "RX(θ) = [[cos(θ/2), −i·sin(θ/2)], [−i·sin(θ/2), cos(θ/2)]]"],
  ["ry", "RY(θ) = [[cos(θ/2), −sin(θ/2)], [sin(θ/2), cos(θ/2)]]"],
  ["rz", "RZ(θ) = diag(e^{−iθ/2}, e^{iθ/2})"],
  ["crx", "CRX(θ) = |0⟩⟨0|_c ⊗ I_t + |1⟩⟨1|_c ⊗ RX(θ)_t"],
  ["cry", "CRY(θ) = |0⟩⟨0|_c ⊗ I_t + |1⟩⟨1|_c ⊗ RY(θ)_t"],
  ["crz", "CRZ(θ) = |0⟩⟨0|_c ⊗ I_t + |1⟩⟨1|_c ⊗ RZ(θ)_t"],
  ["cu1", "CU1(λ) = diag(1, 1, 1, e^{iλ})  (phase e^{iλ} on |11⟩)"],
  ["cp", "CP(λ) = diag(1, 1, 1, e^{iλ})  (phase e^{iλ} on |11⟩)"],
  ["cphase", "CP(λ) = diag(1, 1, 1, e^{iλ})  (phase e^{iλ} on |11⟩)"],
  ["cu3", "CU3(θ, φ, λ) = |0⟩⟨0|_c ⊗ I_t + |1⟩⟨1|_c ⊗ U(θ, φ, λ)_t"],
  ["cu", "CU(θ, φ, λ, γ) = |0⟩⟨0|_c ⊗ I_t + |1⟩⟨1|_c ⊗ e^{iγ}·U(θ, φ, λ)_t"],
  ["rxx", "RXX(θ) = exp(−iθ X⊗X/2) = cos(θ/2)·I − i·sin(θ/2)·X⊗X"],
  ["rzz", "RZZ(θ) = exp(−iθ Z⊗Z/2) = diag(e^{−iθ/2}, e^{iθ/2}, e^{iθ/2}, e^{−iθ/2})"],
]);

/** Matrices up to 3 qubits (8×8) fit in a hover; larger ones are described instead. */
const MAX_SHOWN_DIM = 8;

function sourceNote(gate: GateSignature): string {
  switch (gate.source) {
    case "builtin":
      return "Built into the language: no include needed.";
    case "qelib1":
      return 'Defined in `qelib1.inc` (`include "qelib1.inc";`).';
    case "stdgates":
      return 'Defined in `stdgates.inc` (`include "stdgates.inc";`).';
    case "both":
      return "Defined in `qelib1.inc` and `stdgates.inc`.";
    default: {
      const never: never = gate.source;
      throw new Error(`unknown gate source ${JSON.stringify(never)}`);
    }
  }
}

const codeBlock = (text: string) => "```text\n" + text + "\n```";

/**
 * The matrix part of the hover: a formula, the full matrix, or (past 8×8) the matrix applied to
 * the target when all controls are |1⟩. `fullMatrix` says whether basis order matters to read it.
 */
export function gateMatrixSection(gate: GateSignature): { markdown: string; fullMatrix: boolean } {
  if (gate.params.length > 0) {
    const formula = GATE_FORMULAS.get(gate.name);
    // A missing formula is a bug in this table (a test loops over the catalog), not a user error.
    if (!formula) throw new Error(`no matrix formula for parameterised gate "${gate.name}"`);
    return { markdown: codeBlock(formula), fullMatrix: false };
  }
  const matrix = gateMatrix(gate.name, []);
  if (matrix.dim <= MAX_SHOWN_DIM) {
    return { markdown: codeBlock(matrixText(symbolicMatrix(matrix))), fullMatrix: true };
  }
  const size = `${matrix.dim}×${matrix.dim}`;
  if (gate.controls === 0) {
    return { markdown: `Its ${size} matrix is too large to show here.`, fullMatrix: false };
  }
  const target = gateSpec(gate.name, []).target;
  return {
    markdown:
      `Its ${size} matrix is too large to show here. When all ${gate.controls} controls are ` +
      `|1⟩ it applies this to the target:\n\n` +
      codeBlock(matrixText(symbolicMatrix(target))),
    fullMatrix: false,
  };
}

const ORDER_NOTE =
  "Rows and columns are basis states in Qiskit order: the first operand is the rightmost " +
  "(least significant) bit.";

/** Hover contents for a gate, as Markdown blocks (Monaco shows each block as a section). */
export function gateHoverMarkdown(gate: GateSignature): string[] {
  const params =
    gate.params.length > 0
      ? `Parameters: ${gate.params.map((p) => `\`${p}\``).join(", ")} (angles in radians).`
      : "No parameters.";
  const operands = operandNames(gate);
  const operandText =
    gate.controls > 0
      ? `${gate.qubits} qubits; the first ${gate.controls === 1 ? "is the control" : `${gate.controls} are controls`}.`
      : `${gate.qubits} qubit${gate.qubits === 1 ? "" : "s"}.`;
  const matrix = gateMatrixSection(gate);
  const blocks = [
    `**\`${gateSignatureLabel(gate)}\`** — ${gate.doc}`,
    `${params} Operands: ${operands.join(", ")} — ${operandText}`,
    matrix.markdown,
  ];
  if (matrix.fullMatrix && gate.qubits > 1) blocks.push(ORDER_NOTE);
  blocks.push(sourceNote(gate));
  return blocks;
}
