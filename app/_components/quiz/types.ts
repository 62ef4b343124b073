import type { QuestionResult, QuizResult } from "@/lib/grading/grade-quiz";
import type { RenderedQuestion, RenderedQuiz } from "@/lib/grading/public-view";

export type { QuestionResult, QuizResult, RenderedQuestion, RenderedQuiz };

export type Answer = string | number | boolean | string[];

export interface QuizReportJson {
  result: QuizResult;
  explanations: { id: string; correct: boolean; explanationHtml: string; href: string }[];
  recorded?: boolean;
  signedIn?: boolean;
}
