/**
 * The public entry of the OpenQASM front end: source text → circuit IR.
 *
 * Stages (lib/quantum/qasm/): lexer → parser → syntax tree → lowering (checks, loop unrolling,
 * gate inlining) → `Circuit`. Every failure caused by the input is a `QuantumError` with a code
 * and a 1-based line and column; limits are checked as early as they can be (source size before
 * lexing, qubits at each declaration, operations while unrolling).
 */
import { LimitError } from "./errors";
import type { Circuit, SourceLocation } from "./ir";
import { resolveLimits, type Limits } from "./limits";
import { lower, MAX_INPUT_ARRAY } from "./qasm/lower";
import { parse } from "./qasm/parser";

export interface CompileOptions {
  /** Values for the program's `input float` parameters, by name. */
  params?: Record<string, number>;
  limits?: Partial<Limits>;
}

export function compile(source: string, options: CompileOptions = {}): Circuit {
  const limits = resolveLimits(options.limits);
  checkSourceSize(source, limits);
  return lower(parse(source), { params: options.params ?? {}, limits });
}

export interface InputDeclaration {
  name: string;
  /** The type as written: `float` or `float[64]`. */
  type: string;
  loc: SourceLocation;
}

/** The `input` parameters a program declares, in order, for the UI to offer sliders. */
export function listInputs(source: string): InputDeclaration[] {
  checkSourceSize(source, resolveLimits());
  const inputs: InputDeclaration[] = [];
  for (const statement of parse(source).statements) {
    if (statement.kind !== "inputDeclaration") continue;
    const { name, loc } = statement.name;
    const size = statement.size;
    if (size === undefined) {
      inputs.push({ name, type: statement.typeText, loc });
    } else if (size.kind === "number") {
      // An array's elements are inputs of their own, as the lowering binds them.
      const element = statement.typeText.slice("array[".length, statement.typeText.indexOf(","));
      for (let i = 0; i < Math.min(size.value, MAX_INPUT_ARRAY); i++) {
        inputs.push({ name: `${name}[${i}]`, type: element, loc });
      }
    }
  }
  return inputs;
}

/** Throws a LimitError naming maxSourceBytes when the source is larger than the limit. */
export function checkSourceSize(source: string, limits: Limits): void {
  // Only count exactly when the length could be over: UTF-8 needs at most 3 bytes per UTF-16 unit.
  if (source.length * 3 <= limits.maxSourceBytes) return;
  const bytes = new TextEncoder().encode(source).length;
  if (bytes > limits.maxSourceBytes) {
    throw new LimitError(
      "maxSourceBytes",
      `the program is ${bytes} bytes; the limit is maxSourceBytes = ${limits.maxSourceBytes}`,
      { line: 1, column: 1 },
    );
  }
}
