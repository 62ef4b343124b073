import { describe, expect, it } from "vitest";

import { publicQuiz, seededShuffle } from "@/lib/grading/public-quiz";

import { quiz } from "./quiz-fixture";

/** Every string anywhere in a JSON value, with the key it sits under. */
function entries(value: unknown, key = ""): [string, unknown][] {
  if (Array.isArray(value)) return value.flatMap((v) => entries(v, key));
  if (value !== null && typeof value === "object") {
    return Object.entries(value).flatMap(([k, v]) => [
      [k, v] as [string, unknown],
      ...entries(v, k),
    ]);
  }
  return [[key, value]];
}

describe("publicQuiz", () => {
  for (const shuffleSeed of [undefined, 0, 7, 123456789]) {
    it(`reveals no answer, explanation, section or check (seed ${shuffleSeed})`, () => {
      const view = publicQuiz(quiz, { shuffleSeed });
      const json = JSON.stringify(view);
      const keys = new Set(entries(view).map(([k]) => k));
      for (const secret of [
        "answer",
        "explanation",
        "section",
        "check",
        "reference",
        "target",
        "tolerance",
        "maxDistance",
      ]) {
        expect(keys.has(secret), secret).toBe(false);
      }
      for (const q of quiz.questions) {
        expect(json).not.toContain(q.explanation);
        expect(json).not.toContain(q.section);
        if (q.type === "numeric") expect(json).not.toContain(String(q.answer.value));
        if (q.type === "text")
          for (const a of q.answer)
            expect(json.toLowerCase()).not.toContain(`"${a.toLowerCase()}"`);
        if (q.type === "circuit") expect(json).not.toContain('"1":1');
      }
      expect(view.questions).toHaveLength(quiz.questions.length);
    });
  }

  it("keeps prompts, options, items and starters", () => {
    const view = publicQuiz(quiz);
    expect(view.questions.map((q) => q.id)).toEqual(quiz.questions.map((q) => q.id));
    expect(view.questions[0]).toEqual({
      id: "q-single",
      type: "single",
      prompt: quiz.questions[0].prompt,
      options: [
        { id: "a", text: "zero" },
        { id: "b", text: "one half" },
        { id: "c", text: "i over root two" },
      ],
    });
    expect(view.questions[2]).toEqual({
      id: "q-truefalse",
      type: "truefalse",
      prompt: quiz.questions[2].prompt,
    });
    const circuit = view.questions[6];
    expect(circuit.type === "circuit" && circuit.starter).toBe(
      quiz.questions[6].type === "circuit" && quiz.questions[6].starter,
    );
  });

  it("never shows ordering items in the answer's order", () => {
    // The fixture lists the items in the right order; no seed may leak it.
    for (const shuffleSeed of [undefined, ...Array.from({ length: 50 }, (_, i) => i)]) {
      const ordering = publicQuiz(quiz, { shuffleSeed }).questions.find(
        (q) => q.type === "ordering",
      );
      const ids = ordering!.type === "ordering" ? ordering!.items.map((i) => i.id) : [];
      expect(ids).not.toEqual(["prepare", "evolve", "measure", "repeat"]);
      expect([...ids].sort()).toEqual(["evolve", "measure", "prepare", "repeat"]);
    }
  });

  it("shuffles deterministically from the seed, and differently for another seed", () => {
    const order = (seed: number) =>
      JSON.stringify(
        publicQuiz(quiz, { shuffleSeed: seed }).questions.map((q) => [
          q.id,
          "options" in q ? q.options.map((o) => o.id) : [],
        ]),
      );
    expect(order(42)).toBe(order(42));
    const distinct = new Set(Array.from({ length: 20 }, (_, i) => order(i)));
    expect(distinct.size).toBeGreaterThan(10);
  });

  it("refuses a seed that is not a non-negative integer", () => {
    expect(() => publicQuiz(quiz, { shuffleSeed: -1 })).toThrow(
      "shuffleSeed must be a non-negative integer, got -1",
    );
  });
});

describe("seededShuffle", () => {
  it("returns a permutation and leaves its input alone", () => {
    const items = [1, 2, 3, 4, 5, 6];
    const shuffled = seededShuffle(items, 3);
    expect([...shuffled].sort()).toEqual(items);
    expect(items).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it("puts each item first about equally often", () => {
    const firsts = [0, 0, 0, 0];
    for (let seed = 0; seed < 4000; seed++) firsts[seededShuffle([0, 1, 2, 3], seed)[0]]++;
    for (const count of firsts) expect(Math.abs(count - 1000)).toBeLessThan(120);
  });
});
