/**
 * What a quiz shows after submission beside each explanation: the learner's answer and the right
 * one, as Markdown (option texts may hold maths). Only the grading service calls this, and only
 * with a graded submission, so answers reach the browser after the learner has committed to
 * theirs, never before.
 */
import { assertNever } from "@/lib/quantum/ir";

import { isBlank, type AnswerValue, type QuizAnswers } from "./grade-quiz";
import type { Question, Quiz } from "./schemas";

export interface RevealedAnswer {
  readonly id: string;
  /** Markdown; null when the question was left unanswered. */
  readonly yours: string | null;
  /** Markdown. */
  readonly right: string;
}

type Item = { readonly id: string; readonly text: string };

const textOf = (items: readonly Item[], id: string): string =>
  items.find((item) => item.id === id)?.text ?? `(not an option: ${id})`;

const bullets = (texts: readonly string[]): string => texts.map((t) => `- ${t}`).join("\n");
const numbered = (texts: readonly string[]): string =>
  texts.map((t, i) => `${i + 1}. ${t}`).join("\n");

/** A fenced block long enough that no run of backticks in `code` can close it. */
function codeBlock(code: string, language: string): string {
  const longest = Math.max(2, ...[...code.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = "`".repeat(longest + 1);
  return `${fence}${language}\n${code}\n${fence}`;
}

/** Learner text shown as typed: escaped so it cannot turn into links or markup. */
const verbatim = (text: string): string => `\`${text.replaceAll("`", "'")}\``;

const isIdList = (a: AnswerValue): a is readonly string[] =>
  Array.isArray(a) && a.every((x) => typeof x === "string");

function yourAnswer(q: Question, answer: AnswerValue): string {
  switch (q.type) {
    case "single":
      return typeof answer === "string" ? textOf(q.options, answer) : verbatim(String(answer));
    case "multiple":
      return isIdList(answer)
        ? bullets(answer.map((id) => textOf(q.options, id)))
        : verbatim(String(answer));
    case "truefalse":
      return String(answer) === "true" ? "True" : String(answer) === "false" ? "False" : "—";
    case "numeric":
    case "text":
      return verbatim(String(answer));
    case "ordering":
      return isIdList(answer)
        ? numbered(answer.map((id) => textOf(q.items, id)))
        : verbatim(String(answer));
    case "circuit":
      return codeBlock(String(answer), "qasm");
    default:
      return assertNever(q, "question");
  }
}

function rightAnswer(q: Question): string {
  switch (q.type) {
    case "single":
      return textOf(q.options, q.answer);
    case "multiple":
      return bullets(q.answer.map((id) => textOf(q.options, id)));
    case "truefalse":
      return q.answer ? "True" : "False";
    case "numeric":
      return q.answer.tolerance > 0
        ? `${q.answer.value} (within ±${q.answer.tolerance})`
        : String(q.answer.value);
    case "text":
      return q.answer.length === 1
        ? verbatim(q.answer[0])
        : `${verbatim(q.answer[0])} (also accepted: ${q.answer.slice(1).map(verbatim).join(", ")})`;
    case "ordering":
      return numbered(q.answer.map((id) => textOf(q.items, id)));
    case "circuit":
      return q.check.reference
        ? `A circuit that passes the check, for example:\n\n${codeBlock(q.check.reference, "qasm")}`
        : "Any circuit that passes the check described in the explanation.";
    default:
      return assertNever(q, "question");
  }
}

/** Each question's submitted and right answer, in the quiz file's order. */
export function revealAnswers(quiz: Quiz, answers: QuizAnswers): RevealedAnswer[] {
  return quiz.questions.map((q) => {
    const answer = answers[q.id];
    return {
      id: q.id,
      yours: isBlank(answer) ? null : yourAnswer(q, answer),
      right: rightAnswer(q),
    };
  });
}
