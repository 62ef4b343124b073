import { describe, expect, it } from "vitest";

import { computeMastery } from "@/lib/roadmap/mastery";
import { nextBestLesson, skillTargets } from "@/lib/roadmap/recommend";
import type { Evidence } from "@/lib/roadmap/types";

import { fullEvidence, KERNEL_ROLE, LESSONS, OPTIMISER, row, SKILLS, SOURCES } from "./fixtures";

/** Passing the quiz on each skill: level 1, which reading a lesson alone no longer earns. */
const quizzesOn = (skillIds: string[]): Evidence[] =>
  skillIds.map((skillId) => row(skillId, "quiz"));

function recommend(
  evidence: Evidence[],
  completed: string[],
  targetRole = undefined as typeof OPTIMISER | undefined,
) {
  return nextBestLesson({
    skills: SKILLS,
    lessons: LESSONS,
    mastery: computeMastery(SKILLS, SOURCES, evidence),
    completedLessons: new Set(completed.map((id) => `c/${id}`)),
    targetRole,
  });
}

describe("nextBestLesson", () => {
  it("starts a new learner with no target role on the first lesson that needs nothing else", () => {
    const r = recommend([], []);
    expect(r).toMatchObject({
      lesson: { id: "intro" },
      advances: ["algebra", "qubits"],
      revisit: false,
    });
    // Three levels wanted on each of its two skills.
    expect(r!.gain).toBe(6);
    expect(r!.prerequisiteFor).toBeUndefined();
  });

  it("follows prerequisites back from the role's most useful lesson to one the learner can take", () => {
    // For the optimiser role the QAOA lesson closes the largest gap, but QAOA needs circuits,
    // which needs qubits: the intro lesson comes first, and says why.
    const r = recommend([], [], OPTIMISER);
    expect(r!.lesson.id).toBe("intro");
    expect(r!.prerequisiteFor).toEqual({ lesson: LESSONS[3], skillId: "qubits" });
  });

  it("a target role changes the recommendation", () => {
    const done = quizzesOn(["algebra", "qubits"]);
    expect(recommend(done, ["intro"])!.lesson.id).toBe("circuits");
    const forKernels = recommend(done, ["intro"], KERNEL_ROLE)!;
    expect(forKernels.lesson.id).toBe("ml");
    expect(forKernels.advances).toEqual(["ml"]);
    // ml wants level 3 and nothing is earned yet: three levels to gain.
    expect(forKernels.gain).toBe(3);
  });

  it("sends a learner with a prerequisite gap back to the prerequisite, not on to the advanced lesson", () => {
    // Passed quizzes on QAOA and algebra, but nothing on circuits or qubits between them: the
    // circuits lesson is the most useful, and it needs qubits first.
    const gap: Evidence[] = [row("qaoa", "quiz"), row("algebra", "quiz")];
    const r = recommend(gap, [], OPTIMISER)!;
    expect(r.lesson.id).toBe("intro");
    expect(r.prerequisiteFor).toEqual({ lesson: LESSONS[1], skillId: "qubits" });
    // Once qubits reaches level 1 the circuits lesson is open.
    const next = recommend([...gap, ...quizzesOn(["algebra", "qubits"])], ["intro"], OPTIMISER)!;
    expect(next.lesson.id).toBe("circuits");
    expect(next.prerequisiteFor).toBeUndefined();
  });

  it("does not block on a prerequisite no unread lesson teaches", () => {
    // Nothing teaches "ml" once its lesson is read, so kernels is open even with ml at zero.
    const r = nextBestLesson({
      skills: SKILLS,
      lessons: LESSONS,
      mastery: computeMastery(
        SKILLS,
        SOURCES,
        SKILLS.filter((s) => s.id !== "ml" && s.id !== "kernels").flatMap((s) =>
          fullEvidence(s.id),
        ),
      ),
      completedLessons: new Set(["c/intro", "c/circuits", "c/ml", "c/qaoa"]),
    });
    expect(r!.lesson.id).toBe("kernels");
  });

  it("suggests a second pass when every lesson is read but a skill is short of its target", () => {
    const all = LESSONS.map((l) => l.id);
    const evidence = LESSONS.flatMap((l) => quizzesOn(l.skills as string[]));
    const r = recommend(evidence, all, OPTIMISER)!;
    expect(r.revisit).toBe(true);
    expect(r.lesson.id).toBe("qaoa");
  });

  it("still answers when lessons block each other in a ring", () => {
    // x needs y, w needs z; lesson A teaches x and z, lesson B teaches w and y.
    const ring = nextBestLesson({
      skills: [
        { id: "x", prerequisites: ["y"] },
        { id: "y", prerequisites: [] },
        { id: "z", prerequisites: [] },
        { id: "w", prerequisites: ["z"] },
      ],
      lessons: [
        { courseId: "c", id: "a", slug: "a", title: "A", skills: ["x", "z"], order: 0 },
        { courseId: "c", id: "b", slug: "b", title: "B", skills: ["w", "y"], order: 1 },
      ],
      // Nothing earned yet, and the content can evidence every level of each.
      mastery: new Map(["x", "y", "z", "w"].map((id) => [id, { level: 0, maxLevel: 3 }])),
      completedLessons: new Set(),
    });
    expect(ring!.lesson.id).toBe("a");
  });

  it("returns null when everything is mastered", () => {
    const all = SKILLS.flatMap((s) => fullEvidence(s.id));
    expect(
      recommend(
        all,
        LESSONS.map((l) => l.id),
      ),
    ).toBeNull();
    expect(recommend(all, [], OPTIMISER)).toBeNull();
  });
});

describe("skillTargets", () => {
  it("asks the role's level of its skills, level 1 of their prerequisites, nothing of the rest", () => {
    expect(Object.fromEntries(skillTargets(SKILLS, OPTIMISER))).toEqual({
      qaoa: 3,
      circuits: 2,
      qubits: 1,
      algebra: 1,
    });
  });
});
