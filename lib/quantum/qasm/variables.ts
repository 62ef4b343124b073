/**
 * `int`/`uint` variables: what a declaration makes, which names an assignment may change, the
 * value a compound assignment computes (casts.ts says how a value is stored in a width). The
 * lowering (lower.ts) decides whether each value is known at compile time or lives in hidden bits.
 */
import { QuantumError } from "../errors";
import type { AssignmentStatement, Expression, Statement, VariableDeclaration } from "./ast";
import { MAX_INT_WIDTH } from "./casts";
import type { RuntimeVariable } from "./classical-expressions";
import { evaluateInteger } from "./expressions";
import type { Registers } from "./registers";
import type { Scope } from "./scope";

/** A declared variable, starting at 0 (OpenQASM leaves it undefined) until it is assigned. */
export function newVariable(s: VariableDeclaration, scope: Scope): RuntimeVariable {
  const width =
    s.size === undefined ? MAX_INT_WIDTH : evaluateInteger(s.size, scope, "an integer width");
  if (width < 1 || width > MAX_INT_WIDTH) {
    throw new QuantumError(
      "unsupported",
      `\`${s.type}\` variables have 1 to ${MAX_INT_WIDTH} bits, got ${width}`,
      s.size?.loc ?? s.loc,
    );
  }
  return {
    name: s.name.name,
    signed: s.type === "int",
    width,
    loc: s.name.loc,
    known: 0,
    bits: undefined,
    declaration: s,
  };
}

/** The variable an assignment changes, or a located error saying what the name is instead. */
export function assignmentTarget(
  s: AssignmentStatement,
  registers: Registers,
  scope: Scope,
): RuntimeVariable {
  const name = s.target.name;
  const variable = scope.variable(name);
  if (variable !== undefined) return variable;
  const register = registers.get(name);
  const other = scope.find(name);
  const what =
    register?.kind === "bit"
      ? `\`${name}\` is a classical register: bits take \`${name} = measure q;\`, not values`
      : register !== undefined
        ? `\`${name}\` is a qubit register`
        : other !== undefined
          ? `\`${name}\` is a ${other.kind}, which cannot change; declare a variable: \`int ${name} = …;\``
          : `unknown variable \`${name}\`; declare it first: \`int ${name} = 0;\``;
  throw new QuantumError("semantic", what, s.target.loc);
}

/** The value assigned: `x += e` assigns `x + e`. */
export function assignedValue(s: AssignmentStatement): Expression {
  if (s.op === "=") return s.value;
  return {
    kind: "binary",
    op: s.op.slice(0, -1) as Extract<Expression, { kind: "binary" }>["op"],
    left: { kind: "identifier", name: s.target.name, loc: s.target.loc },
    right: s.value,
    loc: s.loc,
  };
}

/** Every identifier an expression names. */
export function collectNames(expr: Expression, into: Set<string>): void {
  switch (expr.kind) {
    case "number":
      return;
    case "identifier":
      into.add(expr.name);
      return;
    case "index":
      into.add(expr.target.name);
      return;
    case "unary":
      return collectNames(expr.operand, into);
    case "binary":
      collectNames(expr.left, into);
      return collectNames(expr.right, into);
    case "call":
      for (const arg of expr.args) collectNames(arg, into);
  }
}

/** Whether `body` (nested statements included) assigns to any variable named in `names`. */
export function assignsAny(body: readonly Statement[], names: ReadonlySet<string>): boolean {
  return body.some((s) => {
    switch (s.kind) {
      case "assignment":
        return names.has(s.target.name);
      case "if":
        return assignsAny(s.then, names) || assignsAny(s.else ?? [], names);
      case "for":
      case "while":
      case "block":
      case "box":
        return assignsAny(s.body, names);
      default:
        return false;
    }
  });
}
