import { beforeAll, describe, expect, it } from "vitest";

import { computeMastery, maxLevels } from "@/lib/roadmap/mastery";
import { roleReadiness } from "@/lib/roadmap/readiness";
import type { Evidence } from "@/lib/roadmap/types";

import { everythingCompleted, loadRealEvidence } from "../../support/real-evidence";

/**
 * A learner who completed everything the shipped course offers — every lesson read, every
 * exercise (experiment checks included) solved, every quiz passed — built from the content
 * itself, not from a hand-made list. Readiness must still count only what that evidences.
 */
describe("readiness after completing the whole course", () => {
  let real: Awaited<ReturnType<typeof loadRealEvidence>>;
  let mastery: ReturnType<typeof computeMastery>;

  beforeAll(async () => {
    real = await loadRealEvidence();
    const at = new Date("2026-06-01T00:00:00Z");
    const evidence: Evidence[] = everythingCompleted(real.roadmap, real.sources).map((row) => ({
      ...row,
      createdAt: at,
    }));
    mastery = computeMastery(real.roadmap.skills, real.sources, evidence);
  });

  it("reaches exactly the highest level the content can evidence for each skill, and nothing for skills not assessed here", () => {
    const reachable = maxLevels(real.sources.values());
    for (const skill of real.roadmap.skills) {
      const m = mastery.get(skill.id)!;
      if (skill.elsewhere !== undefined) {
        expect(m, skill.id).toMatchObject({ level: 0, status: "not-assessed", evidence: [] });
      } else {
        expect(m.level, skill.id).toBe(reachable.get(skill.id));
      }
    }
  });

  it("leaves every role below 100 % unless every one of its requirements is evidenced", () => {
    expect(real.roadmap.roles.length).toBeGreaterThan(0);
    for (const role of real.roadmap.roles) {
      const readiness = roleReadiness(role, mastery);
      const allEvidenced = role.requires.every(
        (r) => (mastery.get(r.skillId)?.level ?? 0) >= r.level,
      );
      expect(readiness.percent === 100, role.id).toBe(allEvidenced);
      expect(readiness.missing.length === 0, role.id).toBe(allEvidenced);
      if (!allEvidenced) expect(readiness.percent, role.id).toBeLessThan(100);
    }
  });

  it("counts each requirement only for the levels earned toward it", () => {
    for (const role of real.roadmap.roles) {
      const earned = role.requires.map((r) =>
        Math.min(1, (mastery.get(r.skillId)?.level ?? 0) / r.level),
      );
      const expected = Math.floor((100 * earned.reduce((a, b) => a + b, 0)) / earned.length + 1e-9);
      expect(roleReadiness(role, mastery).percent, role.id).toBe(expected);
    }
  });

  it("lists a requirement on a skill not assessed here as missing, to get elsewhere", () => {
    const elsewhere = new Set(
      real.roadmap.skills.filter((s) => s.elsewhere !== undefined).map((s) => s.id),
    );
    const rolesNeedingOne = real.roadmap.roles.filter((role) =>
      role.requires.some((r) => elsewhere.has(r.skillId)),
    );
    // The SDK and Python requirements are real: some roles ask for them.
    expect(rolesNeedingOne.length).toBeGreaterThan(0);
    for (const role of rolesNeedingOne) {
      const readiness = roleReadiness(role, mastery);
      expect(readiness.percent, role.id).toBeLessThan(100);
      for (const r of role.requires.filter((x) => elsewhere.has(x.skillId))) {
        expect(readiness.missing, role.id).toContainEqual({
          skillId: r.skillId,
          required: r.level,
          level: 0,
          assessableHere: false,
        });
      }
    }
  });
});
