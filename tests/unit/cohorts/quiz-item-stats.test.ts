import { describe, expect, it } from "vitest";

import { answerLabel, quizItemStats } from "@/lib/cohorts/quiz-item-stats";
import { gradeQuiz, type QuizAnswers } from "@/lib/grading/grade-quiz";
import { quizFileSchema } from "@/lib/grading/schemas";

const quiz = quizFileSchema.parse({
  id: "q",
  questions: [
    {
      id: "easy",
      type: "single",
      prompt: "Easy?",
      explanation: "Yes.",
      section: "s",
      options: [
        { id: "a", text: "Right" },
        { id: "b", text: "Wrong B" },
        { id: "c", text: "Wrong C" },
      ],
      answer: "a",
    },
    {
      id: "hard",
      type: "multiple",
      prompt: "Hard?",
      explanation: "Both.",
      section: "s",
      options: [
        { id: "a", text: "One" },
        { id: "b", text: "Two" },
        { id: "c", text: "Three" },
      ],
      answer: ["a", "b"],
    },
    {
      id: "tf",
      type: "truefalse",
      prompt: "True?",
      explanation: "No.",
      section: "s",
      answer: false,
    },
  ],
});

const attempt = (userId: string, answers: QuizAnswers) => {
  const results = gradeQuiz(quiz, answers);
  return { userId, score: results.score, answers, results };
};

describe("quiz item statistics", () => {
  it("share correct, discrimination between the top and bottom groups, most chosen wrong answer", () => {
    const stats = quizItemStats(quiz, [
      attempt("ada", { easy: "a", hard: ["a", "b"], tf: false }),
      attempt("bob", { easy: "a", hard: ["a", "b"], tf: true }),
      attempt("cy", { easy: "a", hard: ["b", "a", "c"], tf: true }),
      attempt("di", { easy: "c", hard: ["c", "a", "b"], tf: true }),
      attempt("ed", { easy: "b", tf: true }),
    ]);
    const [easy, hard, tf] = stats;
    expect(easy).toMatchObject({ answered: 5, correct: 3, shareCorrect: 0.6 });
    // Top group (ada) right, bottom group (ed) wrong.
    expect(easy.discrimination).toBe(1);
    // Wrong answers tie at one each: the first seen is kept.
    expect(easy.commonWrong).toEqual({ label: "Wrong C", count: 1 });
    // A set reads in option order, whatever order it was chosen in.
    expect(hard).toMatchObject({ answered: 4, correct: 2 });
    expect(hard.commonWrong).toEqual({ label: "One + Two + Three", count: 2 });
    expect(tf).toMatchObject({ correct: 1, commonWrong: { label: "True", count: 4 } });
  });

  it("gives no discrimination index for fewer than four learners", () => {
    const stats = quizItemStats(quiz, [
      attempt("ada", { easy: "a" }),
      attempt("bob", { easy: "b" }),
    ]);
    expect(stats[0].discrimination).toBeNull();
    expect(stats[1]).toMatchObject({ answered: 0, shareCorrect: null, commonWrong: null });
  });

  it("labels answers as the learner saw them, and malformed ones as nothing", () => {
    const [single] = quiz.questions;
    expect(answerLabel(single, "b")).toBe("Wrong B");
    expect(answerLabel(single, ["b"])).toBeNull();
    expect(answerLabel(single, undefined)).toBeNull();
  });
});
