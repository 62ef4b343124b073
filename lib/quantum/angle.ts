/**
 * Angles that depend on a program's `input float` parameters, kept as small expression trees so
 * a circuit compiled once can be rebound to new values (and differentiated) without parsing or
 * lowering again. Only programs compiled for rebinding (lib/quantum/diff) carry them; a plain
 * `compile()` binds inputs before lowering and never builds a tree.
 *
 * An `Angle` is either a number (nothing in it depends on an input: constants are folded as the
 * front end reads them) or an `AngleExpr`. Evaluation repeats the front end's arithmetic
 * operation for operation, in the same order, so a rebound circuit has bit-for-bit the same
 * parameters as one compiled with those values. Derivatives are symbolic (built once per angle,
 * then compiled to closures like the angle itself).
 */

/** The functions OpenQASM expressions may call (the front end's table has the same names). */
export type AngleFunction =
  "sin" | "cos" | "tan" | "arcsin" | "arccos" | "arctan" | "exp" | "ln" | "sqrt";

export type AngleOperator = "+" | "-" | "*" | "/" | "**";

export type AngleExpr =
  /** Input number `index` in declaration order, named `name` in the source. */
  | { readonly kind: "input"; readonly index: number; readonly name: string }
  | { readonly kind: "neg"; readonly arg: AngleExpr }
  | {
      readonly kind: "binary";
      readonly op: AngleOperator;
      readonly left: Angle;
      readonly right: Angle;
    }
  | { readonly kind: "call"; readonly fn: AngleFunction; readonly arg: AngleExpr };

export type Angle = number | AngleExpr;

