/**
 * The syntax tree of an OpenQASM 2/3 program, as written: nothing is resolved or evaluated yet.
 * Node and field names follow the OpenQASM 3 grammar. Every node carries the location of its
 * first token; nodes that name something also carry the location of the name, so semantic errors
 * can point at the exact word.
 */
import type { SourceLocation } from "../ir";

export interface Identifier {
  readonly name: string;
  readonly loc: SourceLocation;
}

// ---------------------------------------------------------------------------------------------
// Expressions

export type BinaryOperator =
  | "+"
  | "-"
  | "*"
  | "/"
  | "**"
  | "%"
  | "=="
  | "!="
  | "<"
  | ">"
  | "<="
  | ">="
  | "&&"
  | "||"
  | "&"
  | "|"
  | "^"
  | "<<"
  | ">>";

export type UnaryOperator = "-" | "+" | "!" | "~";

export type Expression =
  | { readonly kind: "number"; readonly value: number; readonly loc: SourceLocation }
  | { readonly kind: "identifier"; readonly name: string; readonly loc: SourceLocation }
  | {
      readonly kind: "index";
      readonly target: Identifier;
      readonly index: Expression | IndexSelector;
      readonly loc: SourceLocation;
    }
  | {
      readonly kind: "unary";
      readonly op: UnaryOperator;
      readonly operand: Expression;
      readonly loc: SourceLocation;
    }
  | {
      readonly kind: "binary";
      readonly op: BinaryOperator;
      readonly left: Expression;
      readonly right: Expression;
      /** Location of the operator, where "cannot divide"-style errors point. */
      readonly loc: SourceLocation;
    }
  | {
      readonly kind: "call";
      readonly callee: Identifier;
      readonly args: readonly Expression[];
      /** The `[n]` of a cast with a width: `int[4](c)` (casts.ts). */
      readonly width?: Expression;
      readonly loc: SourceLocation;
    };

/**
 * More than one element: `q[1:3]` (inclusive; `q[0:2:6]` is start:step:end, each part optional)
 * or `q[{0, 3}]`.
 */
export type IndexSelector =
  | {
      readonly kind: "range";
      readonly start?: Expression;
      readonly step?: Expression;
      readonly end?: Expression;
      readonly loc: SourceLocation;
    }
  | { readonly kind: "set"; readonly values: readonly Expression[]; readonly loc: SourceLocation };

export function isSelector(index: Expression | IndexSelector): index is IndexSelector {
  return index.kind === "range" || index.kind === "set";
}

// ---------------------------------------------------------------------------------------------
// Operands

/** `q`, `q[3]`, `q[i + 1]`, `q[0:2]`: a register, one element of it, or a slice. */
export interface IndexedIdentifier {
  readonly name: string;
  readonly index?: Expression | IndexSelector;
  readonly loc: SourceLocation;
}

/** `inv @`, `pow(k) @`, `ctrl @`, `ctrl(n) @`, `negctrl @`. */
export type GateModifier =
  | { readonly kind: "inv"; readonly loc: SourceLocation }
  | { readonly kind: "pow"; readonly exponent: Expression; readonly loc: SourceLocation }
  | {
      readonly kind: "ctrl" | "negctrl";
      /** Number of control qubits; absent means 1. */
      readonly count?: Expression;
      readonly loc: SourceLocation;
    };

// ---------------------------------------------------------------------------------------------
// Statements

export interface IncludeStatement {
  readonly kind: "include";
  readonly path: string;
  readonly loc: SourceLocation;
}

/** `qreg q[3];`, `qubit[3] q;`, `qubit q;` (size absent: a single qubit). */
export interface QuantumDeclaration {
  readonly kind: "qubitDeclaration";
  readonly style: "qreg" | "qubit";
  readonly name: Identifier;
  readonly size?: Expression;
  readonly loc: SourceLocation;
}

