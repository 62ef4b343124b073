/**
 * Conditions of `if`, `else` and `while`. The IR tests one thing: "these bits read as this
 * integer" (`Condition`). A condition written with `==`, `!=`, `<`, `!`, `&&`, `||` over measured
 * bits is turned into a guard: a list of disjoint cubes (each fixes some bits), and an op under
 * the guard is emitted once per cube with that cube as its `Condition`. Because the cubes are
 * disjoint, at most one copy runs in a shot. Parts that do not read bits (`i == 2` in a loop)
 * are evaluated at compile time.
 *
 * `[]` is a guard that never holds; `[empty cube]` always holds.
 */
import { QuantumError } from "../errors";
import type { Condition, SourceLocation } from "../ir";
import type { Expression, IndexedIdentifier } from "./ast";
import {
  BUILTIN_CONSTANTS,
  evaluate,
  evaluateInteger,
  format,
  type ValueScope,
} from "./expressions";
import { type Cast, castOf, unknownCast } from "./casts";
import type { HiddenBits } from "./hidden-bits";
import type { Registers } from "./registers";

/** One way for a guard to hold: each listed clbit reads its value. */
export type Cube = ReadonlyMap<number, 0 | 1>;
export type Guard = readonly Cube[];

export const ALWAYS: Guard = [new Map()];
export const NEVER: Guard = [];

/** More cases than this are not a learner's condition, and would multiply the ops. */
export const MAX_GUARD_CUBES = 64;

/** Bits a condition reads, least significant first. */
interface ReadBits {
  readonly clbits: readonly number[];
  readonly label: string;
  readonly loc: SourceLocation;
}

const COMPARISONS: ReadonlySet<string> = new Set(["==", "!=", "<", "<=", ">", ">="]);

type BitsExpression = Extract<Expression, { kind: "identifier" | "index" }>;

export class GuardBuilder {
  constructor(
    private readonly registers: Registers,
    private readonly scope: ValueScope,
  ) {}

  /** The guard of `expr`, a condition that may read measured bits. */
  guardOf(expr: Expression): Guard {
    return this.checked(this.walk(expr), expr.loc);
  }

  private walk(expr: Expression): Guard {
    if (!this.readsBits(expr)) return this.constant(expr);
    const bits = this.bitsOf(expr);
    if (bits !== undefined) return this.bitsAsCondition(bits);
    const cast = this.castOf(expr);
    if (cast !== undefined && (cast.type === "bool" || cast.type === "bit")) {
      // `bool(c)` of several bits holds when any is 1.
      const operand = this.bitsOf(cast.operand);
      return operand === undefined
        ? this.walk(cast.operand)
        : notGuard(equalsGuard(operand.clbits, 0));
    }
    if (expr.kind === "unary" && expr.op === "!") return notGuard(this.walk(expr.operand));
    if (expr.kind === "binary") {
      if (expr.op === "&&") {
        return this.checked(andGuards(this.walk(expr.left), this.walk(expr.right)), expr.loc);
      }
      if (expr.op === "||") {
        return this.checked(orGuards(this.walk(expr.left), this.walk(expr.right)), expr.loc);
      }
      if (COMPARISONS.has(expr.op)) return this.comparison(expr);
    }
    throw new QuantumError(
      "unsupported",
      "this condition is not supported; compare bits with an integer (`c == 3`, `c[0] != 1`, `c < 2`) and combine with `!`, `&&`, `||`",
      expr.loc,
    );
  }

  /** A condition that reads no bits: evaluated now (nonzero holds). */
  private constant(expr: Expression): Guard {
    return evaluateCondition(expr, this.scope) ? ALWAYS : NEVER;
  }

  private readsBits(expr: Expression): boolean {
    switch (expr.kind) {
      case "number":
        return false;
      case "identifier":
        return this.registers.get(expr.name)?.kind === "bit" || this.isUnknown(expr.name);
      case "index":
        return this.registers.get(expr.target.name)?.kind === "bit";
      case "unary":
        return this.readsBits(expr.operand);
      case "binary":
        return this.readsBits(expr.left) || this.readsBits(expr.right);
      case "call":
        return expr.args.some((a) => this.readsBits(a));
    }
  }

  /**
   * A name that is neither a value nor a register is read as bits, so the error names the
   * registers it might have meant ("unknown register `d`; did you mean `c`?").
   */
  private isUnknown(name: string): boolean {
    return (
      name !== "true" &&
      name !== "false" &&
      this.registers.get(name) === undefined &&
      this.scope.value(name) === undefined &&
      this.scope.describe(name) === undefined &&
      !BUILTIN_CONSTANTS.has(name)
    );
  }

