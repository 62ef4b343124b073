/**
 * Input-dependent angles (lib/quantum/angle.ts expression trees) as Python expressions, so an
 * exported circuit keeps `2*(pi - x0)*(pi - x1)` as arithmetic on its features and weights
 * instead of one bound number.
 *
 * The tree's shape is kept exactly: Python evaluates `a * b / c` as `(a * b) / c`, and floating
 * point is not associative, so an operand is parenthesised whenever Python's precedence or
 * left-to-right grouping would regroup it — `a * (b / c)` stays as written. Then Python repeats
 * the engine's arithmetic operation for operation, and a rebound angle has the same value in the
 * script as in Ketbook (up to the last bit of library functions such as sin).
 *
 * Numbers are written at full precision; multiples of π as `pi`, `pi/2`, `3*pi/4` only when that
 * text evaluates to exactly the same double (the script imports `pi`).
 */
import type { Angle, AngleFunction } from "@/lib/quantum/angle";
import { QuantumError } from "@/lib/quantum/errors";
import { asPiMultiple, formatNumber } from "@/lib/quantum/export/format";

/** Python binding strength, loosest first. */
export const Precedence = {
  /** a + b, a - b */
  sum: 1,
  /** a * b, a / b */
  product: 2,
  /** -a */
  unary: 3,
  /** a ** b */
  power: 4,
  /** names, subscripts, calls, non-negative literals, parenthesised expressions */
  atom: 5,
} as const;
export type Precedence = (typeof Precedence)[keyof typeof Precedence];

/** Python text and how strongly it binds. */
export interface Printed {
  readonly text: string;
  readonly precedence: Precedence;
}

/** How one target library spells inputs and functions. */
export interface PythonDialect {
  /** Input number `index`, declared as `name` in the circuit: `x[0]`, `weights[3]`, `theta`. */
  symbol(index: number, name: string): string;
  /** A call of an OpenQASM function (`sin`, `ln`, ...) on its printed argument. */
  call(fn: AngleFunction, argument: Printed): Printed;
}

/** `printed` as an operand that must bind at least as strongly as `minimum`. */
export function atLeast(printed: Printed, minimum: Precedence): string {
  return printed.precedence >= minimum ? printed.text : `(${printed.text})`;
}

/** A number as a Python literal (or an exact multiple of π). */
export function printNumber(value: number): Printed {
  const pi = piForm(value);
  if (pi) return pi;
  const text = formatNumber(value);
  return { text, precedence: text.startsWith("-") ? Precedence.unary : Precedence.atom };
}

/**
 * `n*pi/d` when Python's left-to-right evaluation of that text, (n·π)/d, is exactly `value`:
 * the engine folded the same operations on the same double, so this is the common case for
 * constants such as `pi/2`, and a value merely close to a multiple of π stays a plain number.
 */
function piForm(value: number): Printed | null {
  const multiple = asPiMultiple(value);
  if (!multiple) return null;
  const { numerator, denominator } = multiple;
  const product = numerator === 1 ? Math.PI : numerator === -1 ? -Math.PI : numerator * Math.PI;
  if (product / denominator !== value) return null;
  const head = numerator === 1 ? "pi" : numerator === -1 ? "-pi" : `${numerator}*pi`;
  if (denominator === 1) {
    const precedence =
      numerator === 1 ? Precedence.atom : numerator === -1 ? Precedence.unary : Precedence.product;
    return { text: head, precedence };
  }
  return { text: `${head}/${denominator}`, precedence: Precedence.product };
}

/** The angle as a Python expression in `dialect`. Throws for non-finite constants. */
export function printAngle(angle: Angle, dialect: PythonDialect): Printed {
  if (typeof angle === "number") {
    if (!Number.isFinite(angle)) {
      throw new QuantumError("unsupported", `cannot write the non-finite angle ${angle} as code`);
    }
    return printNumber(angle);
  }
  switch (angle.kind) {
    case "input":
      return { text: dialect.symbol(angle.index, angle.name), precedence: Precedence.atom };
    case "neg": {
      const operand = printAngle(angle.arg, dialect);
      // `-x ** 2` is already -(x ** 2); a leading minus inside is bracketed for readability.
      const text =
        operand.precedence >= Precedence.power && !operand.text.startsWith("-")
          ? operand.text
          : `(${operand.text})`;
      return { text: `-${text}`, precedence: Precedence.unary };
    }
    case "binary": {
      const left = printAngle(angle.left, dialect);
      const right = printAngle(angle.right, dialect);
      switch (angle.op) {
        case "+":
        case "-":
          // Left-associative: the left operand may be another sum, the right one may not.
          return {
            text: `${atLeast(left, Precedence.sum)} ${angle.op} ${atLeast(right, Precedence.product)}`,
            precedence: Precedence.sum,
          };
        case "*":
        case "/":
          return {
            text: `${atLeast(left, Precedence.product)} ${angle.op} ${atLeast(right, Precedence.unary)}`,
            precedence: Precedence.product,
          };
        case "**":
          // Python's ** takes a primary on its left (`-2 ** x` is -(2 ** x)) and groups to the
          // right, so the right operand may itself be a power or a negation.
          return {
            text: `${atLeast(left, Precedence.atom)} ** ${atLeast(right, Precedence.unary)}`,
            precedence: Precedence.power,
          };
      }
      break;
    }
    case "call":
      return dialect.call(angle.fn, printAngle(angle.arg, dialect));
  }
}

/** NumPy-style functions that PennyLane's autograd differentiates (`qml.math.sin(x[0])`). */
export function pennylaneCall(fn: AngleFunction, argument: Printed): Printed {
  const name = fn === "ln" ? "log" : fn;
  return { text: `qml.math.${name}(${argument.text})`, precedence: Precedence.atom };
}

/** Methods of Qiskit's ParameterExpression (`(2*x[0]).sin()`); √ as a power. */
export function qiskitCall(fn: AngleFunction, argument: Printed): Printed {
  if (fn === "sqrt") {
    return { text: `${atLeast(argument, Precedence.atom)} ** 0.5`, precedence: Precedence.power };
  }
  const name = fn === "ln" ? "log" : fn;
  return { text: `${atLeast(argument, Precedence.atom)}.${name}()`, precedence: Precedence.atom };
}
