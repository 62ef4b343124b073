/**
 * Save-time verification of a course's checks, the studio's copy of what the content tests
 * demand of content/: every worked program of an exercise (its reference, its worked solution's
 * full programs, a program reaching its distribution target) passes its check, and the starter
 * code in the exercise's cell compiles and fails it — an exercise already solved, or unsolvable,
 * is a content bug. The same for the circuit questions of a quiz, whose worked programs are
 * optional.
 *
 * Grading runs in this process through the pure `gradeExercise`, under grading's own bounds:
 * circuits at most 16 qubits and the simulator's deadline, experiments (accuracy, energy,
 * ratio checks re-run a training or a minimisation) at most GRADING_MAX_EVALUATIONS circuit
 * evaluations each, the budget a learner's attempt gets in the pool (the reference's own run,
 * once per process, under the experiments' limit). A whole course has a wall-clock budget,
 * checked between exercises. It is synchronous CPU work: a server should run it off the
 * request's thread.
 */
import path from "node:path";

import { gradeExercise, type Gradable } from "@/lib/grading/grade-exercise";
import type { LessonChecks } from "@/lib/grading/load-checks";
import { CheckDefinitionError } from "@/lib/grading/programs";
import {
  checkPrograms,
  exercisePrograms,
  type WorkedProgram,
} from "@/lib/grading/reference-programs";
import { lineOfPath } from "@/lib/notebook/yaml-file";

import type { Problem } from "./problem";
import type { CourseTree } from "./course-tree";

/** Where a worked program is written, under the exercise or question at `at`. */
const fieldOf = (from: WorkedProgram["from"]): (string | number)[] =>
  from === "solution" ? ["solution"] : ["check", from];

const WHAT: Record<WorkedProgram["from"], string> = {
  reference: "the check's reference",
  solution: "a program of the worked solution",
  target: "a circuit reaching the check's target",
};

/** Problems of one gradable thing (an exercise or a quiz circuit question). */
function gradableProblems(
  gradable: Gradable,
  programs: readonly WorkedProgram[],
  starter: string,
  what: string,
  at: (field: (string | number)[]) => { file: string; line: number },
  requireProgram: boolean,
): Problem[] {
  const problems: Problem[] = [];
  const grade = (source: string, field: (string | number)[]) => {
    try {
      return gradeExercise(gradable, source);
    } catch (error) {
      if (!(error instanceof CheckDefinitionError)) throw error;
      problems.push({ ...at(field), message: `${what}: ${error.message}` });
      return undefined;
    }
  };
  if (requireProgram && programs.length === 0) {
    problems.push({
      ...at(["check"]),
      message: `${what} has no worked program to verify: give the check a \`reference\`, or put a full OpenQASM program in its \`solution\``,
    });
  }
  for (const program of programs) {
    const feedback = grade(program.source, fieldOf(program.from));
    if (feedback && !feedback.passed) {
      problems.push({
        ...at(fieldOf(program.from)),
        message: `${what}: ${WHAT[program.from]} does not pass its own check: ${feedback.message}`,
      });
    }
  }
  const feedback = grade(starter, ["check"]);
  if (feedback?.compileError) {
    problems.push({
      ...at([]),
      message: `${what}: the starter code does not compile: ${feedback.message}`,
    });
  } else if (feedback?.passed) {
    problems.push({
      ...at([]),
      message: `${what}: the starter code already passes the check; the learner would have nothing to do`,
    });
  }
  return problems;
}

/** One exercise or quiz circuit question to verify, with where its problems are written. */
interface Job {
  readonly gradable: Gradable;
  readonly programs: readonly WorkedProgram[];
  readonly starter: string;
  readonly what: string;
  readonly at: (field: (string | number)[]) => { file: string; line: number };
  readonly requireProgram: boolean;
}

function jobsOf(checks: readonly LessonChecks[], tree: CourseTree): Job[] {
  const jobs: Job[] = [];
  for (const lesson of checks) {
    if (lesson.exercisesFile) {
      const file = path.posix.basename(lesson.exercisesFile);
      const text = tree.get(file) ?? "";
      lesson.exercises.forEach((exercise, index) => {
        jobs.push({
          gradable: exercise,
          programs: exercisePrograms(exercise),
          starter: exercise.starter,
          what: `exercise "${exercise.cell}"`,
          at: (field) => ({
            file,
            line: lineOfPath(text, ["exercises", index, ...(field.length ? field : ["cell"])]),
          }),
          requireProgram: true,
        });
      });
    }
    if (lesson.quiz && lesson.quizFile) {
      const file = path.posix.basename(lesson.quizFile);
      const text = tree.get(file) ?? "";
      lesson.quiz.questions.forEach((question, index) => {
        if (question.type !== "circuit") return;
        jobs.push({
          gradable: question,
          programs: checkPrograms(question),
          starter: question.starter,
          what: `question "${question.id}"`,
          at: (field) => ({
            file,
            line: lineOfPath(text, ["questions", index, ...(field.length ? field : ["id"])]),
          }),
          // A quiz question may grade against a target alone (an expectation value); the
          // content tests ask no worked program of it either.
          requireProgram: false,
        });
      });
    }
  }
  return jobs;
}

export interface VerifyOptions {
  /**
   * Wall-clock budget for the whole course, checked between exercises (one grade is bounded by
   * grading's own limits). Past it, the first exercise left unverified is the problem. The
   * built-in course takes about 2 s.
   */
  readonly budgetMs?: number;
  readonly now?: () => number;
}

export const VERIFY_BUDGET_MS = 60_000;

/**
 * Grades every worked program and starter of the lessons' exercises and quiz circuit questions.
 * `tree` holds the check files' text, for the lines. Empty when all is well.
 */
export function verifyExerciseReferences(
  checks: readonly LessonChecks[],
  tree: CourseTree,
  options: VerifyOptions = {},
): Problem[] {
  const { budgetMs = VERIFY_BUDGET_MS, now = () => performance.now() } = options;
  const started = now();
  const problems: Problem[] = [];
  for (const job of jobsOf(checks, tree)) {
    if (now() - started > budgetMs) {
      problems.push({
        ...job.at([]),
        message: `${job.what} and the ones after it were not verified: grading the course's checks took more than ${budgetMs / 1000} s; make the slowest experiments smaller (fewer steps or samples)`,
      });
      break;
    }
    problems.push(
      ...gradableProblems(
        job.gradable,
        job.programs,
        job.starter,
        job.what,
        job.at,
        job.requireProgram,
      ),
    );
  }
  return problems;
}
