/**
 * The work budget of lowering. `maxOperations` bounds the size of the circuit a program compiles
 * to; this bounds the work of producing it, which can be far larger than the result: a gate's
 * ops are copied into its caller at every level of nesting (a chain of 800 one-line wrappers
 * copies each op 800 times), a loop lowers its body once per iteration, an expression is
 * evaluated each time its statement runs, and a fractional `pow` multiplies matrices. Each of
 * these spends units, about one per op copied, from WORK_PER_OPERATION × maxOperations units, so
 * every program within maxSourceBytes compiles or fails with a located LimitError in bounded time,
 * however its work is nested.
 *
 * What costs what (one unit is about the time to copy one op):
 * - a statement lowered or expanded, once per time it runs: 1, plus 1 per modifier, operand and
 *   expression node it evaluates (`statementWork`);
 * - a gate call expanded on one tuple of qubits: 1;
 * - an op produced at any nesting level: 1 when it is made, 1 more at every user gate it is
 *   inlined through, 1 for every modifier that rewrites it;
 * - matrix arithmetic of fractional powers and inverses: `matrixWork`.
 */
import { LimitError } from "../errors";
import type { SourceLocation } from "../ir";
import type { Expression, IndexedIdentifier, Statement } from "./ast";

/**
 * Units per allowed operation. A program at maxOperations whose ops are nested a few gates deep
 * (the standard libraries plus the learner's own gates) uses a fraction of it.
 */
export const WORK_PER_OPERATION = 20;

export class WorkBudget {
  private spent = 0;
  private readonly total: number;

  constructor(private readonly maxOperations: number) {
    this.total = WORK_PER_OPERATION * maxOperations;
  }

  /** Spends `units`; throws a LimitError naming maxOperations, located at `loc`, when over. */
  spend(units: number, loc: SourceLocation): void {
    this.spent += units;
    if (this.spent > this.total) {
      throw new LimitError(
        "maxOperations",
        `expanding this program's loops and gates takes more than ${this.total} steps (an operation counts again at every gate it is inlined through); the limit is ${WORK_PER_OPERATION} × maxOperations = ${WORK_PER_OPERATION} × ${this.maxOperations}`,
        loc,
      );
    }
  }
}

/** Complex multiply-adds that take about as long as copying one op. */
const MULTIPLY_ADDS_PER_UNIT = 1024;

/**
 * Units for one product of two dim × dim complex matrices (dim³ multiply-adds, at least one
 * unit); also charged, generously, for an adjoint or an embedding of that size.
 */
export function matrixWork(dim: number): number {
  return Math.ceil((dim * dim * dim) / MULTIPLY_ADDS_PER_UNIT);
}

const statementCosts = new WeakMap<Statement, number>();

/**
 * Units to lower or expand `statement` once, not counting nested bodies (each of their statements
 * pays when it runs). Memoised: a statement in a loop or a gate body runs many times.
 */
export function statementWork(statement: Statement): number {
  let cost = statementCosts.get(statement);
  if (cost === undefined) {
    cost = 1 + ownWork(statement);
    statementCosts.set(statement, cost);
  }
  return cost;
}

function ownWork(s: Statement): number {
  switch (s.kind) {
    case "include":
    case "inputDeclaration":
    case "gateDefinition":
    case "block":
    case "pragma":
      return 0;
    case "qubitDeclaration":
    case "bitDeclaration":
      return nodes(s.size);
    case "constDeclaration":
      return nodes(s.value);
    case "gateCall": {
      let total = s.modifiers.length + s.args.reduce((sum, e) => sum + nodes(e), 0);
      for (const m of s.modifiers) {
        if (m.kind === "pow") total += nodes(m.exponent);
        else if (m.kind !== "inv") total += nodes(m.count);
      }
      return total + operands(s.operands);
    }
    case "measure":
      return operands([s.qubit, s.target]);
    case "reset":
      return operands([s.operand]);
    case "barrier":
      return operands(s.operands);
    case "if":
      return nodes(s.condition);
    case "for": {
      const it = s.iterable;
      if (it.kind === "set") return it.values.reduce((sum, e) => sum + nodes(e), 0);
      return nodes(it.start) + nodes(it.step) + nodes(it.end);
    }
  }
}

function operands(list: readonly IndexedIdentifier[]): number {
  return list.reduce((sum, o) => sum + 1 + nodes(o.index), 0);
}

/** Nodes of an expression tree (its depth is bounded by the parser). */
function nodes(e: Expression | undefined): number {
  if (e === undefined) return 0;
  switch (e.kind) {
    case "number":
    case "identifier":
      return 1;
    case "index":
      return 1 + nodes(e.index);
    case "unary":
      return 1 + nodes(e.operand);
    case "binary":
      return 1 + nodes(e.left) + nodes(e.right);
    case "call":
      return 1 + e.args.reduce((sum, a) => sum + nodes(a), 0);
  }
}
