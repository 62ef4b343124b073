import { describe, expect, it } from "vitest";

import { csvField, gradebookCsv } from "@/lib/cohorts/gradebook-csv";

describe("gradebook CSV", () => {
  it("quotes fields with commas, quotes and line breaks, doubling inner quotes", () => {
    expect(csvField("plain")).toBe("plain");
    expect(csvField("Lovelace, Ada")).toBe('"Lovelace, Ada"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField("two\nlines")).toBe('"two\nlines"');
  });

  it("keeps a name that a spreadsheet would run as a formula as text", () => {
    for (const hostile of ['=HYPERLINK("x")', "+1", "-2+3", "@SUM(A1)", "\tx"]) {
      expect(csvField(hostile).replace(/^"/, "")).toMatch(/^'/);
    }
    expect(csvField("Ada = genius")).toBe("Ada = genius");
  });

  it("writes one CRLF row per learner with exercise and quiz columns in course order", () => {
    const csv = gradebookCsv({
      lessonCount: 3,
      exercises: [
        { id: "e1", title: "First" },
        { id: "e2", title: "Second" },
      ],
      quizzes: [{ id: "q1", title: "Lesson one" }],
      learners: [
        {
          name: "Ada",
          email: "ada@x.test",
          lessonsCompleted: 2,
          lastActiveAt: new Date("2026-12-01T10:00:00Z"),
          exercises: new Map([
            ["e1", { solved: true, attempts: 1 }],
            ["e2", { solved: false, attempts: 4 }],
          ]),
          quizzes: new Map([["q1", 0.666]]),
        },
        {
          name: "Bob",
          email: "bob@x.test",
          lessonsCompleted: 0,
          lastActiveAt: null,
          exercises: new Map(),
          quizzes: new Map(),
        },
      ],
    });
    expect(csv.split("\r\n")).toEqual([
      "Learner,Email,Lessons completed (of 3),Exercises solved (of 2),Exercise: First,Exercise: Second,Quiz: Lesson one (%),Last active (UTC)",
      "Ada,ada@x.test,2,1,solved (1 attempt),not yet (4 attempts),67,2026-12-01T10:00:00.000Z",
      "Bob,bob@x.test,0,0,,,,",
      "",
    ]);
  });
});
