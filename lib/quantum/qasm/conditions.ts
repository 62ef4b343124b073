/**
 * `if` conditions. The IR can only test "these bits read as this integer", so the condition is
 * matched by shape rather than evaluated: `c == n`, `c[i] == 0|1`, `c[i]`, `!c[i]` (and `c`,
 * `!c` for a one-bit register). Anything else is refused with the list of accepted forms.
 */
import { QuantumError } from "../errors";
import type { Condition } from "../ir";
import type { Expression, IndexedIdentifier } from "./ast";
import { evaluateInteger, type ValueScope } from "./expressions";
import type { Registers } from "./registers";

const ACCEPTED = "use `c == n`, `c[i] == 1`, `c[i]` or `!c[i]`";

type BitsExpression = Extract<Expression, { kind: "identifier" | "index" }>;

function isBits(expr: Expression): expr is BitsExpression {
  return expr.kind === "identifier" || expr.kind === "index";
}

export function conditionOf(expr: Expression, registers: Registers, scope: ValueScope): Condition {
  if (isBits(expr)) return bitsEqual(expr, undefined, 1, registers, scope);
  if (expr.kind === "unary" && expr.op === "!" && isBits(expr.operand)) {
    return bitsEqual(expr.operand, undefined, 0, registers, scope);
  }
  if (expr.kind === "binary" && expr.op === "==") {
    if (isBits(expr.left) && !isRegisterName(expr.right, registers)) {
      return bitsEqual(expr.left, expr.right, 0, registers, scope);
    }
    if (isBits(expr.right) && !isRegisterName(expr.left, registers)) {
      return bitsEqual(expr.right, expr.left, 0, registers, scope);
    }
  }
  throw new QuantumError(
    "unsupported",
    `this \`if\` condition is not supported; ${ACCEPTED}`,
    expr.loc,
  );
}

function isRegisterName(expr: Expression, registers: Registers): boolean {
  return (
    isBits(expr) &&
    registers.get(expr.kind === "index" ? expr.target.name : expr.name) !== undefined
  );
}

/**
 * The condition "bits == value", where value is the expression `compared` or, when absent,
 * `implicit` (`c[i]` means `c[i] == 1`, `!c[i]` means `c[i] == 0`).
 */
function bitsEqual(
  bits: BitsExpression,
  compared: Expression | undefined,
  implicit: 0 | 1,
  registers: Registers,
  scope: ValueScope,
): Condition {
  const operand: IndexedIdentifier =
    bits.kind === "index"
      ? { name: bits.target.name, index: bits.index, loc: bits.loc }
      : { name: bits.name, loc: bits.loc };
  const resolved = registers.resolve(operand, "bit", scope);
  const clbits = resolved.indices;
  const label = resolved.whole ? resolved.register.name : registers.label("bit", clbits[0]);
  if (compared === undefined && clbits.length > 1) {
    throw new QuantumError(
      "unsupported",
      `\`${label}\` has ${clbits.length} bits, so it cannot be a condition on its own; compare it: \`${label} == 1\``,
      bits.loc,
    );
  }
  const value =
    compared === undefined ? implicit : evaluateInteger(compared, scope, "the compared value");
  const limit = 2 ** clbits.length;
  if (value < 0 || value >= limit) {
    const what = clbits.length === 1 ? "1 bit" : `${clbits.length} bits`;
    throw new QuantumError(
      "semantic",
      `\`${label}\` has ${what}, so it can never equal ${value} (0..${limit - 1})`,
      (compared ?? bits).loc,
    );
  }
  return { clbits, value, label };
}
