/**
 * The "grade" and "quiz" tasks: grading that simulates (an exercise's circuit, a quiz's circuit
 * questions) runs in the pool like any run. An experiment exercise's grade re-runs the learner's
 * experiment (and, once per worker, the reference solution's) inside this task, within the
 * check's evaluation budget; the caller gives it the experiments' deadline. What happens after
 * the grade (attempts, evidence, review) is the grading service's business, on the web process.
 */
import type { ExerciseFeedback } from "@/lib/grading/feedback";
import { gradeExercise, type Gradable } from "@/lib/grading/grade-exercise";
import { gradeQuiz, type QuizAnswers, type QuizResult } from "@/lib/grading/grade-quiz";
import type { Quiz } from "@/lib/grading/schemas";

import { outcomeOf, type Outcome } from "./run-circuit";

export interface GradeInput {
  readonly exercise: Gradable;
  readonly source: string;
}

/** Compile errors in the learner's code are part of the feedback, not failures. */
export function gradeTask(input: GradeInput): Outcome<ExerciseFeedback> {
  return outcomeOf(() => gradeExercise(input.exercise, input.source));
}

export interface QuizInput {
  readonly quiz: Quiz;
  readonly answers: QuizAnswers;
}

export function quizTask(input: QuizInput): Outcome<QuizResult> {
  return outcomeOf(() => gradeQuiz(input.quiz, input.answers));
}