/** `creg c[3];`, `bit[3] c;`, `bit c;`, `bit[2] c = measure q;`. */
export interface BitDeclaration {
  readonly kind: "bitDeclaration";
  readonly style: "creg" | "bit";
  readonly name: Identifier;
  readonly size?: Expression;
  /** `= measure q`: the bits are measured into as soon as they are declared. */
  readonly measure?: MeasureStatement;
  /** `= f(q)`: a subroutine call whose result goes into the bits. */
  readonly call?: GateCall;
  readonly loc: SourceLocation;
}

/** `const float x = ...;`: type is the scalar type's keyword (`int`, `uint`, `float`). */
export interface ConstDeclaration {
  readonly kind: "constDeclaration";
  readonly type: "int" | "uint" | "float";
  readonly name: Identifier;
  readonly value: Expression;
  readonly loc: SourceLocation;
}

/**
 * `int[32] x = 0;`, `uint n;`: an integer variable. `value` is absent when none is given (the
 * variable then starts at 0). The lowering keeps it a compile-time value until it depends on the
 * run (lower.ts).
 */
export interface VariableDeclaration {
  readonly kind: "variableDeclaration";
  readonly type: "int" | "uint";
  readonly size?: Expression;
  readonly name: Identifier;
  readonly value?: Expression;
  readonly loc: SourceLocation;
}

/** `=` and the compound assignment operators OpenQASM 3 gives integers. */
export type AssignmentOperator =
  "=" | "+=" | "-=" | "*=" | "/=" | "%=" | "&=" | "|=" | "^=" | "<<=" | ">>=";

/** `x = expr;`, `x += 1;`: assigns to an integer variable (bits are assigned by `measure`). */
export interface AssignmentStatement {
  readonly kind: "assignment";
  readonly target: Identifier;
  readonly op: AssignmentOperator;
  readonly value: Expression;
  readonly loc: SourceLocation;
}

/** `input float[64] theta;`, `input angle θ;`: typeText is the type as written (`float[64]`). */
export interface InputDeclaration {
  readonly kind: "inputDeclaration";
  readonly typeText: string;
  /** `input array[float[64], 4] x;`: the number of elements, each an input `x[i]`. */
  readonly size?: Expression;
  readonly name: Identifier;
  readonly loc: SourceLocation;
}

export interface GateDefinition {
  readonly kind: "gateDefinition";
  readonly name: Identifier;
  readonly params: readonly Identifier[];
  readonly qubits: readonly Identifier[];
  readonly body: readonly Statement[];
  readonly loc: SourceLocation;
}

/**
 * A gate call, including `gphase(θ);` (name "gphase", usually without operands), or a
 * subroutine call `f(q, θ);`, `c = f(q);` (`target`: where its `return measure ...` goes).
 */
export interface GateCall {
  readonly kind: "gateCall";
  readonly modifiers: readonly GateModifier[];
  readonly name: Identifier;
  readonly args: readonly Expression[];
  readonly operands: readonly IndexedIdentifier[];
  readonly target?: IndexedIdentifier;
  readonly loc: SourceLocation;
}

/** A parameter of a subroutine: `qubit q`, `qubit[2] q`, `float[64] θ`, `angle a`, `int n`. */
export interface SubroutineParameter {
  readonly name: Identifier;
  readonly type: "qubit" | "value";
  /** `qubit[2]`: the number of qubits; absent for `qubit` (one) and for values. */
  readonly size?: Expression;
}

/** `def name(parameters) -> bit[n] { body }`: inlined at each call. */
export interface SubroutineDefinition {
  readonly kind: "subroutineDefinition";
  readonly name: Identifier;
  readonly params: readonly SubroutineParameter[];
  /** `-> bit` or `-> bit[n]`: the number of bits returned (absent: returns nothing). */
  readonly returns?: { readonly size?: Expression; readonly loc: SourceLocation };
  readonly body: readonly Statement[];
  readonly loc: SourceLocation;
}

