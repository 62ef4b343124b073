import { describe, expect, it } from "vitest";

import { exerciseFunnels, median } from "@/lib/cohorts/exercise-funnel";

const at = (minute: number) => new Date(Date.UTC(2026, 11, 1, 10, minute));

describe("exercise funnels", () => {
  it("counts attempts up to the first pass, whatever order the rows come in", () => {
    const [funnel] = exerciseFunnels(
      [{ cellId: "e", lessonId: "l", title: "E" }],
      new Map([["l", new Set(["ada", "bob", "cy", "di"])]]),
      [
        { userId: "bob", cellId: "e", passed: true, createdAt: at(5) },
        { userId: "bob", cellId: "e", passed: false, createdAt: at(1) },
        { userId: "bob", cellId: "e", passed: false, createdAt: at(3) },
        { userId: "bob", cellId: "e", passed: false, createdAt: at(9) }, // after solving
        { userId: "ada", cellId: "e", passed: true, createdAt: at(2) },
        { userId: "cy", cellId: "e", passed: false, createdAt: at(2) },
        { userId: "zed", cellId: "other", passed: true, createdAt: at(2) },
      ],
    );
    expect(funnel).toMatchObject({ opened: 4, attempted: 3, solved: 2, wrongAttempts: 4 });
    expect(funnel.medianAttemptsToSolve).toBe(2); // ada 1, bob 3
  });

  it("counts a learner who attempted without a recorded visit as having opened the lesson", () => {
    const [funnel] = exerciseFunnels([{ cellId: "e", lessonId: "l", title: "E" }], new Map(), [
      { userId: "ada", cellId: "e", passed: false, createdAt: at(0) },
    ]);
    expect(funnel).toMatchObject({ opened: 1, attempted: 1, solved: 0 });
    expect(funnel.medianAttemptsToSolve).toBeNull();
  });

  it("median of odd and even counts", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });
});
