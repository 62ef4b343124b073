/**
 * Grading a submitted quiz: one result per question, a score (the fraction answered correctly;
 * no partial credit — a "multiple" question is right only when the selected set is exactly the
 * correct set), and pass/fail against the quiz's pass mark.
 *
 * Results say what was wrong without giving the answer away (a retry should still make the
 * learner think), except for "multiple" questions, which list the missed and extra options.
 * Explanations and section links are separate (`explainResult`), for the page to show after
 * submission.
 */
import { assertNever } from "@/lib/quantum/ir";

import { normaliseText, parseNumberAnswer } from "./answers";
import { COMPARISON_SLACK, type ExerciseFeedback } from "./feedback";
import { gradeExercise, type GradeOptions } from "./grade-exercise";
import { plural } from "./programs";
import type { Question, QuestionType, Quiz } from "./schemas";

/** A learner's answer: an option id, a set or order of ids, a boolean, a number or text, code. */
export type AnswerValue = string | number | boolean | readonly string[];

/** Answers by question id; a missing entry is an unanswered question. */
export type QuizAnswers = Readonly<Record<string, AnswerValue | undefined>>;

export interface QuestionResult {
  readonly id: string;
  readonly type: QuestionType;
  readonly answered: boolean;
  readonly correct: boolean;
  /** One sentence for the learner. */
  readonly message: string;
  /** "multiple": correct options not selected, and selected options that are not correct. */
  readonly missed?: readonly string[];
  readonly extra?: readonly string[];
  /** "numeric": the number the answer was read as. */
  readonly parsed?: number;
  /** "circuit": the full exercise feedback. */
  readonly feedback?: ExerciseFeedback;
}

export interface QuizResult {
  readonly quizId: string;
  readonly questions: readonly QuestionResult[];
  readonly correctCount: number;
  readonly total: number;
  /** correctCount / total, in [0, 1]. */
  readonly score: number;
  readonly passMark: number;
  readonly passed: boolean;
  /** Answer keys that name no question of this quiz (ignored for the score). */
  readonly unknownAnswers: readonly string[];
}

type Verdict = Omit<QuestionResult, "id" | "type" | "answered">;

const right = (message = "Correct."): Verdict => ({ correct: true, message });
const wrong = (message: string): Verdict => ({ correct: false, message });

const isIdList = (a: AnswerValue): a is readonly string[] =>
  Array.isArray(a) && a.every((x) => typeof x === "string");

function gradeQuestion(q: Question, answer: AnswerValue, options: GradeOptions): Verdict {
  switch (q.type) {
    case "single": {
      if (typeof answer !== "string") return wrong("Choose one option.");
      if (!q.options.some((o) => o.id === answer))
        return wrong(`"${answer}" is not one of the options.`);
      return answer === q.answer ? right() : wrong("That is not the right option.");
    }
    case "multiple": {
      if (!isIdList(answer)) return wrong("Choose a set of options.");
      const chosen = new Set(answer);
      const unknown = [...chosen].filter((id) => !q.options.some((o) => o.id === id));
      if (unknown.length > 0) return wrong(`"${unknown[0]}" is not one of the options.`);
      const missed = q.answer.filter((id) => !chosen.has(id));
      const extra = [...chosen].filter((id) => !q.answer.includes(id));
      if (missed.length === 0 && extra.length === 0) return right();
      const parts = [
        ...(missed.length > 0 ? [`missed ${plural(missed.length, "correct option")}`] : []),
        ...(extra.length === 1 ? ["selected 1 option that is not correct"] : []),
        ...(extra.length > 1 ? [`selected ${extra.length} options that are not correct`] : []),
      ];
      return {
        ...wrong(`You ${parts.join(" and ")}.`),
        missed,
        extra,
      };
    }
    case "truefalse": {
      const value =
        typeof answer === "boolean"
          ? answer
          : answer === "true"
            ? true
            : answer === "false"
              ? false
              : undefined;
      if (value === undefined) return wrong("Answer true or false.");
      return value === q.answer ? right() : wrong(`The statement is ${q.answer}.`);
    }
    case "numeric": {
      if (typeof answer !== "number" && typeof answer !== "string") return wrong("Type a number.");
      const parsed = parseNumberAnswer(answer);
      if (!parsed.ok) return wrong(`${parsed.message[0].toUpperCase()}${parsed.message.slice(1)}.`);
      const close =
        Math.abs(parsed.value - q.answer.value) <= q.answer.tolerance + COMPARISON_SLACK;
      return {
        ...(close ? right() : wrong(`${parsed.value} is not the expected value.`)),
        parsed: parsed.value,
      };
    }
    case "text": {
      if (typeof answer !== "string") return wrong("Type an answer.");
      const given = normaliseText(answer);
      if (given === "") return wrong("The answer is empty.");
      return q.answer.some((a) => normaliseText(a) === given)
        ? right()
        : wrong("That is not one of the accepted answers.");
    }
    case "ordering": {
      if (!isIdList(answer)) return wrong("Put the items in order.");
      const ids = q.items.map((i) => i.id);
      const isPermutation = answer.length === ids.length && ids.every((id) => answer.includes(id));
      if (!isPermutation) return wrong(`Order all ${ids.length} items, each once.`);
      const inPlace = answer.filter((id, i) => q.answer[i] === id).length;
      return inPlace === ids.length
        ? right()
        : wrong(`${inPlace} of ${ids.length} items are in the right place.`);
    }
    case "circuit": {
      if (typeof answer !== "string") return wrong("Submit your circuit's code.");
      const feedback = gradeExercise({ check: q.check }, answer, options);
      return { correct: feedback.passed, message: feedback.message, feedback };
    }
    default:
      return assertNever(q, "question");
  }
}

