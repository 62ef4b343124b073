import type { QuestionReport, QuestionResult, QuizResult } from "@/lib/grading/grade-quiz";
import type { RenderedQuestion, RenderedQuiz } from "@/lib/grading/public-view";

export type { QuestionReport, QuestionResult, QuizResult, RenderedQuestion, RenderedQuiz };

export type Answer = string | number | boolean | string[];

export interface QuizReportJson {
  result: QuizResult;
  explanations: QuestionReport[];
  recorded?: boolean;
  signedIn?: boolean;
}
