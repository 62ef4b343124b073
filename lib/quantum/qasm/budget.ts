/**
 * The work budget of lowering. `maxOperations` bounds the size of the circuit a program compiles
 * to; this bounds the work of producing it, which can be far larger than the result: an op
 * inlined through a chain of 800 one-line gates is produced at 800 levels, a loop lowers its body
 * once per iteration, an expression is evaluated each time its statement runs, and a fractional
 * `pow` diagonalises a matrix. Each of these spends units from WORK_PER_OPERATION × maxOperations,
 * so every program within maxSourceBytes compiles, or fails with a located LimitError naming
 * maxOperations, in bounded time however its work is nested.
 *
 * What costs what (a unit is about the time to copy one op, 0.1 µs):
 * - a statement lowered or expanded, each time it runs: STATEMENT, plus 1 per modifier, operand
 *   and expression node it evaluates (`statementWork`);
 * - a gate call expanded on one tuple of qubits: 1, or USER_GATE_CALL for a user gate (a scope
 *   and a frame to set up);
 * - an op: 1 for each level of user gates it is inlined through (counted as if every level
 *   copied it, which calls.ts avoids), and 2 or more for every modifier that rewrites it
 *   (op-transforms.ts);
 * - matrix arithmetic of fractional powers and of inverses without a closed form: `matrixWork`,
 *   `powerWork`.
 */
import { LimitError } from "../errors";
import type { SourceLocation } from "../ir";
import type { Expression, IndexedIdentifier, IndexSelector, Statement } from "./ast";

/**
 * Units per allowed operation. A program at maxOperations whose ops are nested a few gates deep
 * (the standard libraries plus the learner's own gates) uses a fraction of it.
 */
export const WORK_PER_OPERATION = 20;

/** Units to lower a statement (a scope, a lookup or two), before its expressions. */
export const STATEMENT = 2;

/** Units to start inlining a user gate (on top of the 1 every call costs). */
export const USER_GATE_CALL = 2;

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

/*
 * Matrix costs, fitted to measured times (a unit is about 0.1 µs, the time to copy an op): a
 * product of two dim × dim matrices is dim³ multiply-adds plus a fixed cost for allocating and
 * embedding; a principal power diagonalises by Jacobi sweeps, about 2·dim³ units (65 ms at 64).
 */
const MULTIPLY_ADDS_PER_UNIT = 128;
const MATRIX_OVERHEAD = 200;
const POWER_OVERHEAD = 100;

/** Units for one product (or adjoint, or embedding) of dim × dim complex matrices. */
export function matrixWork(dim: number): number {
  return MATRIX_OVERHEAD + Math.ceil((dim * dim * dim) / MULTIPLY_ADDS_PER_UNIT);
}

/** Units for the principal power of a dim × dim unitary (matrix-power.ts). */
export function powerWork(dim: number): number {
  return POWER_OVERHEAD + 2 * dim * dim * dim;
}

const statementCosts = new WeakMap<Statement, number>();
const FIXED: ReadonlySet<Statement["kind"]> = new Set([
  "include",
  "inputDeclaration",
  "gateDefinition",
  "block",
  "pragma",
]);

/**
 * Units to lower or expand `statement` once, not counting nested bodies (each of their statements
 * pays when it runs). Memoised: a statement in a loop or a gate body runs many times.
 */
export function statementWork(statement: Statement): number {
  // Statements without expressions or operands cost the same, without a lookup.
  if (FIXED.has(statement.kind)) return STATEMENT;
  let cost = statementCosts.get(statement);
  if (cost === undefined) {
    cost = STATEMENT + ownWork(statement);
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
    case "assignment":
      return nodes(s.value);
    case "variableDeclaration":
      return nodes(s.size) + nodes(s.value);
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
    case "timing":
      return operands(s.operands);
    case "box":
    case "subroutineDefinition":
      return 0;
    case "return":
      return s.measure === undefined ? 0 : operands([s.measure]);
    case "if":
    case "while":
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
function nodes(e: Expression | IndexSelector | undefined): number {
  if (e === undefined) return 0;
  switch (e.kind) {
    case "range":
      return 1 + nodes(e.start) + nodes(e.step) + nodes(e.end);
    case "set":
      return 1 + e.values.reduce((sum, v) => sum + nodes(v), 0);
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
