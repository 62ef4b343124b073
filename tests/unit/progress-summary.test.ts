import { describe, expect, it } from "vitest";

import type { Course, LessonMeta } from "@/lib/notebook/types";
import { currentStreak, summariseCourses } from "@/lib/progress/summary";

const lesson = (id: string, position: number): LessonMeta => ({
  id,
  slug: id,
  courseId: "c",
  position,
  title: id,
  summary: "",
  minutes: 10,
  skills: [],
  objectives: [],
  file: "",
});
const course: Course = {
  id: "c",
  title: "C",
  summary: "",
  level: "beginner",
  lessons: [lesson("a", 1), lesson("b", 2), lesson("c", 3), lesson("d", 4)],
};
const row = (lessonId: string, status: "started" | "completed", day: number) => ({
  courseId: "c",
  lessonId,
  status,
  secondsSpent: 60,
  lastSeenAt: new Date(Date.UTC(2026, 0, day)),
});

describe("course summaries", () => {
  // The next lesson is lib/roadmap/next-step.ts's answer (tests/unit/roadmap/next-step.test.ts).
  it("computes completion and when the course was last seen", () => {
    const [summary] = summariseCourses(
      [course],
      [row("b", "completed", 2), row("a", "started", 3), row("c", "completed", 1)],
    );
    expect(summary).toMatchObject({ completed: 2, total: 4, percent: 50 });
    expect(summary.lastSeenAt.getUTCDate()).toBe(3);
  });

  it("leaves out courses never opened, and is 100 % when all are done", () => {
    expect(summariseCourses([course], [])).toEqual([]);
    const all = ["a", "b", "c", "d"].map((id) => row(id, "completed", 1));
    expect(summariseCourses([course], all)[0]).toMatchObject({ percent: 100, completed: 4 });
  });
});

describe("streaks", () => {
  const today = new Date("2026-03-10T15:00:00Z");
  it("counts consecutive days ending today", () => {
    expect(currentStreak(["2026-03-10", "2026-03-09", "2026-03-08", "2026-03-06"], today)).toBe(3);
  });
  it("is still alive when the last activity was yesterday", () => {
    expect(currentStreak(["2026-03-09", "2026-03-08"], today)).toBe(2);
  });
  it("is zero after a missed day, and across a month boundary counts correctly", () => {
    expect(currentStreak(["2026-03-07"], today)).toBe(0);
    expect(currentStreak(["2026-03-01", "2026-02-28"], new Date("2026-03-01T08:00:00Z"))).toBe(2);
  });
});
