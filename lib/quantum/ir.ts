/**
 * The circuit IR: the one representation the simulator, the diagram layout, the grader and the
 * exporters all speak. The OpenQASM front end lowers a program to a `Circuit`; nothing
 * downstream ever sees source text again, only the locations carried on each operation.
 *
 * Conventions (the same as Qiskit's):
 * - Qubits and classical bits are numbered globally in declaration order: the first declared
 *   register gets indices 0..size-1, the next one continues after it.
 * - `qubits` of a gate are in the order the gate's definition takes them; for controlled
 *   standard gates the controls come first (`cx c, t` → qubits [c, t]).
 * - Angles are radians; every parameter is already a number (inputs are bound before lowering).
 *   A circuit compiled for rebinding (lib/quantum/diff) also keeps, on each op whose angles
 *   depend on `input` parameters, those angles as expressions of the inputs (`symbolic`).
 */
import type { Angle, AngleExpr } from "./angle";
import type { NoiseModel } from "./noise";

/** 1-based line and column of the first character of the construct in the source. */
export interface SourceLocation {
  readonly line: number;
  readonly column: number;
}

export interface Register {
  readonly name: string;
  readonly size: number;
  /** Global index of element 0 of this register. */
  readonly offset: number;
}

/** A dense square complex matrix, row-major, split into real and imaginary parts. */
export interface Matrix {
  readonly dim: number;
  readonly re: Float64Array;
  readonly im: Float64Array;
}

/**
 * Classical condition on an operation: the op runs only when the classical bits `clbits`
 * (least significant first) read as the unsigned integer `value`.
 * `if (c == 5)` → clbits = all of c, value 5; `if (c[2])` → clbits [c[2]], value 1.
 */
export interface Condition {
  readonly clbits: readonly number[];
  readonly value: number;
  /** How the source wrote it (register or bit name), for diagrams and exporters. */
  readonly label: string;
  /**
   * The whole condition as the source wrote it (`int(flags) != 0`), when the bits tested are a
   * hidden latch holding it rather than bits the learner declared; shown instead of `label == value`.
   */
  readonly text?: string;
}

interface OpBase {
  readonly loc: SourceLocation;
  readonly condition?: Condition;
}

/**
 * A gate application.
 * - `name` is a standard gate from `gates.ts` (e.g. "h", "cx", "u3", "rzz"), or "unitary" when the
 *   operation only exists as a matrix (e.g. a fractional power of a user-defined gate).
 * - `controls`/`controlStates` are extra controls added by `ctrl @` (state 1) and `negctrl @`
 *   (state 0) modifiers, on top of any controls that are part of the named gate itself.
 * - `matrix` is present exactly when name === "unitary"; it acts on `qubits` with qubits[0] as the
 *   least significant bit of the matrix index.
 */
export interface GateOp extends OpBase {
  readonly kind: "gate";
  readonly name: string;
  readonly params: readonly number[];
  readonly qubits: readonly number[];
  readonly controls: readonly number[];
  readonly controlStates: readonly (0 | 1)[];
  readonly matrix?: Matrix;
  /** The name as the learner wrote it when it was a user-defined gate that was inlined. */
  readonly definedIn?: string;
  /**
   * Only in circuits compiled for rebinding, when some parameter depends on an input: every
   * parameter as an expression of the inputs (`params` holds their values at the bound inputs).
   */
  readonly symbolic?: readonly Angle[];
}

/** A global phase e^{i·angle}; with controls it is a phase on the controlled subspace. */
export interface GlobalPhaseOp extends OpBase {
  readonly kind: "gphase";
  readonly angle: number;
  readonly controls: readonly number[];
  readonly controlStates: readonly (0 | 1)[];
  /** Only in circuits compiled for rebinding: the angle as an expression of the inputs. */
  readonly symbolic?: AngleExpr;
}

export interface MeasureOp extends OpBase {
  readonly kind: "measure";
  readonly qubit: number;
  readonly clbit: number;
}

export interface ResetOp extends OpBase {
  readonly kind: "reset";
  readonly qubit: number;
}

