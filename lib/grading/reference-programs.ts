/**
 * The worked programs that must pass an exercise's check: its reference, the full programs of its
 * worked solution, and for a distribution target a program that reaches it. The content tests
 * and the studio's save-time verification grade the same list, so "the reference passes" means
 * one thing everywhere.
 */
import { joinExperiment, splitExperiment } from "@/lib/qml/experiments/spec";

import { programForDistribution } from "./distribution-program";
import type { LessonExercise } from "./load-checks";
import type { Check, Constraints } from "./schemas";

export interface WorkedProgram {
  readonly source: string;
  /** Where it is written: the check's `reference`, the worked `solution`, or made from `target`. */
  readonly from: "reference" | "solution" | "target";
}

/** Full programs in the worked solution's ```qasm blocks (snippets are skipped). */
export const solutionPrograms = (solution: string): string[] =>
  [...solution.matchAll(/```qasm[^\n]*\n([\s\S]*?)```/g)]
    .map((m) => m[1])
    .filter((code) => /^\s*OPENQASM/.test(code));

/** Whole experiment cells in the worked solution's ```experiment blocks. */
export const solutionExperiments = (solution: string): string[] =>
  [...solution.matchAll(/```experiment[^\n]*\n([\s\S]*?)```/g)].map((m) => m[1]);

/**
 * What the worked solution asks the learner to run in the exercise's cell: for an experiment
 * cell, a circuit goes below the starter's spec (the learner keeps the spec and changes the
 * circuit), a whole ```experiment cell is taken as it is.
 */
export function solutionCells(exercise: LessonExercise): string[] {
  if (exercise.language === "qasm") return solutionPrograms(exercise.solution);
  const { spec } = splitExperiment(exercise.starter);
  return [
    ...solutionPrograms(exercise.solution).map((circuit) => joinExperiment(spec, circuit)),
    ...solutionExperiments(exercise.solution),
  ];
}

/**
 * The check's own worked programs (an exercise's or a quiz circuit question's). A distribution
 * target's generated program uses controlled RY rotations, so it is left out when the check
 * restricts the gates.
 */
export function checkPrograms(gradable: {
  readonly check: Check;
  readonly constraints?: Constraints;
}): WorkedProgram[] {
  const { check } = gradable;
  return [
    ...(check.reference !== undefined
      ? [{ source: check.reference, from: "reference" as const }]
      : []),
    ...(check.kind === "distribution" && check.target && !gradable.constraints?.allowedGates
      ? [{ source: programForDistribution(check.target), from: "target" as const }]
      : []),
  ];
}

/** Every worked program of an exercise: its check's and its worked solution's. */
export function exercisePrograms(exercise: LessonExercise): WorkedProgram[] {
  return [
    ...checkPrograms(exercise),
    ...solutionCells(exercise).map((source) => ({ source, from: "solution" as const })),
  ];
}