export const ANGLE_FUNCTIONS: ReadonlyMap<AngleFunction, (x: number) => number> = new Map([
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

export function isAngleFunction(name: string): name is AngleFunction {
  return ANGLE_FUNCTIONS.has(name as AngleFunction);
}

/** The arithmetic of the front end's evaluator, shared so both give identical numbers. */
export function applyOperator(op: AngleOperator, left: number, right: number): number {
  switch (op) {
    case "+":
      return left + right;
    case "-":
      return left - right;
    case "*":
      return left * right;
    case "/":
      return left / right;
    case "**":
      return left ** right;
  }
}

function callFunction(fn: AngleFunction, x: number): number {
  return (ANGLE_FUNCTIONS.get(fn) as (x: number) => number)(x);
}

// ---------------------------------------------------------------------------------------------
// Building (with constant folding: a subtree without inputs is always a number)

export function inputAngle(index: number, name: string): AngleExpr {
  return { kind: "input", index, name };
}

export function negAngle(a: Angle): Angle {
  return typeof a === "number" ? -a : { kind: "neg", arg: a };
}

export function binaryAngle(op: AngleOperator, left: Angle, right: Angle): Angle {
  if (typeof left === "number" && typeof right === "number") return applyOperator(op, left, right);
  return { kind: "binary", op, left, right };
}

export function callAngle(fn: AngleFunction, arg: Angle): Angle {
  return typeof arg === "number" ? callFunction(fn, arg) : { kind: "call", fn, arg };
}

/** How the gate algebra (inverses, powers) transforms angles, for numbers and for trees alike. */
export interface AngleArithmetic<T> {
  neg(a: T): T;
  /** a + k for a constant k */
  shift(a: T, k: number): T;
  /** a · k for a constant k */
  scale(a: T, k: number): T;
}

export const NUMBER_ARITHMETIC: AngleArithmetic<number> = {
  neg: (a) => -a,
  shift: (a, k) => a + k,
  scale: (a, k) => a * k,
};

export const ANGLE_ARITHMETIC: AngleArithmetic<Angle> = {
  neg: negAngle,
  shift: (a, k) => binaryAngle("+", a, k),
  scale: (a, k) => binaryAngle("*", a, k),
};

// ---------------------------------------------------------------------------------------------
// Reading

/** Evaluates at `inputs` (indexed like the program's inputs). */
export function evaluateAngle(a: Angle, inputs: ArrayLike<number>): number {
  if (typeof a === "number") return a;
  switch (a.kind) {
    case "input":
      return inputs[a.index];
    case "neg":
      return -evaluateAngle(a.arg, inputs);
    case "binary":
      return applyOperator(a.op, evaluateAngle(a.left, inputs), evaluateAngle(a.right, inputs));
    case "call":
      return callFunction(a.fn, evaluateAngle(a.arg, inputs));
  }
}

/** Indices of the inputs the angle depends on, ascending. */
export function angleInputs(a: Angle): number[] {
  const found = new Set<number>();
  const walk = (x: Angle): void => {
    if (typeof x === "number") return;
    switch (x.kind) {
      case "input":
        found.add(x.index);
        return;
      case "neg":
      case "call":
        return walk(x.arg);
      case "binary":
        walk(x.left);
        walk(x.right);
        return;
    }
  };
  walk(a);
  return [...found].sort((p, q) => p - q);
}

/** The angle as OpenQASM-like text, for messages: `2*theta + 0.5`. */
export function formatAngle(a: Angle): string {
  if (typeof a === "number") return String(Number(a.toPrecision(12)));
  switch (a.kind) {
    case "input":
      return a.name;
    case "neg":
      return `-(${formatAngle(a.arg)})`;
    case "binary":
      return `(${formatAngle(a.left)} ${a.op} ${formatAngle(a.right)})`;
    case "call":
      return `${a.fn}(${formatAngle(a.arg)})`;
  }
}

export type CompiledAngle = (inputs: Float64Array) => number;

/**
 * A closure evaluating the angle: built once per compiled circuit, then called on every
 * rebinding without walking the tree's switch again.
 */
export function compileAngle(a: Angle): CompiledAngle {
  if (typeof a === "number") return () => a;
  switch (a.kind) {
    case "input": {
      const i = a.index;
      return (x) => x[i];
    }
    case "neg": {
      const f = compileAngle(a.arg);
      return (x) => -f(x);
    }
    case "binary": {
      const l = compileAngle(a.left);
      const r = compileAngle(a.right);
      switch (a.op) {
        case "+":
          return (x) => l(x) + r(x);
        case "-":
          return (x) => l(x) - r(x);
        case "*":
          return (x) => l(x) * r(x);
        case "/":
          return (x) => l(x) / r(x);
        case "**":
          return (x) => l(x) ** r(x);
      }
      break;
    }
    case "call": {
      const f = compileAngle(a.arg);
      const fn = ANGLE_FUNCTIONS.get(a.fn) as (x: number) => number;
      return (x) => fn(f(x));
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Differentiating

const add = (a: Angle, b: Angle): Angle => (a === 0 ? b : b === 0 ? a : binaryAngle("+", a, b));
const sub = (a: Angle, b: Angle): Angle =>
  b === 0 ? a : a === 0 ? negAngle(b) : binaryAngle("-", a, b);
const mul = (a: Angle, b: Angle): Angle =>
  a === 0 || b === 0 ? 0 : a === 1 ? b : b === 1 ? a : binaryAngle("*", a, b);
const div = (a: Angle, b: Angle): Angle => (a === 0 ? 0 : b === 1 ? a : binaryAngle("/", a, b));

/** ∂a/∂(input `index`), simplified only where the simplification is exact (0 and 1). */
export function differentiateAngle(a: Angle, index: number): Angle {
  if (typeof a === "number") return 0;
  switch (a.kind) {
    case "input":
      return a.index === index ? 1 : 0;
    case "neg":
      return negAngle(differentiateAngle(a.arg, index));
    case "binary": {
      const { left: l, right: r } = a;
      const dl = differentiateAngle(l, index);
      const dr = differentiateAngle(r, index);
      switch (a.op) {
        case "+":
          return add(dl, dr);
        case "-":
          return sub(dl, dr);
        case "*":
          return add(mul(dl, r), mul(l, dr));
        case "/":
          // (l/r)' = l'/r − l·r'/r²
          return sub(div(dl, r), div(mul(l, dr), mul(r, r)));
        case "**":
          if (dr === 0) {
            // (l^c)' = c·l^(c−1)·l'
            return mul(mul(r, binaryAngle("**", l, sub(r, 1))), dl);
          }
          // (l^r)' = l^r·(r'·ln l + r·l'/l)
          return mul(a, add(mul(dr, callAngle("ln", l)), div(mul(r, dl), l)));
      }
      break;
    }
    case "call": {
      const u = a.arg;
      const du = differentiateAngle(u, index);
      if (du === 0) return 0;
      const one = (x: Angle): Angle => binaryAngle("-", 1, mul(x, x));
      switch (a.fn) {
        case "sin":
          return mul(callAngle("cos", u), du);
        case "cos":
          return mul(negAngle(callAngle("sin", u)), du);
        case "tan": {
          const c = callAngle("cos", u);
          return div(du, mul(c, c));
        }
        case "arcsin":
          return div(du, callAngle("sqrt", one(u)));
        case "arccos":
          return negAngle(div(du, callAngle("sqrt", one(u))));
        case "arctan":
          return div(du, binaryAngle("+", 1, mul(u, u)));
        case "exp":
          return mul(a, du);
        case "ln":
          return div(du, u);
        case "sqrt":
          return div(du, mul(2, a));
      }
    }
  }
}
