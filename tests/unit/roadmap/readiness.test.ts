import { describe, expect, it } from "vitest";

import { computeMastery } from "@/lib/roadmap/mastery";
import { roleReadiness } from "@/lib/roadmap/readiness";

import { fullEvidence, NOW, OPTIMISER, SKILLS } from "./fixtures";

describe("roleReadiness", () => {
  it("is 0% with everything missing for a learner without evidence", () => {
    const r = roleReadiness(OPTIMISER, computeMastery(SKILLS, [], NOW));
    expect(r.percent).toBe(0);
    expect(r.met).toEqual([]);
    // qaoa needs 0.85, circuits 0.5: the larger gap comes first.
    expect(r.missing).toEqual([
      { skillId: "qaoa", required: 3, mastery: 0, gap: 0.85 },
      { skillId: "circuits", required: 2, mastery: 0, gap: 0.5 },
    ]);
  });

  it("is 100% with nothing missing when every skill is mastered", () => {
    const r = roleReadiness(
      OPTIMISER,
      computeMastery(
        SKILLS,
        SKILLS.flatMap((s) => fullEvidence(s.id)),
        NOW,
      ),
    );
    expect(r).toEqual({
      roleId: "optimiser",
      percent: 100,
      missing: [],
      met: ["qaoa", "circuits"],
    });
  });

  it("averages each requirement's progress toward its level", () => {
    // circuits fully met (1 ≥ 0.5 counts as 1), qaoa at 0.25 of the 0.85 it needs.
    const mastery = computeMastery(
      SKILLS,
      [
        ...fullEvidence("circuits"),
        { skillId: "qaoa", kind: "lesson", ref: "c/q", score: 1, createdAt: NOW },
      ],
      NOW,
    );
    const r = roleReadiness(OPTIMISER, mastery);
    expect(r.percent).toBe(Math.floor(((1 + 0.25 / 0.85) / 2) * 100));
    expect(r.percent).toBe(64);
    expect(r.met).toEqual(["circuits"]);
    expect(r.missing.map((m) => m.skillId)).toEqual(["qaoa"]);
  });

  it("never shows 100% while a requirement is still open", () => {
    const mastery = new Map([
      ["qaoa", { mastery: 0.8499 }],
      ["circuits", { mastery: 1 }],
    ]);
    expect(roleReadiness(OPTIMISER, mastery).percent).toBe(99);
  });
});
