/**
 * Integer expressions and conditions that may depend on the run: they read measured bits or
 * `int`/`uint` variables whose value is only known in a shot. They become `ClassicalExpr` trees
 * (ir.ts) that a `classical` op evaluates when it runs. Every part that does not depend on the
 * run is folded to a constant here, so what is known when compiling stays compile-time.
 *
 * A run-time variable is stored in hidden classical bits (never shown in counts): the simulator
 * already carries one bit array per shot, so a variable costs no new state, conditions on it are
 * ordinary IR conditions on bits, and grading and planning see bit reads and writes they already
 * understand.
 */
import { ClassicalDivisionByZero, evaluateClassical } from "../classical";
import { QuantumError } from "../errors";
import type { ClassicalBinaryOp, ClassicalExpr, SourceLocation } from "../ir";
import { type Expression, isSelector, type VariableDeclaration } from "./ast";
import { CAST_TYPES, castOf, castValue, unknownCast } from "./casts";
import { evaluate, evaluateInteger, format } from "./expressions";
import type { Registers } from "./registers";
import type { Scope } from "./scope";

/** An `int`/`uint` variable: known at compile time until it depends on the run. */
export interface RuntimeVariable {
  readonly name: string;
  readonly signed: boolean;
  readonly width: number;
  readonly loc: SourceLocation;
  /** The value, while it is the same in every shot at this point of the program. */
  known: number | undefined;
  /** Hidden bits holding the value (least significant first), once it depends on the run. */
  bits: readonly number[] | undefined;
  /** Where it was declared: a declaration lowered again (a loop body) reuses its bits. */
  readonly declaration: VariableDeclaration;
}

/** Operators whose result is already 0 or 1, so a condition needs no `!= 0` around it. */
const TRUTH_OPERATORS: ReadonlySet<string> = new Set<ClassicalBinaryOp>([
  "==",
  "!=",
  "<",
  "<=",
  ">",
  ">=",
  "&&",
  "||",
]);

const ARITHMETIC_OPERATORS: readonly ClassicalBinaryOp[] = [
  "+",
  "-",
  "*",
  "/",
  "%",
  "&",
  "|",
  "^",
  "<<",
  ">>",
];

const RUNTIME_OPERATORS: ReadonlySet<string> = new Set([
  ...ARITHMETIC_OPERATORS,
  ...TRUTH_OPERATORS,
]);

const NO_BITS = new Uint8Array(0);

export class ClassicalExpressionBuilder {
  constructor(
    private readonly registers: Registers,
    private readonly scope: Scope,
  ) {}

  /** Whether `expr` names an `int`/`uint` variable (known at compile time or not). */
  mentionsVariable(expr: Expression): boolean {
    switch (expr.kind) {
      case "number":
        return false;
      case "identifier":
        return this.scope.variable(expr.name) !== undefined;
      case "index":
        return (
          this.scope.variable(expr.target.name) !== undefined ||
          (!isSelector(expr.index) && this.mentionsVariable(expr.index))
        );
      case "unary":
        return this.mentionsVariable(expr.operand);
      case "binary":
        return this.mentionsVariable(expr.left) || this.mentionsVariable(expr.right);
      case "call":
        return expr.args.some((a) => this.mentionsVariable(a));
    }
  }

  /** Whether `expr` reads a run-time variable (not only bits or compile-time values). */
  readsRuntimeVariable(expr: Expression): boolean {
    return this.reads(expr, false);
  }

  /** Whether `expr` depends on the run: reads bits or a run-time variable. */
  readsRuntime(expr: Expression): boolean {
    return this.reads(expr, true);
  }

  private reads(expr: Expression, bitsToo: boolean): boolean {
    switch (expr.kind) {
      case "number":
        return false;
      case "identifier":
        return (
          (bitsToo && this.registers.get(expr.name)?.kind === "bit") ||
          this.runtimeVariable(expr.name) !== undefined
        );
      case "index":
        return (
          (bitsToo && this.registers.get(expr.target.name)?.kind === "bit") ||
          this.runtimeVariable(expr.target.name) !== undefined
        );
      case "unary":
        return this.reads(expr.operand, bitsToo);
      case "binary":
        return this.reads(expr.left, bitsToo) || this.reads(expr.right, bitsToo);
      case "call":
        return expr.args.some((a) => this.reads(a, bitsToo));
    }
  }

  private runtimeVariable(name: string): RuntimeVariable | undefined {
    const variable = this.scope.variable(name);
    return variable !== undefined && variable.known === undefined ? variable : undefined;
  }

