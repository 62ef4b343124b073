/**
 * Evaluation of constant expressions (angles, sizes, indices, loop bounds) to numbers. Every
 * identifier must name a value known at compile time: a built-in constant, a gate parameter, a
 * `const`, an `input` (bound before lowering) or a `for` loop variable.
 *
 * This module does not do classical computation on measured bits: bits only appear in `if`
 * conditions, which the lowering matches by shape instead of evaluating.
 *
 * In a program compiled for rebinding (lib/quantum/diff), inputs have no value yet: a name
 * bound to an input-dependent angle evaluates to an expression tree (`evaluateSymbolic`), and
 * may only reach gate angles; any other use (a size, an index, a loop bound) is an error.
 */
import {
  binaryAngle,
  callAngle,
  negAngle,
  type Angle,
  type AngleExpr,
  type AngleFunction,
} from "../angle";
import { QuantumError } from "../errors";
import type { SourceLocation } from "../ir";
import { type Expression, isSelector } from "./ast";
import { castOf, castValue } from "./casts";
import { didYouMean } from "./suggest";

export const BUILTIN_CONSTANTS: ReadonlyMap<string, number> = new Map([
  ["pi", Math.PI],
  ["π", Math.PI],
  ["tau", 2 * Math.PI],
  ["τ", 2 * Math.PI],
  ["euler", Math.E],
  ["ℇ", Math.E],
]);

const FUNCTIONS: ReadonlyMap<string, (x: number) => number> = new Map([
  ["sin", Math.sin],
  ["cos", Math.cos],
  ["tan", Math.tan],
  ["arcsin", Math.asin],
  ["arccos", Math.acos],
  ["arctan", Math.atan],
  ["exp", Math.exp],
  ["ln", Math.log],
  ["sqrt", Math.sqrt],
]);

/** What names mean where an expression is evaluated. */
export interface ValueScope {
  /** The number bound to `name`, or undefined when it is not a value. */
  value(name: string): number | undefined;
  /** A short description when `name` exists but is not a value ("a qubit register"). */
  describe(name: string): string | undefined;
  /** Every value name in scope, for did-you-mean. */
  names(): Iterable<string>;
  /** The expression of the inputs `name` stands for, when it depends on inputs (see header). */
  angle?(name: string): AngleExpr | undefined;
  /** Why `name` cannot be read here although it exists (a value known only at run time). */
  refusal?(name: string): string | undefined;
}

export function evaluate(expr: Expression, scope: ValueScope): number {
  return checkFinite(evaluateUnchecked(expr, scope), expr);
}

function checkFinite(value: number, expr: Expression): number {
  if (!Number.isFinite(value)) {
    throw new QuantumError(
      "semantic",
      `this expression is not a finite number (it evaluates to ${value})`,
      expr.loc,
    );
  }
  return value;
}

/**
 * A gate angle: a number (checked like `evaluate`) or, when it depends on inputs of a program
 * compiled for rebinding, an expression of them (checked when values are bound).
 */
export function evaluateSymbolic(expr: Expression, scope: ValueScope): Angle {
  const angle = walk(expr, scope, true);
  return typeof angle === "number" ? checkFinite(angle, expr) : angle;
}

/** Evaluates and requires an integer, e.g. for `q[i]`: "index must be an integer, got 1.5". */
export function evaluateInteger(expr: Expression, scope: ValueScope, what: string): number {
  const value = evaluate(expr, scope);
  if (!Number.isInteger(value)) {
    throw new QuantumError(
      "semantic",
      `${what} must be an integer, got ${format(value)}`,
      expr.loc,
    );
  }
  return value;
}

export function format(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(12)));
}

function unsupported(message: string, loc: SourceLocation): QuantumError {
  return new QuantumError("unsupported", message, loc);
}

function evaluateUnchecked(expr: Expression, scope: ValueScope): number {
  return walk(expr, scope, false) as number;
}

/** Evaluates; only with `symbolic` may a name stand for an input-dependent angle. */
function walk(expr: Expression, scope: ValueScope, symbolic: boolean): Angle {
  switch (expr.kind) {
    case "number":
      return expr.value;
    case "identifier":
      return lookup(expr.name, expr.loc, scope, symbolic);
    case "index":
      return element(expr, scope, symbolic);
    case "unary": {
      const operand = walk(expr.operand, scope, symbolic);
      switch (expr.op) {
        case "-":
          return negAngle(operand);
        case "+":
          return operand;
        case "!":
        case "~":
          throw unsupported(`operator \`${expr.op}\` is not supported in expressions`, expr.loc);
      }
      break;
    }
    case "binary":
      return binary(expr, scope, symbolic);
    case "call":
      return call(expr, scope, symbolic);
  }
}

