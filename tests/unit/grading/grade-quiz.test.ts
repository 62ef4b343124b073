import { describe, expect, it } from "vitest";

import { explainResult, gradeQuiz, type QuizAnswers } from "@/lib/grading/grade-quiz";

import { qasm } from "./programs";
import { allCorrect, quiz } from "./quiz-fixture";

const resultOf = (id: string, answer: QuizAnswers[string]) =>
  gradeQuiz(quiz, { ...allCorrect, [id]: answer }).questions.find((q) => q.id === id)!;

describe("gradeQuiz", () => {
  it("scores a fully correct submission", () => {
    const result = gradeQuiz(quiz, allCorrect);
    expect(result).toMatchObject({
      quizId: "sample-quiz",
      correctCount: 7,
      total: 7,
      score: 1,
      passMark: 0.7,
      passed: true,
      unknownAnswers: [],
    });
    expect(result.questions.every((q) => q.correct && q.answered)).toBe(true);
  });

  it("single: one option id", () => {
    expect(resultOf("q-single", "a")).toMatchObject({
      correct: false,
      message: "That is not the right option.",
    });
    expect(resultOf("q-single", "z")).toMatchObject({
      correct: false,
      message: '"z" is not one of the options.',
    });
    expect(resultOf("q-single", ["b"]).message).toBe("Choose one option.");
  });

  it("multiple: set equality, naming what was missed and what was extra", () => {
    expect(resultOf("q-multiple", ["a", "c", "a"]).correct).toBe(true);
    expect(resultOf("q-multiple", ["a", "b"])).toMatchObject({
      correct: false,
      missed: ["c"],
      extra: ["b"],
      message: "You missed 1 correct option and selected 1 option that is not correct.",
    });
    expect(resultOf("q-multiple", ["a"])).toMatchObject({
      missed: ["c"],
      extra: [],
      message: "You missed 1 correct option.",
    });
    expect(resultOf("q-multiple", ["a", "b", "c", "d"])).toMatchObject({
      missed: [],
      extra: ["b", "d"],
      message: "You selected 2 options that are not correct.",
    });
  });

  it("truefalse: booleans, or the words true and false", () => {
    expect(resultOf("q-truefalse", "false").correct).toBe(true);
    expect(resultOf("q-truefalse", true)).toMatchObject({
      correct: false,
      message: "The statement is false.",
    });
    expect(resultOf("q-truefalse", "yes").message).toBe("Answer true or false.");
  });

  it("numeric: tolerance edges are inclusive, and typed forms are read", () => {
    // 0.64 ± 0.01: 0.63 and 0.65 are on the edges.
    for (const ok of ["0.63", "0.65", 0.65, "64%", "16/25", " 0.640 "]) {
      expect(resultOf("q-numeric", ok).correct, String(ok)).toBe(true);
    }
    expect(resultOf("q-numeric", "0.6501")).toMatchObject({
      correct: false,
      parsed: 0.6501,
      message: "0.6501 is not the expected value.",
    });
    expect(resultOf("q-numeric", "0.6299").correct).toBe(false);
    expect(resultOf("q-numeric", "0,64")).toMatchObject({
      correct: false,
      message:
        'Could not read "0,64" as a number: use a point for decimals (0.5) and no thousands separators.',
    });
  });

  it("text: case, spaces, Unicode width and trailing punctuation do not matter", () => {
    for (const ok of ["Born rule", "  BORN   RULE. ", "Ｂｏｒｎ", "born!"]) {
      expect(resultOf("q-text", ok).correct, ok).toBe(true);
    }
    expect(resultOf("q-text", "bohr rule")).toMatchObject({
      correct: false,
      message: "That is not one of the accepted answers.",
    });
  });

  it("ordering: the exact order only", () => {
    expect(resultOf("q-ordering", ["evolve", "prepare", "measure", "repeat"])).toMatchObject({
      correct: false,
      message: "2 of 4 items are in the right place.",
    });
    expect(resultOf("q-ordering", ["prepare", "evolve", "measure"]).message).toBe(
      "Order all 4 items, each once.",
    );
  });

  it("circuit: graded like an exercise, with the full feedback", () => {
    const wrong = resultOf("q-circuit", qasm(1, "c[0] = measure q[0];", "bit[1] c;\n"));
    expect(wrong.correct).toBe(false);
    expect(wrong.feedback).toMatchObject({ kind: "distribution", passed: false });
    expect(wrong.message).toBe(wrong.feedback!.message);
    const broken = resultOf("q-circuit", "OPENQASM 3.0;\nqubit[1] q;\nx q[0];");
    expect(broken.correct).toBe(false);
    expect(broken.feedback!.compileError).toMatchObject({ line: 3 });
  });

  it("counts unanswered questions as wrong and reports unknown answer keys", () => {
    const result = gradeQuiz(quiz, {
      "q-single": "b",
      "q-multiple": [],
      "q-text": "  ",
      "no-such-question": "a",
    });
    expect(result.questions.find((q) => q.id === "q-multiple")).toMatchObject({
      answered: false,
      correct: false,
      message: "Not answered.",
    });
    expect(result.correctCount).toBe(1);
    expect(result.unknownAnswers).toEqual(["no-such-question"]);
  });

  it("passes at exactly the pass mark", () => {
    const tenQuestions = {
      ...quiz,
      passMark: 0.7,
      questions: Array.from({ length: 10 }, (_, i) => ({ ...quiz.questions[2], id: `tf-${i}` })),
    };
    const answers = (right: number) =>
      Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`tf-${i}`, i >= right]));
    expect(gradeQuiz(tenQuestions, answers(7))).toMatchObject({ score: 0.7, passed: true });
    expect(gradeQuiz(tenQuestions, answers(6))).toMatchObject({ score: 0.6, passed: false });
  });
});

describe("explainResult", () => {
  it("gives each question's explanation and a link to its section", () => {
    const result = gradeQuiz(quiz, { ...allCorrect, "q-single": "a" });
    const explained = explainResult(quiz, result, "/learn/qml-foundations/qubits");
    expect(explained[0]).toEqual({
      id: "q-single",
      correct: false,
      explanation: "Born rule: |i/√2|² = 1/2 (single-explanation).",
      section: "the-born-rule",
      href: "/learn/qml-foundations/qubits#the-born-rule",
    });
    expect(explained.map((e) => e.correct)).toEqual([false, true, true, true, true, true, true]);
  });
});
