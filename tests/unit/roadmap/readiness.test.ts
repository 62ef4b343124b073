import { describe, expect, it } from "vitest";

import { computeMastery } from "@/lib/roadmap/mastery";
import { roleReadiness } from "@/lib/roadmap/readiness";

import { fullEvidence, OPTIMISER, row, SKILLS, SOURCES } from "./fixtures";

describe("roleReadiness", () => {
  it("is 0% with everything missing for a learner without evidence", () => {
    const r = roleReadiness(OPTIMISER, computeMastery(SKILLS, SOURCES, []));
    expect(r.percent).toBe(0);
    expect(r.met).toEqual([]);
    // qaoa needs 3 levels, circuits 2: the larger gap comes first.
    expect(r.missing).toEqual([
      { skillId: "qaoa", required: 3, level: 0, assessableHere: true },
      { skillId: "circuits", required: 2, level: 0, assessableHere: true },
    ]);
  });

  it("is 100% with nothing missing when every requirement is evidenced", () => {
    const mastery = computeMastery(
      SKILLS,
      SOURCES,
      SKILLS.flatMap((s) => fullEvidence(s.id)),
    );
    expect(roleReadiness(OPTIMISER, mastery)).toEqual({
      roleId: "optimiser",
      percent: 100,
      missing: [],
      met: ["qaoa", "circuits"],
    });
  });

  it("averages the levels earned toward each requirement", () => {
    // circuits met (level 3 ≥ 2), qaoa at level 1 of 3.
    const mastery = computeMastery(SKILLS, SOURCES, [
      ...fullEvidence("circuits"),
      row("qaoa", "quiz"),
    ]);
    const r = roleReadiness(OPTIMISER, mastery);
    expect(r.percent).toBe(Math.floor(((1 + 1 / 3) / 2) * 100));
    expect(r.met).toEqual(["circuits"]);
    expect(r.missing).toEqual([{ skillId: "qaoa", required: 3, level: 1, assessableHere: true }]);
  });

  it("keeps a requirement Ketbook cannot evidence open, below 100%, marked as elsewhere", () => {
    const skills = SKILLS.map((s) => (s.id === "qaoa" ? { ...s, elsewhere: "Hardware" } : s));
    const mastery = computeMastery(
      skills,
      SOURCES,
      SKILLS.flatMap((s) => fullEvidence(s.id)),
    );
    const r = roleReadiness(OPTIMISER, mastery);
    expect(r.percent).toBe(50);
    expect(r.missing).toEqual([{ skillId: "qaoa", required: 3, level: 0, assessableHere: false }]);
  });

  it("marks a level the content cannot reach as not assessable here", () => {
    const quizOnly = new Map([...SOURCES].filter(([ref]) => !ref.startsWith("c/qaoa-")));
    quizOnly.set("c/qaoa-quiz", SOURCES.get("c/qaoa-quiz")!);
    const r = roleReadiness(OPTIMISER, computeMastery(SKILLS, quizOnly, [row("qaoa", "quiz")]));
    expect(r.missing.find((m) => m.skillId === "qaoa")).toEqual({
      skillId: "qaoa",
      required: 3,
      level: 1,
      assessableHere: false,
    });
  });
});