/**
 * `x[i]` where `x` is an input array: its elements are values named `x[0]`, `x[1]` … in scope.
 * Any other indexing is refused.
 */
function element(
  expr: Extract<Expression, { kind: "index" }>,
  scope: ValueScope,
  symbolic: boolean,
): Angle {
  const name = expr.target.name;
  const isArray =
    scope.value(`${name}[0]`) !== undefined || scope.angle?.(`${name}[0]`) !== undefined;
  if (!isArray || isSelector(expr.index)) {
    throw unsupported(`indexing (\`${name}[...]\`) is not supported in expressions`, expr.loc);
  }
  const i = evaluateInteger(expr.index, scope, "an index");
  const key = `${name}[${i}]`;
  if (scope.value(key) === undefined && scope.angle?.(key) === undefined) {
    let size = 0;
    while (
      scope.value(`${name}[${size}]`) !== undefined ||
      scope.angle?.(`${name}[${size}]`) !== undefined
    )
      size++;
    throw new QuantumError(
      "semantic",
      `${key} is out of range: input array \`${name}\` has ${size} elements (0..${size - 1})`,
      expr.index.loc,
    );
  }
  return lookup(key, expr.loc, scope, symbolic);
}

function lookup(name: string, loc: SourceLocation, scope: ValueScope, symbolic: boolean): Angle {
  const angle = scope.angle?.(name);
  if (angle !== undefined) {
    if (symbolic) return angle;
    throw unsupported(
      `\`${name}\` depends on the program's inputs; in a program compiled for rebinding, inputs may only set gate angles (not sizes, indices, loop bounds, conditions or modifiers)`,
      loc,
    );
  }
  const value = scope.value(name) ?? BUILTIN_CONSTANTS.get(name);
  if (value !== undefined) return value;
  const refusal = scope.refusal?.(name);
  if (refusal !== undefined) throw unsupported(refusal, loc);
  const description = scope.describe(name);
  if (description !== undefined) {
    throw new QuantumError("semantic", `\`${name}\` is ${description}, not a number`, loc);
  }
  const candidates = [...scope.names(), ...BUILTIN_CONSTANTS.keys()];
  throw new QuantumError(
    "semantic",
    `unknown name \`${name}\`${didYouMean(name, candidates)}`,
    loc,
  );
}

function binary(
  expr: Extract<Expression, { kind: "binary" }>,
  scope: ValueScope,
  symbolic: boolean,
): Angle {
  const left = walk(expr.left, scope, symbolic);
  const right = walk(expr.right, scope, symbolic);
  switch (expr.op) {
    case "+":
    case "-":
    case "*":
    case "**":
      return binaryAngle(expr.op, left, right);
    case "/":
      if (right === 0) throw new QuantumError("semantic", "division by zero", expr.loc);
      return binaryAngle(expr.op, left, right);
    case "%":
    case "==":
    case "!=":
    case "<":
    case ">":
    case "<=":
    case ">=":
    case "&&":
    case "||":
    case "&":
    case "|":
    case "^":
    case "<<":
    case ">>":
      throw unsupported(`operator \`${expr.op}\` is not supported in expressions`, expr.loc);
  }
}

function call(
  expr: Extract<Expression, { kind: "call" }>,
  scope: ValueScope,
  symbolic: boolean,
): Angle {
  const name = expr.callee.name;
  const cast = castOf(expr, (width) => evaluateInteger(width, scope, "a cast's width"));
  if (cast !== undefined) {
    // Integer casts of compile-time values fold here; input-dependent angles are not integers.
    const value = walk(cast.operand, scope, false) as number;
    return castValue(cast, checkFinite(value, cast.operand));
  }
  const fn = FUNCTIONS.get(name);
  if (fn === undefined) {
    const hint = didYouMean(name, FUNCTIONS.keys());
    throw new QuantumError("semantic", `unknown function \`${name}\`${hint}`, expr.loc);
  }
  if (expr.args.length !== 1) {
    throw new QuantumError(
      "semantic",
      `\`${name}\` takes 1 argument, got ${expr.args.length}`,
      expr.loc,
    );
  }
  const arg = walk(expr.args[0], scope, symbolic);
  return typeof arg === "number" ? fn(arg) : callAngle(name as AngleFunction, arg);
}

/**
 * Evaluates without requiring a finite result: the names and operators are checked exactly as
 * `evaluate` checks them, but a gate parameter that has no value yet (NaN) just propagates, and
 * so does an input-dependent angle (NaN too). Used to check the body of a gate definition
 * before any call gives its parameters values.
 */
export function evaluatePartial(expr: Expression, scope: ValueScope): number {
  const angle = walk(expr, scope, true);
  return typeof angle === "number" ? angle : NaN;
}
