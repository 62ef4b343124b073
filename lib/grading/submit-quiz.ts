import "server-only";

import { renderMarkdown } from "@/lib/notebook/render-markdown";
import { runTask } from "@/lib/tasks/service";

import { explainResult, type QuizAnswers, type QuizResult } from "./grade-quiz";
import type { Quiz } from "./schemas";

export interface QuizReport {
  readonly result: QuizResult;
  /** Shown only after submission: why each answer is right, and where the lesson explains it. */
  readonly explanations: { id: string; correct: boolean; explanationHtml: string; href: string }[];
}

/** Grades in the worker pool (circuit questions simulate), then attaches rendered explanations. */
export async function gradeQuizSubmission(
  quiz: Quiz,
  answers: QuizAnswers,
  lessonPath: string,
  request: Request,
  userId?: string,
): Promise<QuizReport> {
  const outcome = await runTask("quiz", { quiz, answers }, { request, userId });
  if (!outcome.ok) throw new Error(outcome.error.message);
  const explanations = explainResult(quiz, outcome.value, lessonPath).map((e) => ({
    id: e.id,
    correct: e.correct,
    explanationHtml: renderMarkdown(e.explanation),
    href: e.href,
  }));
  return { result: outcome.value, explanations };
}
