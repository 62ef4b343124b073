import { describe, expect, it } from "vitest";

import { computeMastery } from "@/lib/roadmap/mastery";
import { nextStep } from "@/lib/roadmap/next-step";
import { lessonReach, type RecommendationInput } from "@/lib/roadmap/recommend";
import type { Evidence, LessonRef } from "@/lib/roadmap/types";

import { everythingCompleted, loadRealEvidence } from "../../support/real-evidence";
import { LESSONS, OPTIMISER, row, SKILLS, SOURCES } from "./fixtures";

const input = (evidence: Evidence[], completed: string[]): RecommendationInput => ({
  skills: SKILLS,
  lessons: LESSONS,
  mastery: computeMastery(SKILLS, SOURCES, evidence),
  completedLessons: new Set(completed.map((id) => `c/${id}`)),
});

describe("nextStep", () => {
  it("is the next best lesson while an unread one advances the goal", () => {
    expect(nextStep(input([], []))?.lesson.id).toBe("intro");
  });

  it("goes on with the first unread lesson once no lesson advances the goal", () => {
    // The optimiser's skills are all earned, but two lessons are still unread.
    const earned = ["algebra", "qubits", "circuits", "qaoa"].flatMap((id) => [
      row(id, "ex"),
      row(id, "applied"),
    ]);
    const step = nextStep({
      ...input(earned, ["intro", "circuits", "qaoa"]),
      targetRole: OPTIMISER,
    });
    expect(step).toMatchObject({ lesson: { id: "ml" }, advances: [], revisit: false });
  });

  it("answers within one course for its card, and agrees with the whole catalogue on its lessons", () => {
    const other: LessonRef = {
      courseId: "d",
      id: "other",
      slug: "other",
      title: "Other",
      skills: ["ml"],
      order: 9,
    };
    const both = { ...input([], []), lessons: [...LESSONS, other] };
    const overall = nextStep(both)!;
    expect(overall.lesson.courseId).toBe("c");
    expect(nextStep(both, "c")).toEqual(overall);
    expect(nextStep(both, "d")?.lesson.id).toBe("other");
  });

  it("recommends a lesson only for what its own exercises and quizzes evidence", () => {
    // The intro lesson's front matter names algebra and qubits, but its only evidence (per
    // `reach`) is a quiz on qubits: it can take qubits to level 1 and nothing else.
    const reach = new Map([["c/intro", new Map([["qubits", 1 as const]])]]);
    const step = nextStep({ ...input([], []), reach });
    expect(step).toMatchObject({ lesson: { id: "intro" }, advances: ["qubits"], gain: 1 });
  });

  it("gives /me, the course card and the roadmap one answer at every point of the real course", async () => {
    const { roadmap, sources } = await loadRealEvidence();
    const reach = lessonReach(sources.values());
    const at = new Date("2026-06-01T00:00:00Z");
    const rows = everythingCompleted(roadmap, sources);
    // Walk the course in order: after each lesson (read, its exercises solved, its quiz passed)
    // the whole-catalogue answer and each course's card agree whenever they name a lesson of it.
    for (let k = 0; k <= roadmap.lessons.length; k++) {
      const done = roadmap.lessons.slice(0, k);
      const doneKeys = new Set(done.map((l) => `${l.courseId}/${l.id}`));
      const evidence = rows
        .filter((r) => {
          const source = sources.get(r.ref);
          return source
            ? doneKeys.has(`${source.courseId}/${source.lessonId}`)
            : doneKeys.has(r.ref);
        })
        .map((r) => ({ ...r, createdAt: at }));
      for (const targetRole of [undefined, ...roadmap.roles]) {
        const stepInput: RecommendationInput = {
          skills: roadmap.skills,
          lessons: roadmap.lessons,
          mastery: computeMastery(roadmap.skills, sources, evidence),
          completedLessons: doneKeys,
          targetRole,
          reach,
        };
        const overall = nextStep(stepInput);
        if (k < roadmap.lessons.length) expect(overall, `after ${k} lessons`).not.toBeNull();
        if (overall) {
          expect(nextStep(stepInput, overall.lesson.courseId), `after ${k}`).toEqual(overall);
        }
      }
    }
  });
});