  /** `expr` as a condition: 1 when it holds, 0 when not. */
  condition(expr: Expression): ClassicalExpr {
    const value = this.build(expr);
    if (value.kind === "const") return { kind: "const", value: value.value !== 0 ? 1 : 0 };
    if (value.kind === "binary" && TRUTH_OPERATORS.has(value.op)) return value;
    if (value.kind === "unary" && value.op === "!") return value;
    return { kind: "binary", op: "!=", left: value, right: { kind: "const", value: 0 } };
  }

  /** `expr` as an integer expression, with every part known at compile time folded. */
  build(expr: Expression): ClassicalExpr {
    if (!this.readsRuntime(expr) && this.isPlainValue(expr)) {
      return { kind: "const", value: evaluate(expr, this.scope) };
    }
    switch (expr.kind) {
      case "number":
        return { kind: "const", value: expr.value };
      case "identifier":
        return this.identifier(expr);
      case "index":
        if (this.scope.variable(expr.target.name) !== undefined) return this.variableBit(expr);
        return this.bits(expr);
      case "unary": {
        const operand = this.build(expr.operand);
        if (expr.op === "+") return operand;
        return this.fold({ kind: "unary", op: expr.op, operand }, expr.loc);
      }
      case "binary": {
        if (!RUNTIME_OPERATORS.has(expr.op)) {
          throw new QuantumError(
            "unsupported",
            `operator \`${expr.op}\` is not supported on integers known only at run time`,
            expr.loc,
          );
        }
        const left = this.build(expr.left);
        const right = this.build(expr.right);
        const op = expr.op as ClassicalBinaryOp;
        return this.fold({ kind: "binary", op, left, right }, expr.loc);
      }
      case "call":
        return this.cast(expr);
    }
  }

  private identifier(expr: Extract<Expression, { kind: "identifier" }>): ClassicalExpr {
    const variable = this.scope.variable(expr.name);
    if (variable !== undefined) {
      if (variable.known !== undefined) return { kind: "const", value: variable.known };
      return { kind: "bits", clbits: variable.bits ?? [], signed: variable.signed };
    }
    if (this.registers.get(expr.name)?.kind === "bit") return this.bits(expr);
    return { kind: "const", value: evaluate(expr, this.scope) };
  }

  /** `c`, `c[i]`, `c[0:1]`: measured bits, read as an unsigned integer. */
  private bits(expr: Extract<Expression, { kind: "identifier" | "index" }>): ClassicalExpr {
    const operand =
      expr.kind === "index"
        ? { name: expr.target.name, index: expr.index, loc: expr.loc }
        : { name: expr.name, loc: expr.loc };
    if (expr.kind === "index" && this.registers.get(expr.target.name)?.kind !== "bit") {
      if (isSelector(expr.index)) {
        throw new QuantumError(
          "unsupported",
          `indexing (\`${expr.target.name}[...]\`) is not supported in expressions`,
          expr.loc,
        );
      }
      return { kind: "const", value: evaluate(expr, this.scope) };
    }
    const clbits = this.registers.resolve(operand, "bit", this.scope).indices;
    return { kind: "bits", clbits, signed: false };
  }

  /**
   * `x[i]` of an `int`/`uint` variable: bit i of its value (two's complement), least significant
   * first. The index is fixed when compiling; the variable may be known then or only at run time.
   */
  private variableBit(expr: Extract<Expression, { kind: "index" }>): ClassicalExpr {
    const variable = this.scope.variable(expr.target.name);
    if (variable === undefined) throw new Error(`\`${expr.target.name}\` is not a variable`);
    const type = variable.signed ? "int" : "uint";
    if (isSelector(expr.index)) {
      throw new QuantumError(
        "unsupported",
        `slices of integers (\`${variable.name}[a:b]\`) are not supported; read one bit: \`${variable.name}[0]\``,
        expr.index.loc,
      );
    }
    const i = evaluateInteger(expr.index, this.scope, "a bit index");
    if (i < 0 || i >= variable.width) {
      throw new QuantumError(
        "semantic",
        `bit ${i} is out of range: \`${variable.name}\` is a ${type}[${variable.width}] (bits 0..${variable.width - 1})`,
        expr.index.loc,
      );
    }
    if (variable.known !== undefined) {
      return { kind: "const", value: bitOf(variable.known, i, variable.width) };
    }
    return { kind: "bits", clbits: [(variable.bits ?? [])[i]], signed: false };
  }