/** `return;` or `return measure q;` (the last statement of a subroutine). */
export interface ReturnStatement {
  readonly kind: "return";
  readonly measure?: IndexedIdentifier;
  readonly loc: SourceLocation;
}

/** `measure q -> c;`, `c = measure q;`. */
export interface MeasureStatement {
  readonly kind: "measure";
  readonly qubit: IndexedIdentifier;
  readonly target: IndexedIdentifier;
  readonly loc: SourceLocation;
}

export interface ResetStatement {
  readonly kind: "reset";
  readonly operand: IndexedIdentifier;
  readonly loc: SourceLocation;
}

/** `barrier q;`, `barrier;` (no operands: every qubit declared so far). */
export interface BarrierStatement {
  readonly kind: "barrier";
  readonly operands: readonly IndexedIdentifier[];
  readonly loc: SourceLocation;
}

export interface IfStatement {
  readonly kind: "if";
  readonly condition: Expression;
  readonly then: readonly Statement[];
  readonly else?: readonly Statement[];
  /** Location of the `else` keyword, when present. */
  readonly elseLoc?: SourceLocation;
  readonly loc: SourceLocation;
}

/** What a `for` loop iterates over: an inclusive range or a set `{a, b, c}`. */
export type ForIterable =
  | {
      readonly kind: "range";
      readonly start: Expression;
      readonly step?: Expression;
      readonly end: Expression;
      readonly loc: SourceLocation;
    }
  | { readonly kind: "set"; readonly values: readonly Expression[]; readonly loc: SourceLocation };

export interface ForStatement {
  readonly kind: "for";
  readonly variable: Identifier;
  readonly iterable: ForIterable;
  readonly body: readonly Statement[];
  readonly loc: SourceLocation;
}

/** `while (condition) body`: unrolled, to a bound (lower.ts). */
export interface WhileStatement {
  readonly kind: "while";
  readonly condition: Expression;
  readonly body: readonly Statement[];
  readonly loc: SourceLocation;
}

/** `{ ... }` on its own: a scope. */
export interface BlockStatement {
  readonly kind: "block";
  readonly body: readonly Statement[];
  readonly loc: SourceLocation;
}

/** `#pragma <text>`; the lowering understands `expect <pauli sum>` and `noise …`. */
export interface PragmaStatement {
  readonly kind: "pragma";
  readonly text: string;
  readonly loc: SourceLocation;
  /** Where `text` starts in the source (its words are located from here). */
  readonly textLoc: SourceLocation;
}

/**
 * `delay[100ns] q;`, `duration d = 100ns;`, `stretch s;`: timing, which the simulation ignores
 * (a note says so).
 */
export interface TimingStatement {
  readonly kind: "timing";
  readonly construct: "delay" | "duration" | "stretch";
  /** The qubits a `delay` names (none: every qubit). */
  readonly operands: readonly IndexedIdentifier[];
  readonly loc: SourceLocation;
}

/** `box { ... }`, `box[100ns] { ... }`: a scope whose timing the simulation ignores. */
export interface BoxStatement {
  readonly kind: "box";
  readonly body: readonly Statement[];
  readonly loc: SourceLocation;
}

export type Statement =
  | SubroutineDefinition
  | ReturnStatement
  | WhileStatement
  | TimingStatement
  | BoxStatement
  | IncludeStatement
  | QuantumDeclaration
  | BitDeclaration
  | ConstDeclaration
  | VariableDeclaration
  | AssignmentStatement
  | InputDeclaration
  | GateDefinition
  | GateCall
  | MeasureStatement
  | ResetStatement
  | BarrierStatement
  | IfStatement
  | ForStatement
  | BlockStatement
  | PragmaStatement;

export interface Program {
  /** "2.0" or "3.0"; a program without an `OPENQASM` line is OpenQASM 3. */
  readonly version: "2.0" | "3.0";
  /** True when the program wrote an `OPENQASM` line. */
  readonly explicitVersion: boolean;
  readonly statements: readonly Statement[];
}