  /**
   * `c`, `c[i]`, `c[0:1]`, or a cast of one (`int[2](c)`), as the bits it reads: `int[n]`/
   * `uint[n]` keep the low n bits, read unsigned (casts.ts says why). `bool`/`bit` of one bit is
   * that bit.
   */
  private bitsOf(expr: Expression): ReadBits | undefined {
    const cast = this.castOf(expr);
    if (cast !== undefined) {
      const bits = this.bitsOf(cast.operand);
      if (bits === undefined) return undefined;
      if (cast.type === "bool" || cast.type === "bit") {
        return bits.clbits.length === 1 ? bits : undefined;
      }
      const width = Math.min(cast.width ?? bits.clbits.length, bits.clbits.length);
      return { ...bits, clbits: bits.clbits.slice(0, width) };
    }
    if (expr.kind === "call" && expr.args.some((a) => this.readsBits(a))) throw unknownCast(expr);
    const inner = expr;
    if (inner.kind !== "identifier" && inner.kind !== "index") return undefined;
    const bits: BitsExpression = inner;
    const operand: IndexedIdentifier =
      bits.kind === "index"
        ? { name: bits.target.name, index: bits.index, loc: bits.loc }
        : { name: bits.name, loc: bits.loc };
    const resolved = this.registers.resolve(operand, "bit", this.scope);
    const clbits = resolved.indices;
    const label =
      clbits.length === 1 && !resolved.whole
        ? this.registers.label("bit", clbits[0])
        : bits.kind === "identifier"
          ? bits.name
          : `${bits.target.name}[…]`;
    return { clbits, label, loc: bits.loc };
  }

  private castOf(expr: Expression): Cast | undefined {
    return castOf(expr, (w) => evaluateInteger(w, this.scope, "a cast's width"));
  }

  /** `if (c[0])`: a single bit holds when it is 1. */
  private bitsAsCondition(bits: ReadBits) {
    if (bits.clbits.length > 1) {
      throw new QuantumError(
        "unsupported",
        `\`${bits.label}\` has ${bits.clbits.length} bits, so it cannot be a condition on its own; compare it: \`${bits.label} == 1\` or \`${bits.label} != 0\``,
        bits.loc,
      );
    }
    return equalsGuard(bits.clbits, 1);
  }

  private comparison(expr: Extract<Expression, { kind: "binary" }>): Guard {
    const leftBits = this.bitsOf(expr.left);
    const rightBits = leftBits === undefined ? this.bitsOf(expr.right) : undefined;
    const bits = leftBits ?? rightBits;
    const other = leftBits !== undefined ? expr.right : expr.left;
    if (bits === undefined || this.readsBits(other)) {
      throw new QuantumError(
        "unsupported",
        "a condition can compare bits with an integer known when the program compiles, not with other bits",
        expr.loc,
      );
    }
    const value = evaluateInteger(other, this.scope, "the compared value");
    // `3 > c` is `c < 3`.
    const op = leftBits !== undefined ? expr.op : (MIRRORED.get(expr.op) ?? expr.op);
    const limit = 2 ** bits.clbits.length;
    if ((op === "==" || op === "!=") && (value < 0 || value >= limit)) {
      const what = bits.clbits.length === 1 ? "1 bit" : `${bits.clbits.length} bits`;
      throw new QuantumError(
        "semantic",
        `\`${bits.label}\` has ${what}, so it can never equal ${format(value)} (0..${limit - 1})`,
        other.loc,
      );
    }
    return unsignedComparison(bits.clbits, op, value);
  }

  private checked(guard: Guard, loc: SourceLocation): Guard {
    if (guard.length > MAX_GUARD_CUBES) {
      throw new QuantumError(
        "unsupported",
        `this condition splits into more than ${MAX_GUARD_CUBES} cases over the bits it reads; compare fewer bits`,
        loc,
      );
    }
    return guard;
  }
}

const MIRRORED: ReadonlyMap<string, string> = new Map([
  ["<", ">"],
  [">", "<"],
  ["<=", ">="],
  [">=", "<="],
]);

/**
 * A condition that reads no bits, evaluated at compile time: comparisons and `!`, `&&`, `||`
 * over numbers; any other expression holds when it is nonzero.
 */
export function evaluateCondition(expr: Expression, scope: ValueScope): boolean {
  if (expr.kind === "identifier" && (expr.name === "true" || expr.name === "false")) {
    return expr.name === "true";
  }
  if (expr.kind === "unary" && expr.op === "!") return !evaluateCondition(expr.operand, scope);
  if (expr.kind === "binary") {
    switch (expr.op) {
      case "&&":
        return evaluateCondition(expr.left, scope) && evaluateCondition(expr.right, scope);
      case "||":
        return evaluateCondition(expr.left, scope) || evaluateCondition(expr.right, scope);
      case "==":
        return evaluate(expr.left, scope) === evaluate(expr.right, scope);
      case "!=":
        return evaluate(expr.left, scope) !== evaluate(expr.right, scope);
      case "<":
        return evaluate(expr.left, scope) < evaluate(expr.right, scope);
      case "<=":
        return evaluate(expr.left, scope) <= evaluate(expr.right, scope);
      case ">":
        return evaluate(expr.left, scope) > evaluate(expr.right, scope);
      case ">=":
        return evaluate(expr.left, scope) >= evaluate(expr.right, scope);
      default:
        break;
    }
  }
  return evaluate(expr, scope) !== 0;
}

