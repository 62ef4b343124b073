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

  describe("ordering items, over many seeds (as /api/quiz serves them)", () => {
    // The fixture lists the items in the answer's order. Whatever the public view shows must be
    // independent of that order: any order that never (or always) appears, or an item that
    // favours the place it has in the answer, lets a learner recover the answer by asking often.
    const answer = ["prepare", "evolve", "measure", "repeat"];
    const SEEDS = 24_000; // 24 orders of 4 items: about 1,000 each
    const shown = Array.from({ length: SEEDS }, (_, shuffleSeed) => {
      const q = publicQuiz(quiz, { shuffleSeed }).questions.find((x) => x.type === "ordering");
      return q!.type === "ordering" ? q!.items.map((i) => i.id) : [];
    });

    /** Pearson's chi-square statistic of observed counts against equal expected counts. */
    const chiSquare = (counts: readonly number[]) => {
      const expected = counts.reduce((a, b) => a + b, 0) / counts.length;
      return counts.reduce((sum, c) => sum + (c - expected) ** 2 / expected, 0);
    };

    it("shows the answer's order about as often as any other order", () => {
      const inAnswerOrder = shown.filter((ids) => ids.join() === answer.join()).length;
      // Binomial(24000, 1/24): mean 1000, standard deviation 31; allow five.
      expect(Math.abs(inAnswerOrder - 1000)).toBeLessThan(155);
    });

    it("shows every order with equal frequency (chi-square, 23 degrees of freedom)", () => {
      const byOrder = new Map<string, number>();
      for (const ids of shown) byOrder.set(ids.join(), (byOrder.get(ids.join()) ?? 0) + 1);
      expect(byOrder.size).toBe(24);
      // 49.7 is the 0.1% critical value: a fair shuffle fails this once in a thousand seeds
      // sets, and this set is fixed, so the test is deterministic.
      expect(chiSquare([...byOrder.values()])).toBeLessThan(49.7);
    });

    it("puts no item where the answer has it more often than elsewhere (chi-square, 9 df)", () => {
      // counts[k][p]: how often the answer's k-th item is shown at position p.
      const counts = answer.map(() => [0, 0, 0, 0]);
      for (const ids of shown) ids.forEach((id, p) => counts[answer.indexOf(id)][p]++);
      const expected = SEEDS / 4;
      let statistic = 0;
      for (const row of counts) for (const c of row) statistic += (c - expected) ** 2 / expected;
      expect(statistic).toBeLessThan(27.9); // the 0.1% critical value for 9 df
      // And in particular, items sit in their answer place a quarter of the time.
      const inPlace = shown.reduce(
        (n, ids) => n + ids.filter((id, p) => answer[p] === id).length,
        0,
      );
      expect(Math.abs(inPlace / (SEEDS * 4) - 0.25)).toBeLessThan(0.01);
    });

    it("still shows a permutation of the items", () => {
      for (const ids of shown.slice(0, 200)) expect([...ids].sort()).toEqual([...answer].sort());
    });
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