/** No answer given: nothing, an empty string, or an empty selection. */
export const isBlank = (a: AnswerValue | undefined): a is undefined =>
  a === undefined ||
  (typeof a === "string" && a.trim() === "") ||
  (Array.isArray(a) && a.length === 0);

export function gradeQuiz(
  quiz: Quiz,
  answers: QuizAnswers,
  options: GradeOptions = {},
): QuizResult {
  const questions = quiz.questions.map((q): QuestionResult => {
    const answer = answers[q.id];
    if (isBlank(answer)) {
      return { id: q.id, type: q.type, answered: false, correct: false, message: "Not answered." };
    }
    return { id: q.id, type: q.type, answered: true, ...gradeQuestion(q, answer, options) };
  });
  const ids = new Set(quiz.questions.map((q) => q.id));
  const correctCount = questions.filter((r) => r.correct).length;
  const total = questions.length;
  return {
    quizId: quiz.id,
    questions,
    correctCount,
    total,
    score: total === 0 ? 0 : correctCount / total,
    passMark: quiz.passMark,
    // Compare counts, not the ratio, so 7 of 10 passes a 0.7 mark despite rounding.
    passed: correctCount >= quiz.passMark * total - COMPARISON_SLACK,
    unknownAnswers: Object.keys(answers).filter((id) => !ids.has(id)),
  };
}

export interface QuestionExplanation {
  readonly id: string;
  readonly correct: boolean;
  /** Markdown, from the quiz file. */
  readonly explanation: string;
  /** The lesson heading anchor the question tests. */
  readonly section: string;
  /** `${lessonPath}#${section}`. */
  readonly href: string;
}

/**
 * One question as the page shows it after submission: the learner's answer, the right one, why,
 * and where to reread (HTML rendered and sanitised on the server).
 */
export interface QuestionReport {
  readonly id: string;
  readonly correct: boolean;
  /** Null when the question was left unanswered. */
  readonly yourAnswerHtml: string | null;
  readonly rightAnswerHtml: string;
  readonly explanationHtml: string;
  readonly href: string;
}

/** What the page shows after submission: each question's explanation and where to review it. */
export function explainResult(
  quiz: Quiz,
  result: QuizResult,
  lessonPath = "",
): QuestionExplanation[] {
  const byId = new Map(result.questions.map((r) => [r.id, r]));
  return quiz.questions.map((q) => ({
    id: q.id,
    correct: byId.get(q.id)?.correct ?? false,
    explanation: q.explanation,
    section: q.section,
    href: `${lessonPath}#${q.section}`,
  }));
}
