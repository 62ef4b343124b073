/**
 * The standard gates Ketbook knows by name: what the parser checks calls against, what editors
 * complete and document, and what the exporters translate. Matrices live in `gates.ts`; a test
 * checks that every gate named here has one there.
 *
 * The set is Qiskit's qelib1.inc (OpenQASM 2) plus OpenQASM 3's stdgates.inc. Where the two
 * languages use different names for the same gate (u1/phase/p, cu1/cphase/cp), each name is its
 * own entry so the IR keeps what the learner wrote.
 */
export interface GateSignature {
  readonly name: string;
  /** Number of qubit operands, controls included. */
  readonly qubits: number;
  /** Names of the angle parameters, in order. */
  readonly params: readonly string[];
  /** How many leading operands are controls (cx: 1, ccx: 2, c4x: 4). */
  readonly controls: number;
  /** One-line description for hover docs. */
  readonly doc: string;
  /** Which include file defines it (builtins U/CX/gphase are in neither). */
  readonly source: "builtin" | "qelib1" | "stdgates" | "both";
}

const g = (
  name: string,
  qubits: number,
  params: readonly string[],
  controls: number,
  source: GateSignature["source"],
  doc: string,
): GateSignature => ({ name, qubits, params, controls, source, doc });

export const GATE_CATALOG: readonly GateSignature[] = [
  g("U", 1, ["θ", "φ", "λ"], 0, "builtin", "Generic single-qubit rotation U(θ,φ,λ)."),
  g("CX", 2, [], 1, "builtin", "Built-in controlled-NOT."),
  g("u3", 1, ["θ", "φ", "λ"], 0, "both", "Generic single-qubit rotation, same as U(θ,φ,λ)."),
  g("u2", 1, ["φ", "λ"], 0, "both", "U(π/2, φ, λ): a rotation that makes superpositions."),
  g("u1", 1, ["λ"], 0, "both", "Phase λ on |1⟩ (same as p)."),
  g("u", 1, ["θ", "φ", "λ"], 0, "qelib1", "Generic single-qubit rotation U(θ,φ,λ)."),
  g("p", 1, ["λ"], 0, "both", "Phase gate: multiplies |1⟩ by e^{iλ}."),
  g("phase", 1, ["λ"], 0, "stdgates", "Phase gate: multiplies |1⟩ by e^{iλ}."),
  g("id", 1, [], 0, "both", "Identity: does nothing (a wait)."),
  g("x", 1, [], 0, "both", "Pauli X (NOT): swaps |0⟩ and |1⟩."),
  g("y", 1, [], 0, "both", "Pauli Y: bit and phase flip, |0⟩→i|1⟩, |1⟩→−i|0⟩."),
  g("z", 1, [], 0, "both", "Pauli Z: phase flip, |1⟩→−|1⟩."),
  g("h", 1, [], 0, "both", "Hadamard: |0⟩→|+⟩, |1⟩→|−⟩."),
  g("s", 1, [], 0, "both", "S = √Z: phase i on |1⟩."),
  g("sdg", 1, [], 0, "both", "S†: phase −i on |1⟩."),
  g("t", 1, [], 0, "both", "T = √S: phase e^{iπ/4} on |1⟩."),
  g("tdg", 1, [], 0, "both", "T†: phase e^{−iπ/4} on |1⟩."),
  g("sx", 1, [], 0, "both", "√X: two of them make an X."),
  g("sxdg", 1, [], 0, "qelib1", "(√X)†."),
  g("rx", 1, ["θ"], 0, "both", "Rotation by θ about the X axis: exp(−iθX/2)."),
  g("ry", 1, ["θ"], 0, "both", "Rotation by θ about the Y axis: exp(−iθY/2)."),
  g("rz", 1, ["θ"], 0, "both", "Rotation by θ about the Z axis: exp(−iθZ/2)."),
  g("cx", 2, [], 1, "both", "Controlled-NOT: flips the target when the control is |1⟩."),
  g("cy", 2, [], 1, "both", "Controlled-Y."),
  g("cz", 2, [], 1, "both", "Controlled-Z: phase −1 on |11⟩ (symmetric)."),
  g("ch", 2, [], 1, "both", "Controlled-Hadamard."),
  g("swap", 2, [], 0, "both", "Swaps two qubits."),
  g("ccx", 3, [], 2, "both", "Toffoli: flips the target when both controls are |1⟩."),
  g("cswap", 3, [], 1, "both", "Fredkin: swaps the targets when the control is |1⟩."),
  g("crx", 2, ["θ"], 1, "both", "Controlled RX(θ)."),
  g("cry", 2, ["θ"], 1, "both", "Controlled RY(θ)."),
  g("crz", 2, ["θ"], 1, "both", "Controlled RZ(θ)."),
  g("cu1", 2, ["λ"], 1, "both", "Controlled phase λ (same as cp)."),
  g("cp", 2, ["λ"], 1, "both", "Controlled phase: e^{iλ} on |11⟩."),
  g("cphase", 2, ["λ"], 1, "stdgates", "Controlled phase: e^{iλ} on |11⟩."),
  g("cu3", 2, ["θ", "φ", "λ"], 1, "qelib1", "Controlled U(θ,φ,λ)."),
  g("csx", 2, [], 1, "qelib1", "Controlled √X."),
  g("cu", 2, ["θ", "φ", "λ", "γ"], 1, "both", "Controlled e^{iγ}·U(θ,φ,λ)."),
  g("rxx", 2, ["θ"], 0, "qelib1", "XX interaction exp(−iθ X⊗X/2)."),
  g("rzz", 2, ["θ"], 0, "qelib1", "ZZ interaction exp(−iθ Z⊗Z/2)."),
  g("rccx", 3, [], 0, "qelib1", "Simplified Toffoli (relative phases; Margolus gate)."),
  g("rc3x", 4, [], 0, "qelib1", "Simplified 3-controlled X (relative phases)."),
  g("c3x", 4, [], 3, "qelib1", "X controlled by three qubits."),
  g("c3sqrtx", 4, [], 3, "qelib1", "√X controlled by three qubits."),
  g("c4x", 5, [], 4, "qelib1", "X controlled by four qubits."),
];

export const GATES_BY_NAME: ReadonlyMap<string, GateSignature> = new Map(
  GATE_CATALOG.map((gate) => [gate.name, gate]),
);