  /** `int[2](c)`, `uint(x)`, `bool(c[0])`: see casts.ts for what each keeps. */
  private cast(expr: Extract<Expression, { kind: "call" }>): ClassicalExpr {
    const cast = castOf(expr, (w) => evaluateInteger(w, this.scope, "a cast's width"));
    if (cast === undefined) {
      if (expr.args.some((a) => this.readsRuntime(a))) throw unknownCast(expr);
      throw new QuantumError(
        "unsupported",
        `\`${expr.callee.name}(...)\` is not supported in integer expressions; they support casts (\`int(c)\`), arithmetic and comparisons`,
        expr.loc,
      );
    }
    const inner = this.build(cast.operand);
    if (inner.kind === "const") return { kind: "const", value: castValue(cast, inner.value) };
    if (cast.type === "bool" || cast.type === "bit") {
      return this.fold(
        { kind: "binary", op: "!=", left: inner, right: { kind: "const", value: 0 } },
        expr.loc,
      );
    }
    if (inner.kind === "bits" && this.isMeasuredBits(cast.operand)) {
      // Measured bits read unsigned whatever the cast (casts.ts says why): keep the low bits.
      return { ...inner, clbits: inner.clbits.slice(0, cast.width ?? inner.clbits.length) };
    }
    return withWidth(inner, cast.width, cast.signed);
  }

  private isMeasuredBits(expr: Expression): boolean {
    const name =
      expr.kind === "identifier" ? expr.name : expr.kind === "index" ? expr.target.name : "";
    return this.registers.get(name)?.kind === "bit";
  }

  /**
   * Names, numbers and arithmetic the compile-time evaluator handles exactly (floats included);
   * other operators (`%`, comparisons, `&&`), casts and bits of variables are folded by `build`.
   */
  private isPlainValue(expr: Expression): boolean {
    switch (expr.kind) {
      case "number":
      case "identifier":
        return true;
      case "index":
        return !isSelector(expr.index) && this.scope.variable(expr.target.name) === undefined;
      case "unary":
        return (expr.op === "-" || expr.op === "+") && this.isPlainValue(expr.operand);
      case "binary":
        return (
          ["+", "-", "*", "/", "**"].includes(expr.op) &&
          this.isPlainValue(expr.left) &&
          this.isPlainValue(expr.right)
        );
      case "call":
        return !CAST_TYPES.has(expr.callee.name);
    }
  }

  /** An operation on constants becomes its value; division by a constant 0 is located here. */
  private fold(expr: ClassicalExpr, loc: SourceLocation): ClassicalExpr {
    const operands =
      expr.kind === "unary"
        ? [expr.operand]
        : expr.kind === "binary"
          ? [expr.left, expr.right]
          : [];
    const divisor = expr.kind === "binary" && (expr.op === "/" || expr.op === "%");
    if (divisor && expr.right.kind === "const" && expr.right.value === 0) {
      throw new QuantumError("semantic", "division by zero", loc);
    }
    if (!operands.every((o) => o.kind === "const")) return expr;
    try {
      return { kind: "const", value: evaluateClassical(expr, NO_BITS) };
    } catch (error) {
      if (error instanceof ClassicalDivisionByZero) {
        throw new QuantumError("semantic", "division by zero", loc);
      }
      throw error;
    }
  }
}

/** Bit i of `value` stored in `width` bits (two's complement when negative). */
function bitOf(value: number, i: number, width: number): number {
  return Number((BigInt.asUintN(width, BigInt(Math.trunc(value))) >> BigInt(i)) & 1n);
}

/**
 * A run-time integer kept to `width` bits: masked, and when signed its top bit's weight is
 * subtracted (two's complement).
 */
function withWidth(
  value: ClassicalExpr,
  width: number | undefined,
  signed: boolean,
): ClassicalExpr {
  if (width === undefined) return value;
  const mask: ClassicalExpr = { kind: "const", value: 2 ** width - 1 };
  const low: ClassicalExpr = { kind: "binary", op: "&", left: value, right: mask };
  if (!signed) return low;
  const half: ClassicalExpr = { kind: "const", value: 2 ** (width - 1) };
  const shifted: ClassicalExpr = { kind: "binary", op: "+", left: value, right: half };
  return {
    kind: "binary",
    op: "-",
    left: { kind: "binary", op: "&", left: shifted, right: mask },
    right: half,
  };
}

/** The source form of an expression, for labels (`int[2](flags) != 0`). */
export function expressionText(expr: Expression): string {
  switch (expr.kind) {
    case "number":
      return format(expr.value);
    case "identifier":
      return expr.name;
    case "index":
      return `${expr.target.name}[${isSelector(expr.index) ? "…" : expressionText(expr.index)}]`;
    case "unary":
      return `${expr.op}${wrapped(expr.operand)}`;
    case "binary":
      return `${wrapped(expr.left)} ${expr.op} ${wrapped(expr.right)}`;
    case "call":
      return `${expr.callee.name}(${expr.args.map(expressionText).join(", ")})`;
  }
}

function wrapped(expr: Expression): string {
  return expr.kind === "binary" ? `(${expressionText(expr)})` : expressionText(expr);
}
