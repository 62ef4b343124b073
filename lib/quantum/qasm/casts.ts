/**
 * Type casts of integers and bits: `int[n](x)`, `uint[n](x)`, `bool(x)`, `bit(x)`. One place says
 * what a cast means, so the compile-time evaluator (expressions.ts), conditions on measured bits
 * (conditions.ts) and run-time integers (classical-expressions.ts) agree on it:
 *
 * - `int[n]`/`uint[n]` of an integer keep its low n bits, read as two's complement (`int`) or
 *   unsigned (`uint`); without a width the value is kept as it is (every value Ketbook computes
 *   fits 32 bits, the width of `int`);
 * - `int[n]`/`uint[n]` of measured bits read their low n bits as an unsigned integer, c[0] least
 *   significant: the specification's own examples compare `int[2](syn)` with 2 and 3 (qec.qasm)
 *   and `int[4](c)` with values up to 7, which only hold under that reading;
 * - `bool`/`bit` are 1 when the value is nonzero, else 0.
 *
 * Casts to other types (`float`, `angle`, `complex`, `duration`) are refused where they appear.
 */
import { QuantumError } from "../errors";
import type { SourceLocation } from "../ir";
import type { Expression } from "./ast";
import { didYouMean } from "./suggest";

/** Widest variable: run-time values stay exact in a double, and `int` without a width is this. */
export const MAX_INT_WIDTH = 32;

/** `value` as an integer of `width` bits (two's complement when signed), as stored. */
export function wrapInteger(value: number, width: number, signed: boolean): number {
  const big = BigInt(Math.trunc(value));
  return Number(signed ? BigInt.asIntN(width, big) : BigInt.asUintN(width, big));
}

export type CastType = "int" | "uint" | "bool" | "bit";

/** The casts Ketbook implements; vocabulary.ts documents them under the type's word. */
export const CAST_TYPES: ReadonlySet<string> = new Set<CastType>(["int", "uint", "bool", "bit"]);

/** Type names OpenQASM can cast to that Ketbook does not: refused with a message naming them. */
export const REFUSED_CAST_TYPES: ReadonlySet<string> = new Set([
  "float",
  "angle",
  "complex",
  "duration",
]);

export interface Cast {
  readonly type: CastType;
  /** Bits kept by `int[n]`/`uint[n]`; undefined keeps the value as it is. */
  readonly width: number | undefined;
  readonly signed: boolean;
  readonly operand: Expression;
  readonly loc: SourceLocation;
}

type CallExpression = Extract<Expression, { kind: "call" }>;

/**
 * The cast `expr` writes, or undefined when it is not a call to a cast type. A cast with the
 * wrong number of arguments, an impossible width or a refused type is a located error.
 * `width` evaluates the `[n]` of `int[n](…)` (a compile-time integer).
 */
export function castOf(expr: Expression, width: (e: Expression) => number): Cast | undefined {
  if (expr.kind !== "call") return undefined;
  const name = expr.callee.name;
  if (REFUSED_CAST_TYPES.has(name)) {
    throw new QuantumError(
      "unsupported",
      `type casts (\`${name}(...)\`) are not supported`,
      expr.loc,
    );
  }
  if (!CAST_TYPES.has(name)) return undefined;
  const type = name as CastType;
  if (expr.args.length !== 1) {
    throw new QuantumError(
      "semantic",
      `the cast \`${name}(...)\` takes one value, got ${expr.args.length}`,
      expr.loc,
    );
  }
  return {
    type,
    width: castWidth(expr, type, width),
    signed: type === "int",
    operand: expr.args[0],
    loc: expr.loc,
  };
}

function castWidth(
  expr: CallExpression,
  type: CastType,
  evaluateWidth: (e: Expression) => number,
): number | undefined {
  if (expr.width === undefined) return undefined;
  if (type === "bool" || type === "bit") {
    throw new QuantumError(
      "semantic",
      `\`${type}\` has no width: write \`${type}(...)\``,
      expr.width.loc,
    );
  }
  const width = evaluateWidth(expr.width);
  if (width < 1 || width > MAX_INT_WIDTH) {
    throw new QuantumError(
      "unsupported",
      `\`${type}[n]\` casts have 1 to ${MAX_INT_WIDTH} bits, got ${width}`,
      expr.width.loc,
    );
  }
  return width;
}

/** The value a cast gives to an integer known at compile time. */
export function castValue(cast: Cast, value: number): number {
  if (cast.type === "bool" || cast.type === "bit") return value !== 0 ? 1 : 0;
  const integer = Math.trunc(value);
  return cast.width === undefined ? integer : wrapInteger(integer, cast.width, cast.signed);
}

/**
 * A located error for a call that reads bits or integers but names no cast Ketbook knows
 * (`integer(c)`), suggesting the nearest cast.
 */
export function unknownCast(expr: CallExpression): QuantumError {
  const name = expr.callee.name;
  return new QuantumError(
    "semantic",
    `unknown cast \`${name}(...)\`${didYouMean(name, CAST_TYPES)}; bits and integers cast with \`int[n](…)\`, \`uint[n](…)\` and \`bool(…)\``,
    expr.loc,
  );
}