export interface BarrierOp extends OpBase {
  readonly kind: "barrier";
  readonly qubits: readonly number[];
}

/** Binary operators of run-time classical expressions (OpenQASM 3's integer operators). */
export type ClassicalBinaryOp =
  | "+"
  | "-"
  | "*"
  | "/"
  | "%"
  | "&"
  | "|"
  | "^"
  | "<<"
  | ">>"
  | "=="
  | "!="
  | "<"
  | "<="
  | ">"
  | ">="
  | "&&"
  | "||";

/**
 * An integer expression evaluated when a `classical` op runs (lib/quantum/classical.ts).
 * `bits` reads clbits (least significant first) as an unsigned integer, or as a two's complement
 * one when `signed`; comparisons and `!`, `&&`, `||` give 0 or 1.
 */
export type ClassicalExpr =
  | { readonly kind: "const"; readonly value: number }
  | { readonly kind: "bits"; readonly clbits: readonly number[]; readonly signed: boolean }
  | { readonly kind: "unary"; readonly op: "!" | "-" | "~"; readonly operand: ClassicalExpr }
  | {
      readonly kind: "binary";
      readonly op: ClassicalBinaryOp;
      readonly left: ClassicalExpr;
      readonly right: ClassicalExpr;
    };

/**
 * Run-time classical computation: writes the value of `expr`, modulo 2^targets.length, into the
 * clbits `targets` (least significant first). The OpenQASM front end emits it for the hidden
 * bits of run-time `int` variables (`x += 1;`) and for latches, which hold a condition evaluated
 * once (the condition of a `while` iteration), so that measurements under the condition cannot
 * change whether the rest of its body runs.
 */
export interface ClassicalOp extends OpBase {
  readonly kind: "classical";
  readonly targets: readonly number[];
  readonly expr: ClassicalExpr;
  /** How the source wrote it (`x += 1`, `while (flags != 0)`), for diagrams and messages. */
  readonly label: string;
}

export type Op = GateOp | GlobalPhaseOp | MeasureOp | ResetOp | BarrierOp | ClassicalOp;

/** A `#pragma expect <pauli sum>` request in the source, e.g. "0.5*Z0*Z1 - 0.3*X0". */
export interface ExpectationRequest {
  readonly observable: string;
  readonly loc: SourceLocation;
}

/** The noise a program names with `#pragma noise` lines, merged into one model. */
export interface CircuitNoise {
  readonly model: NoiseModel;
  /** The first `#pragma noise` line, for messages about the noise as a whole. */
  readonly loc: SourceLocation;
}

/** Something the program asked for that the simulation does not do (timing), and where. */
export interface CompileNote {
  readonly message: string;
  readonly loc: SourceLocation;
}

export interface Circuit {
  readonly version: "2.0" | "3.0";
  readonly numQubits: number;
  /** The visible classical bits: those of `cregs`, which counts report. */
  readonly numClbits: number;
  /**
   * Classical bits the program uses but never shows (latches and run-time `int` variables):
   * indices numClbits .. numClbits + hiddenClbits - 1. Absent when there are none. They never
   * appear in counts, registers or exports.
   */
  readonly hiddenClbits?: number;
  readonly qregs: readonly Register[];
  readonly cregs: readonly Register[];
  readonly ops: readonly Op[];
  /** Input parameters declared by the program with the values they were bound to. */
  readonly inputs: readonly { readonly name: string; readonly value: number }[];
  readonly expectations: readonly ExpectationRequest[];
  /**
   * Absent for a noiseless program. `simulate` runs with it; `finalState`, `circuitUnitary` and
   * the grader look at the ideal circuit and ignore it.
   */
  readonly noise?: CircuitNoise;
  /** Absent when there is nothing to note; runs show these beside their results. */
  readonly notes?: readonly CompileNote[];
}

/** Exhaustiveness helper for switches over `Op["kind"]` and other unions. */
export function assertNever(value: never, what = "value"): never {
  throw new Error(`unexpected ${what}: ${JSON.stringify(value)}`);
}
