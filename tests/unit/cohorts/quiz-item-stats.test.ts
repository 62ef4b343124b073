import { describe, expect, it } from "vitest";

import { answerLabel, quizItemStats } from "@/lib/cohorts/quiz-item-stats";
import { gradeQuiz, type QuizAnswers } from "@/lib/grading/grade-quiz";

import { quiz } from "../grading/quiz-fixture";

const attempt = (userId: string, answers: QuizAnswers) => {
  const results = gradeQuiz(quiz, answers);
  return { userId, score: results.score, answers, results };
};

describe("quiz item statistics", () => {
  it("share correct, discrimination between the top and bottom groups, most chosen wrong answer", () => {
    const stats = quizItemStats(quiz, [
      attempt("ada", { "q-single": "b", "q-multiple": ["a", "c"], "q-truefalse": false }),
      attempt("bob", { "q-single": "b", "q-multiple": ["a", "c"], "q-truefalse": true }),
      attempt("cy", { "q-single": "b", "q-multiple": ["c", "a", "b"], "q-truefalse": true }),
      attempt("di", { "q-single": "c", "q-multiple": ["b", "a", "c"], "q-truefalse": true }),
      attempt("ed", { "q-single": "a", "q-truefalse": true }),
    ]);
    const [easy, hard, tf] = stats;
    expect(easy).toMatchObject({ answered: 5, correct: 3, shareCorrect: 0.6 });
    // Top group (ada) right, bottom group (ed) wrong.
    expect(easy.discrimination).toBe(1);
    // Wrong answers tie at one each: the first seen is kept.
    expect(easy.commonWrong).toEqual({ label: "i over root two", count: 1 });
    // A set reads in option order, whatever order it was chosen in.
    expect(hard).toMatchObject({ answered: 4, correct: 2 });
    expect(hard.commonWrong).toEqual({
      label: "(|0⟩ + |1⟩)/√2 + |0⟩ + |1⟩ + 0.6|0⟩ − 0.8i|1⟩",
      count: 2,
    });
    expect(tf).toMatchObject({ correct: 1, commonWrong: { label: "True", count: 4 } });
  });

  it("gives no discrimination index for fewer than four learners", () => {
    const stats = quizItemStats(quiz, [
      attempt("ada", { "q-single": "b" }),
      attempt("bob", { "q-single": "a" }),
    ]);
    expect(stats[0].discrimination).toBeNull();
    expect(stats[1]).toMatchObject({ answered: 0, shareCorrect: null, commonWrong: null });
  });

  it("labels answers as the learner saw them, and malformed ones as nothing", () => {
    const [single, , , , , ordering] = quiz.questions;
    expect(answerLabel(ordering, ["measure", "prepare"])).toMatch(/ → /);
    expect(answerLabel(single, "a")).toBe("zero");
    expect(answerLabel(single, ["b"])).toBeNull();
    expect(answerLabel(single, undefined)).toBeNull();
  });
});
