import { describe, expect, it } from "vitest";

import { isDue, nextReview, REVIEW_INTERVAL_DAYS, TOP_BOX } from "@/lib/review/leitner";

const now = new Date("2026-05-01T12:00:00Z");
const days = (d: Date) => (d.getTime() - now.getTime()) / 86_400_000;

describe("Leitner review", () => {
  it("a wrong answer enters box 1, due at once; a first right answer adds nothing", () => {
    const wrong = nextReview(undefined, false, now)!;
    expect(wrong.box).toBe(1);
    expect(isDue(wrong, now)).toBe(true);
    expect(nextReview(undefined, true, now)).toBeUndefined();
  });

  it("each right answer moves up one box and further into the future", () => {
    let state = nextReview(undefined, false, now)!;
    const seen: [number, number][] = [];
    for (let i = 0; i < TOP_BOX + 1; i++) {
      state = nextReview(state, true, now)!;
      seen.push([state.box, days(state.dueAt)]);
    }
    expect(seen.slice(0, 5)).toEqual([
      [2, REVIEW_INTERVAL_DAYS[1]],
      [3, REVIEW_INTERVAL_DAYS[2]],
      [4, REVIEW_INTERVAL_DAYS[3]],
      [5, REVIEW_INTERVAL_DAYS[4]],
      [6, REVIEW_INTERVAL_DAYS[5]],
    ]);
    expect(seen.at(-1)).toEqual([TOP_BOX, REVIEW_INTERVAL_DAYS[TOP_BOX - 1]]); // stays in the top box
    expect(isDue(state, now)).toBe(false);
  });

  it("a wrong answer from any box sends the question back to box 1", () => {
    const high = { box: 5, dueAt: now };
    expect(nextReview(high, false, now)).toEqual({ box: 1, dueAt: now });
  });
});