/** `bits op value`, the bits read as an unsigned integer. */
function unsignedComparison(clbits: readonly number[], op: string, value: number): Guard {
  switch (op) {
    case "==":
      return equalsGuard(clbits, value);
    case "!=":
      return notGuard(equalsGuard(clbits, value));
    case "<":
      return lessThanGuard(clbits, value);
    case "<=":
      return lessThanGuard(clbits, value + 1);
    case ">":
      return notGuard(lessThanGuard(clbits, value + 1));
    case ">=":
      return notGuard(lessThanGuard(clbits, value));
  }
  throw new Error(`unexpected comparison ${op}`);
}

/** `bits == value` (bits least significant first). */
function equalsGuard(clbits: readonly number[], value: number): Guard {
  const cube = new Map<number, 0 | 1>();
  clbits.forEach((bit, i) => cube.set(bit, Math.floor(value / 2 ** i) % 2 === 1 ? 1 : 0));
  return [cube];
}

/**
 * `bits < value` as disjoint cubes: for each 1 bit of value, from the top, the bits above it
 * equal value's and this one is 0 (at most one cube per bit).
 */
function lessThanGuard(clbits: readonly number[], value: number): Guard {
  const k = clbits.length;
  if (value <= 0) return NEVER;
  if (value >= 2 ** k) return ALWAYS;
  const cubes: Cube[] = [];
  const prefix = new Map<number, 0 | 1>();
  for (let j = k - 1; j >= 0; j--) {
    const bit = Math.floor(value / 2 ** j) % 2 === 1 ? 1 : 0;
    if (bit === 1) cubes.push(new Map([...prefix, [clbits[j], 0]]));
    prefix.set(clbits[j], bit);
  }
  return cubes;
}

/** Both hold: each pair of cubes that agrees on their common bits. */
export function andGuards(a: Guard, b: Guard): Guard {
  const out: Cube[] = [];
  for (const x of a) {
    for (const y of b) {
      const merged = new Map(x);
      let ok = true;
      for (const [bit, v] of y) {
        const have = merged.get(bit);
        if (have !== undefined && have !== v) {
          ok = false;
          break;
        }
        merged.set(bit, v);
      }
      if (ok) out.push(merged);
    }
  }
  return out;
}

/**
 * The complement, as disjoint cubes: outside a cube with bits b1..bm means b1 differs, or b1
 * agrees and b2 differs, and so on.
 */
export function notGuard(guard: Guard): Guard {
  let result: Guard = ALWAYS;
  for (const cube of guard) {
    const outside: Cube[] = [];
    const prefix = new Map<number, 0 | 1>();
    for (const [bit, v] of cube) {
      outside.push(new Map([...prefix, [bit, v === 1 ? 0 : 1]]));
      prefix.set(bit, v);
    }
    result = andGuards(result, outside);
  }
  return result;
}

/** Either holds: a, or b where a does not (so the cubes stay disjoint). */
function orGuards(a: Guard, b: Guard): Guard {
  return [...a, ...andGuards(b, notGuard(a))];
}

/** Whether a guard always or never holds (it reads no bits). */
export function isConstantGuard(guard: Guard): boolean {
  return guard.length === 0 || (guard.length === 1 && guard[0].size === 0);
}

/** The bits a guard reads. */
export function guardBits(guard: Guard): Set<number> {
  const bits = new Set<number>();
  for (const cube of guard) for (const bit of cube.keys()) bits.add(bit);
  return bits;
}

/**
 * The IR conditions of a guard's cubes, labelled as the source would name the bits. A cube that
 * tests hidden latches also gets `text`, the whole condition in the source's words, since the
 * learner never declared the bits it tests.
 */
export function conditionsOf(guard: Guard, registers: Registers, hidden: HiddenBits): Condition[] {
  return guard.map((cube) => {
    const clbits = [...cube.keys()].sort((x, y) => x - y);
    let value = 0;
    clbits.forEach((bit, i) => {
      if (cube.get(bit) === 1) value += 2 ** i;
    });
    const visible = clbits.filter((bit) => !hidden.isHidden(bit));
    const latches = clbits.filter((bit) => hidden.isHidden(bit));
    if (latches.length === 0) return { clbits, value, label: registers.bitsLabel(clbits) };
    const parts = latches.map((bit) => hidden.describe(bit, cube.get(bit) ?? 1));
    let label = parts.join(" && ");
    if (visible.length > 0) {
      const visibleValue = visible.reduce((v, bit, i) => v + (cube.get(bit) ?? 0) * 2 ** i, 0);
      label = registers.bitsLabel(visible);
      parts.unshift(`${label}==${visibleValue}`);
    }
    return { clbits, value, label, text: parts.join(" && ") };
  });
}
