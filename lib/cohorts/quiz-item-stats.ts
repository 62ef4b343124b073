/**
 * Item statistics for one quiz over a cohort, from each learner's latest attempt: how many got
 * each question right, whether the question separates strong from weak learners (the
 * discrimination index), and the wrong answer chosen most often — the one an instructor should
 * address first.
 */
import type { AnswerValue, QuizAnswers, QuizResult } from "@/lib/grading/grade-quiz";
import type { Question, Quiz } from "@/lib/grading/schemas";

/** One learner's latest attempt at the quiz, as stored. */
export interface QuizAttemptRecord {
  readonly userId: string;
  readonly score: number;
  readonly answers: QuizAnswers;
  readonly results: QuizResult;
}

export interface WrongAnswer {
  /** The answer as a learner would read it: an option's text, a number, an order. */
  readonly label: string;
  readonly count: number;
}

export interface QuestionStats {
  readonly questionId: string;
  readonly prompt: string;
  /** Learners whose latest attempt answered the question. */
  readonly answered: number;
  readonly correct: number;
  /** correct / answered, or null when no one answered. */
  readonly shareCorrect: number | null;
  /**
   * Share correct in the top 27 % of learners by quiz score minus the share in the bottom 27 %:
   * near 1 the question separates those who know the material from those who do not; near 0 or
   * below it measures something else (or is ambiguous). Null below MIN_LEARNERS_FOR_DISCRIMINATION.
   */
  readonly discrimination: number | null;
  /** The most chosen wrong answer, or null when no one answered wrongly (or for circuits). */
  readonly commonWrong: WrongAnswer | null;
}

/** With fewer learners the top and bottom groups are one or two people: not a statistic. */
export const MIN_LEARNERS_FOR_DISCRIMINATION = 4;
const GROUP_SHARE = 0.27;

export function quizItemStats(quiz: Quiz, attempts: readonly QuizAttemptRecord[]): QuestionStats[] {
  const ranked = [...attempts].sort((a, b) => b.score - a.score);
  const groupSize = Math.max(1, Math.round(ranked.length * GROUP_SHARE));
  const upper = ranked.slice(0, groupSize);
  const lower = ranked.slice(-groupSize);

  return quiz.questions.map((question) => {
    const verdicts = attempts
      .map((a) => ({ attempt: a, result: a.results.questions.find((r) => r.id === question.id) }))
      .filter((v) => v.result?.answered);
    const correct = verdicts.filter((v) => v.result!.correct).length;
    return {
      questionId: question.id,
      prompt: question.prompt,
      answered: verdicts.length,
      correct,
      shareCorrect: verdicts.length > 0 ? correct / verdicts.length : null,
      discrimination:
        ranked.length >= MIN_LEARNERS_FOR_DISCRIMINATION
          ? shareCorrectIn(upper, question.id) - shareCorrectIn(lower, question.id)
          : null,
      commonWrong: mostCommon(
        verdicts
          .filter((v) => !v.result!.correct)
          .map((v) => answerLabel(question, v.attempt.answers[question.id])),
      ),
    };
  });
}

function shareCorrectIn(group: readonly QuizAttemptRecord[], questionId: string): number {
  const right = group.filter((a) => a.results.questions.find((r) => r.id === questionId)?.correct);
  return right.length / group.length;
}

function mostCommon(labels: readonly (string | null)[]): WrongAnswer | null {
  const counts = new Map<string, number>();
  for (const label of labels) if (label !== null) counts.set(label, (counts.get(label) ?? 0) + 1);
  let best: WrongAnswer | null = null;
  // Ties go to the answer seen first, so the table does not flicker between equals.
  for (const [label, count] of counts) if (!best || count > best.count) best = { label, count };
  return best;
}

/**
 * A stored answer as the instructor reads it. Circuits have no single "wrong answer" to show
 * (the misconception clusters group those), so they give null, as do malformed answers.
 */
export function answerLabel(question: Question, answer: AnswerValue | undefined): string | null {
  if (answer === undefined) return null;
  const textOf = (options: readonly { id: string; text: string }[], id: string) =>
    options.find((o) => o.id === id)?.text ?? id;
  switch (question.type) {
    case "single":
      return typeof answer === "string" ? textOf(question.options, answer) : null;
    case "multiple":
      return Array.isArray(answer)
        ? [...answer]
            .sort()
            .map((id) => textOf(question.options, id))
            .join(" + ")
        : null;
    case "ordering":
      return Array.isArray(answer)
        ? answer.map((id) => textOf(question.items, id)).join(" → ")
        : null;
    case "truefalse":
      return typeof answer === "boolean" ? (answer ? "True" : "False") : null;
    case "numeric":
    case "text":
      return typeof answer === "string" || typeof answer === "number"
        ? String(answer).trim().toLowerCase()
        : null;
    case "circuit":
      return null;
  }
}
