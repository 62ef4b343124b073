/**
 * The reserved words of OpenQASM 2 and 3 as the editor knows them, each with a one-line note for
 * completion. The word classes agree with the server-side highlighter (lib/notebook/highlight-qasm.ts,
 * a test checks it) so a cell looks the same before and after the editor loads. Gate names are
 * not here: they come from the gate catalog.
 */
export interface QasmWord {
  readonly word: string;
  readonly doc: string;
}

export const QASM_KEYWORDS: readonly QasmWord[] = [
  { word: "OPENQASM", doc: "Version header: `OPENQASM 3.0;` or `OPENQASM 2.0;`." },
  {
    word: "include",
    doc: 'Includes a file: `include "stdgates.inc";` (v3) or `"qelib1.inc"` (v2).',
  },
  { word: "gate", doc: "Defines a gate: `gate name(params) qubits { … }`." },
  { word: "opaque", doc: "Declares a gate without a body (OpenQASM 2)." },
  { word: "measure", doc: "Measures qubits into bits: `c = measure q;` or `measure q -> c;`." },
  { word: "reset", doc: "Resets a qubit to |0⟩." },
  { word: "barrier", doc: "Stops gates from being moved across this point." },
  { word: "if", doc: "Runs a statement when a classical condition holds." },
  { word: "else", doc: "The branch taken when the `if` condition is false." },
  { word: "for", doc: "Loops over a range or a set: `for int i in [0:3] { … }`." },
  { word: "in", doc: "Separates a loop variable from what it ranges over." },
  { word: "while", doc: "Loops while a classical condition holds." },
  { word: "def", doc: "Defines a subroutine." },
  { word: "return", doc: "Returns from a subroutine." },
  { word: "input", doc: "Declares a parameter bound when the program runs: `input angle θ;`." },
  { word: "output", doc: "Declares a value the program outputs." },
  { word: "const", doc: "Declares a compile-time constant." },
  { word: "ctrl", doc: "Modifier: `ctrl @ x a, b;` adds a control qubit (state 1)." },
  { word: "negctrl", doc: "Modifier: `negctrl @ x a, b;` adds a control that fires on |0⟩." },
  { word: "inv", doc: "Modifier: `inv @ s q;` applies the inverse of the gate." },
  { word: "pow", doc: "Modifier: `pow(0.5) @ x q;` applies a power of the gate." },
  { word: "gphase", doc: "Global phase: `gphase(θ);` multiplies the state by e^{iθ}." },
  { word: "qreg", doc: "Declares qubits (OpenQASM 2): `qreg q[2];`." },
  { word: "creg", doc: "Declares classical bits (OpenQASM 2): `creg c[2];`." },
  { word: "let", doc: "Gives a name to a slice of a register." },
  { word: "break", doc: "Leaves the innermost loop." },
  { word: "continue", doc: "Starts the next iteration of the innermost loop." },
  { word: "end", doc: "Ends the program." },
  { word: "box", doc: "Groups statements for timing." },
  { word: "delay", doc: "Waits for a duration on qubits." },
];

export const QASM_TYPES: readonly QasmWord[] = [
  { word: "qubit", doc: "Declares qubits: `qubit[2] q;`." },
  { word: "bit", doc: "Declares classical bits: `bit[2] c;`." },
  { word: "int", doc: "Signed integer, optionally sized: `int[32]`." },
  { word: "uint", doc: "Unsigned integer, optionally sized." },
  { word: "float", doc: "Floating-point number." },
  { word: "angle", doc: "An angle (radians), e.g. a rotation parameter." },
  { word: "bool", doc: "true or false." },
  { word: "complex", doc: "Complex number: `complex[float[64]]`." },
  { word: "duration", doc: "A length of time, e.g. `100ns`." },
  { word: "stretch", doc: "A duration fixed later by the scheduler." },
];

export const QASM_CONSTANTS: readonly QasmWord[] = [
  { word: "pi", doc: "π ≈ 3.14159." },
  { word: "π", doc: "π ≈ 3.14159." },
  { word: "tau", doc: "τ = 2π." },
  { word: "τ", doc: "τ = 2π." },
  { word: "euler", doc: "e ≈ 2.71828." },
  { word: "ℇ", doc: "e ≈ 2.71828." },
  { word: "true", doc: "Boolean true." },
  { word: "false", doc: "Boolean false." },
];

/** Gate modifiers: they are keywords, listed apart so the grammar can colour the `@` after them. */
export const QASM_MODIFIERS: readonly string[] = ["ctrl", "negctrl", "inv", "pow"];
