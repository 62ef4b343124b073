/**
 * Run-time classical computation: evaluating a `classical` op's expression over the bits of one
 * shot and writing the result into its target bits. Values are integers; they are stored modulo
 * 2^width (two's complement for `int`), as OpenQASM 3 stores sized integers.
 */
import { QuantumError } from "./errors";
import type { ClassicalExpr, ClassicalOp } from "./ir";
import { assertNever } from "./ir";

/** Thrown without a location: the op that runs (or the expression folded) supplies it. */
export class ClassicalDivisionByZero extends QuantumError {
  constructor() {
    super("semantic", "division by zero");
  }
}

/** The value of `expr` over the bits of a shot. */
export function evaluateClassical(expr: ClassicalExpr, bits: Uint8Array): number {
  switch (expr.kind) {
    case "const":
      return expr.value;
    case "bits":
      return readBits(expr.clbits, expr.signed, bits);
    case "unary": {
      const v = evaluateClassical(expr.operand, bits);
      if (expr.op === "!") return v === 0 ? 1 : 0;
      if (expr.op === "-") return -v;
      return ~v;
    }
    case "binary":
      return binary(expr, bits);
    default:
      return assertNever(expr, "classical expression");
  }
}

function binary(expr: Extract<ClassicalExpr, { kind: "binary" }>, bits: Uint8Array): number {
  const a = evaluateClassical(expr.left, bits);
  // `&&` and `||` do not evaluate the right side when the left decides.
  if (expr.op === "&&") return a !== 0 && evaluateClassical(expr.right, bits) !== 0 ? 1 : 0;
  if (expr.op === "||") return a !== 0 || evaluateClassical(expr.right, bits) !== 0 ? 1 : 0;
  const b = evaluateClassical(expr.right, bits);
  switch (expr.op) {
    case "+":
      return a + b;
    case "-":
      return a - b;
    case "*":
      return multiply(a, b);
    case "/":
    case "%": {
      if (b === 0) throw new ClassicalDivisionByZero();
      return expr.op === "/" ? Math.trunc(a / b) : a % b;
    }
    case "&":
      return Number(big(a) & big(b));
    case "|":
      return Number(big(a) | big(b));
    case "^":
      return Number(big(a) ^ big(b));
    case "<<":
      return Number(BigInt.asIntN(64, big(a) << big(Math.min(Math.max(b, 0), 64))));
    case ">>":
      return Number(big(a) >> big(Math.min(Math.max(b, 0), 64)));
    case "==":
      return a === b ? 1 : 0;
    case "!=":
      return a !== b ? 1 : 0;
    case "<":
      return a < b ? 1 : 0;
    case "<=":
      return a <= b ? 1 : 0;
    case ">":
      return a > b ? 1 : 0;
    case ">=":
      return a >= b ? 1 : 0;
    default:
      return assertNever(expr.op, "classical operator");
  }
}

/** A value as a BigInt, for the bitwise operators (which act on integers). */
const big = (v: number): bigint => BigInt(Math.trunc(v));

/** Exact while the product is a safe integer; past that only its low 64 bits matter. */
function multiply(a: number, b: number): number {
  const p = a * b;
  return Number.isSafeInteger(p) ? p : Number(BigInt.asIntN(64, big(a) * big(b)));
}

function readBits(clbits: readonly number[], signed: boolean, bits: Uint8Array): number {
  let v = 0;
  clbits.forEach((b, j) => {
    v += bits[b] * 2 ** j;
  });
  const top = clbits.length - 1;
  return signed && top >= 0 && bits[clbits[top]] === 1 ? v - 2 ** clbits.length : v;
}

/** Runs the op: its value (truncated to an integer), modulo 2^width, into its target bits. */
export function runClassical(op: ClassicalOp, bits: Uint8Array): void {
  let result: number;
  try {
    result = evaluateClassical(op.expr, bits);
  } catch (error) {
    if (!(error instanceof ClassicalDivisionByZero)) throw error;
    throw new QuantumError("semantic", `division by zero in \`${op.label}\` during a shot`, op.loc);
  }
  const value = BigInt.asUintN(op.targets.length, big(result));
  op.targets.forEach((target, j) => {
    bits[target] = Number((value >> BigInt(j)) & 1n);
  });
}

/** The clbits an expression reads. */
export function classicalReads(expr: ClassicalExpr, into = new Set<number>()): Set<number> {
  switch (expr.kind) {
    case "const":
      break;
    case "bits":
      for (const b of expr.clbits) into.add(b);
      break;
    case "unary":
      classicalReads(expr.operand, into);
      break;
    case "binary":
      classicalReads(expr.left, into);
      classicalReads(expr.right, into);
      break;
    default:
      assertNever(expr, "classical expression");
  }
  return into;
}

/** A copy of the expression with every clbit index passed through `map`. */
export function mapClassicalBits(expr: ClassicalExpr, map: (bit: number) => number): ClassicalExpr {
  switch (expr.kind) {
    case "const":
      return expr;
    case "bits":
      return { ...expr, clbits: expr.clbits.map(map) };
    case "unary":
      return { ...expr, operand: mapClassicalBits(expr.operand, map) };
    case "binary":
      return {
        ...expr,
        left: mapClassicalBits(expr.left, map),
        right: mapClassicalBits(expr.right, map),
      };
    default:
      return assertNever(expr, "classical expression");
  }
}
