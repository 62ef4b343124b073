/**
 * Compiling the two programs a check compares. The learner's code failing to compile is an
 * ordinary failed attempt (a located message, never an exception); the exercise's own reference
 * failing is a content bug, reported as a CheckDefinitionError for the caller to log and fix.
 */
import { compile } from "@/lib/quantum/compile";
import { QuantumError } from "@/lib/quantum/errors";
import { assertNever, type Circuit } from "@/lib/quantum/ir";
import type { Limits } from "@/lib/quantum/limits";

import { circuitShape, type CircuitShape, type Obstacle } from "./circuit-shape";
import type { CompileErrorInfo } from "./feedback";

export interface GradeOptions {
  /** Values of the learner program's `input float` parameters (the page's slider values). */
  readonly params?: Readonly<Record<string, number>>;
  readonly limits?: Partial<Limits>;
  /** Experiment checks: circuit evaluations the learner's run may spend (default: grading's). */
  readonly maxEvaluations?: number;
}

/**
 * Grading holds whole states and outcome tables (one entry per basis state), and lesson cells
 * stay at or below 12 qubits, so unless the caller says otherwise it refuses circuits wider than
 * 16 qubits: a learner cannot make the server build a 2^24-entry table by declaring more.
 */
export const GRADING_LIMITS: Partial<Limits> = { maxQubits: 16 };

/** The caller's options with GRADING_LIMITS under its own limits. */
export function withGradingLimits(options: GradeOptions): GradeOptions {
  return { ...options, limits: { ...GRADING_LIMITS, ...options.limits } };
}

export interface Program {
  readonly circuit: Circuit;
  readonly shape: CircuitShape;
}

/** The check data itself is wrong (e.g. its reference does not compile): fix the content. */
export class CheckDefinitionError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = "CheckDefinitionError";
  }
}

export type LearnerProgram =
  | { readonly ok: true; readonly program: Program }
  | { readonly ok: false; readonly error: CompileErrorInfo };

export function compileLearner(source: string, options: GradeOptions): LearnerProgram {
  try {
    const circuit = compile(source, { params: { ...options.params }, limits: options.limits });
    return { ok: true, program: { circuit, shape: circuitShape(circuit) } };
  } catch (error) {
    if (!(error instanceof QuantumError)) throw error;
    return {
      ok: false,
      error: {
        message: error.message,
        ...(error.loc ? { line: error.loc.line, column: error.loc.column } : {}),
      },
    };
  }
}

export function compileReference(source: string, options: GradeOptions): Program {
  try {
    const circuit = compile(source, { limits: options.limits });
    return { circuit, shape: circuitShape(circuit) };
  } catch (error) {
    if (!(error instanceof QuantumError)) throw error;
    throw new CheckDefinitionError(
      `the check's reference program does not compile: ${error.format("reference")}`,
      { cause: error },
    );
  }
}

/** Throws unless the reference has one final state (state and unitary checks need one). */
export function requireUnitaryReference(reference: Program, kind: string): void {
  if (reference.shape.obstacle) {
    throw new CheckDefinitionError(
      `the reference of a ${kind} check must be unitary up to its final measurements, but ${describeObstacle(reference.shape.obstacle)}`,
    );
  }
}

/** "line 7 has a mid-circuit measurement" and the like, for sentences about unitary checks. */
export function describeObstacle(obstacle: Obstacle): string {
  const line = `line ${obstacle.loc.line}`;
  switch (obstacle.reason) {
    case "mid-circuit measurement":
      return `${line} measures in the middle of the circuit (its qubit or its result is used afterwards)`;
    case "reset":
      return `${line} resets a qubit after it was used`;
    case "classical control":
      return `${line} depends on a measurement result (classical control)`;
    default:
      return assertNever(obstacle.reason, "obstacle");
  }
}

export const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;

/** "an accuracy check", "a ratio check": the article a word takes (by its first letter). */
export const withArticle = (word: string): string =>
  `${/^[aeiou]/i.test(word) ? "an" : "a"} ${word}`;
