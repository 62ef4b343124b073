import { describe, expect, it } from "vitest";

import { describeGuestWork, describeMerge } from "@/lib/progress/merge-message";

const none = {
  cells: 0,
  lessons: 0,
  solvedExercises: 0,
  unsolvedExercises: 0,
  quizResults: 0,
  reviewQuestions: 0,
  failed: 0,
};

describe("the merge banner", () => {
  it("says exactly what was merged, in words", () => {
    expect(describeMerge({ ...none, cells: 7, solvedExercises: 2, quizResults: 1 })).toBe(
      "Merged 7 cells, 2 solved exercises and 1 quiz result into your account.",
    );
    expect(describeMerge({ ...none, cells: 1 })).toBe("Merged 1 cell into your account.");
    expect(
      describeMerge({ ...none, cells: 2, lessons: 1, solvedExercises: 1, quizResults: 2 }),
    ).toBe(
      "Merged 2 cells, 1 completed lesson, 1 solved exercise and 2 quiz results into your account.",
    );
  });

  it("tells of exercises that failed the server's grade, review questions and items left", () => {
    expect(
      describeMerge({
        ...none,
        solvedExercises: 1,
        unsolvedExercises: 1,
        quizResults: 1,
        reviewQuestions: 2,
        failed: 1,
      }),
    ).toBe(
      "Merged 1 solved exercise and 1 quiz result into your account. " +
        "1 exercise did not pass when checked again, so it is not counted as solved. " +
        "2 missed questions are waiting in review. " +
        "1 item could not be merged right now; try again in a minute.",
    );
    expect(describeMerge(none)).toBe("Nothing new to merge.");
  });

  it("offers what the browser holds", () => {
    expect(
      describeGuestWork({ cells: 7, cellLessons: 2, lessons: 1, exercises: 2, quizAttempts: 1 }),
    ).toBe(
      "7 cells of code in 2 lessons, 1 completed lesson, 2 solved exercises and 1 quiz attempt",
    );
    expect(
      describeGuestWork({ cells: 0, cellLessons: 0, lessons: 0, exercises: 1, quizAttempts: 0 }),
    ).toBe("1 solved exercise");
  });
});
