import { describe, expect, it } from "vitest";

import { computeMastery, maxLevels } from "@/lib/roadmap/mastery";
import type { Evidence } from "@/lib/roadmap/types";

import { daysAgo, fullEvidence, NOW, row, SKILLS, SOURCES } from "./fixtures";

describe("computeMastery", () => {
  it("gives every skill level 0 and 'not started' without evidence", () => {
    const mastery = computeMastery(SKILLS, SOURCES, []);
    expect([...mastery.keys()]).toEqual(SKILLS.map((s) => s.id));
    for (const m of mastery.values()) {
      expect(m).toMatchObject({ level: 0, status: "not-started", lastEvidenceAt: null });
    }
  });

  it("earns level 1 from a quiz, 2 from an exercise and 3 only from applied practice", () => {
    const m = computeMastery(SKILLS, SOURCES, [
      row("algebra", "quiz"),
      row("qubits", "ex"),
      row("circuits", "applied"),
      row("ml", "quiz"),
      row("ml", "ex"),
    ]);
    expect(m.get("algebra")).toMatchObject({ level: 1, status: "in-progress" });
    expect(m.get("qubits")).toMatchObject({ level: 2, status: "in-progress" });
    expect(m.get("circuits")).toMatchObject({ level: 3, status: "mastered" });
    expect(m.get("ml")).toMatchObject({ level: 2 });
  });

  it("gives nothing for reading a lesson", () => {
    const read: Evidence = { skillId: "ml", kind: "lesson", ref: "c/ml", score: 1, createdAt: NOW };
    expect(computeMastery(SKILLS, SOURCES, [read]).get("ml")).toMatchObject({
      level: 0,
      status: "not-started",
    });
  });

  it("credits a row to the skills its exercise declares, not to the row's stored skill", () => {
    // A row recorded under the old rule (every skill of the lesson) for an ml exercise.
    const inherited: Evidence = { ...row("ml", "ex"), skillId: "qaoa" };
    const m = computeMastery(SKILLS, SOURCES, [inherited]);
    expect(m.get("qaoa")!.level).toBe(0);
    expect(m.get("ml")!.level).toBe(2);
  });

  it("ignores rows whose exercise or quiz is no longer in the content", () => {
    const gone: Evidence = {
      skillId: "ml",
      kind: "quiz",
      ref: "c/removed",
      score: 1,
      createdAt: NOW,
    };
    expect(computeMastery(SKILLS, SOURCES, [gone]).get("ml")!.level).toBe(0);
  });

  it("never shows a skill Ketbook cannot assess as earned", () => {
    const skills = SKILLS.map((s) =>
      s.id === "ml" ? { ...s, elsewhere: "A data-science course" } : s,
    );
    const m = computeMastery(skills, SOURCES, fullEvidence("ml")).get("ml")!;
    expect(m).toMatchObject({ level: 0, status: "not-assessed", assessed: false, maxLevel: 0 });
    expect(m.evidence).toEqual([]);
  });

  it("lists evidence newest first, one entry per exercise or quiz at its first date", () => {
    const m = computeMastery(SKILLS, SOURCES, [
      row("ml", "quiz", daysAgo(10)),
      row("ml", "quiz", daysAgo(3)),
      row("ml", "ex", daysAgo(1)),
    ]).get("ml")!;
    expect(m.evidence.map((e) => [e.ref, e.createdAt])).toEqual([
      ["c/ml-ex", daysAgo(1)],
      ["c/ml-quiz", daysAgo(10)],
    ]);
    expect(m.lastEvidenceAt).toEqual(daysAgo(1));
  });
});

describe("maxLevels", () => {
  it("is the highest level any exercise or quiz naming the skill can earn", () => {
    const onlyQuiz = [...SOURCES.values()].filter((s) => s.ref === "c/ml-quiz");
    expect(maxLevels(onlyQuiz)).toEqual(new Map([["ml", 1]]));
    expect(maxLevels(SOURCES.values()).get("qaoa")).toBe(3);
  });
});
