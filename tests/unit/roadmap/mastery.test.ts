import { describe, expect, it } from "vitest";

import { computeMastery, levelFor, recencyWeight } from "@/lib/roadmap/mastery";
import type { Evidence } from "@/lib/roadmap/types";

import { daysAgo, fullEvidence, NOW, SKILLS } from "./fixtures";

describe("computeMastery", () => {
  it("gives every skill zero, level 0 and 'not started' without evidence", () => {
    const mastery = computeMastery(SKILLS, [], NOW);
    expect([...mastery.keys()]).toEqual(SKILLS.map((s) => s.id));
    for (const m of mastery.values()) {
      expect(m).toMatchObject({
        mastery: 0,
        level: 0,
        status: "not-started",
        lastEvidenceAt: null,
      });
    }
  });

  it("masters a skill with a lesson, two exercises and a perfect quiz, all recent", () => {
    const mastery = computeMastery(
      SKILLS,
      SKILLS.flatMap((s) => fullEvidence(s.id)),
      NOW,
    );
    for (const m of mastery.values()) {
      expect(m).toMatchObject({ mastery: 1, level: 3, status: "mastered" });
      expect(m.evidence).toHaveLength(4);
    }
  });

  it("weighs kinds: a lesson alone is level 1, one exercise adds 0.175, a quiz scales by its score", () => {
    const ev: Evidence[] = [
      { skillId: "algebra", kind: "lesson", ref: "c/a", score: 1, createdAt: NOW },
      { skillId: "qubits", kind: "lesson", ref: "c/a", score: 1, createdAt: NOW },
      { skillId: "qubits", kind: "exercise", ref: "c/x", score: 1, createdAt: NOW },
      { skillId: "ml", kind: "quiz", ref: "c/q", score: 0.5, createdAt: NOW },
    ];
    const m = computeMastery(SKILLS, ev, NOW);
    expect(m.get("algebra")).toMatchObject({ mastery: 0.25, level: 1, status: "in-progress" });
    expect(m.get("qubits")).toMatchObject({ mastery: 0.425, level: 1, status: "in-progress" });
    expect(m.get("ml")).toMatchObject({ mastery: 0.2, level: 1 });
  });

  it("caps each kind: ten lessons on a skill count as one", () => {
    const ev: Evidence[] = Array.from({ length: 10 }, (_, i) => ({
      skillId: "algebra",
      kind: "lesson" as const,
      ref: `c/l${i}`,
      score: 1,
      createdAt: NOW,
    }));
    expect(computeMastery(SKILLS, ev, NOW).get("algebra")!.mastery).toBe(0.25);
  });

  it("lets old evidence count less, but never less than half", () => {
    expect(recencyWeight(NOW, NOW)).toBe(1);
    expect(recencyWeight(daysAgo(365), NOW)).toBeCloseTo(0.5, 12);
    expect(recencyWeight(daysAgo(3650), NOW)).toBe(0.5);
    expect(recencyWeight(new Date(NOW.getTime() + 86_400_000), NOW)).toBe(1);
    const old = computeMastery(SKILLS, fullEvidence("algebra", daysAgo(365)), NOW).get("algebra")!;
    expect(old.mastery).toBeCloseTo(0.25 * 0.5 + 0.35 * 0.5 + 0.4 * 0.5, 9);
    expect(old.status).toBe("in-progress");
    // Doing the quiz again today brings it back up.
    const refreshed = computeMastery(
      SKILLS,
      [
        ...fullEvidence("algebra", daysAgo(365)),
        { skillId: "algebra", kind: "quiz", ref: "c/q2", score: 1, createdAt: NOW },
      ],
      NOW,
    ).get("algebra")!;
    expect(refreshed.mastery).toBeCloseTo(0.125 + 0.175 + 0.4, 9);
  });

  it("ignores evidence for skills that are not in the graph and clamps scores", () => {
    const m = computeMastery(
      SKILLS,
      [
        { skillId: "gone", kind: "lesson", ref: "c/x", score: 1, createdAt: NOW },
        { skillId: "ml", kind: "quiz", ref: "c/q", score: 7, createdAt: NOW },
      ],
      NOW,
    );
    expect(m.has("gone")).toBe(false);
    expect(m.get("ml")!.mastery).toBe(0.4);
  });

  it("lists evidence newest first", () => {
    const ev: Evidence[] = [
      { skillId: "ml", kind: "lesson", ref: "c/old", score: 1, createdAt: daysAgo(10) },
      { skillId: "ml", kind: "quiz", ref: "c/new", score: 1, createdAt: daysAgo(1) },
    ];
    const m = computeMastery(SKILLS, ev, NOW).get("ml")!;
    expect(m.evidence.map((e) => e.ref)).toEqual(["c/new", "c/old"]);
    expect(m.lastEvidenceAt).toEqual(daysAgo(1));
  });

  it("maps mastery to levels at the thresholds", () => {
    expect([0, 0.19, 0.2, 0.49, 0.5, 0.84, 0.85, 1].map(levelFor)).toEqual([
      0, 0, 1, 1, 2, 2, 3, 3,
    ]);
  });
});
