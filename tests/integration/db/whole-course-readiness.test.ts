/**
 * The readiness path as the pages run it (stored rows → learnerRoadmap), for a learner who has
 * completed everything the shipped course offers: every lesson read, every exercise solved and
 * every quiz passed, stored as the grading service and progress routes store them.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { DatabaseHandle } from "@/db/client";
import { addSkillEvidence, completeLesson } from "@/db/queries/progress";
import { createUser } from "@/db/queries/users";
import { earnedSkillLevels } from "@/lib/report/earned-levels";
import { maxLevels } from "@/lib/roadmap/mastery";
import { learnerRoadmap, nextStepInCourse, type LearnerRoadmap } from "@/lib/roadmap/service";

import { testDatabases } from "../../support/databases";
import { everythingCompleted, loadRealEvidence } from "../../support/real-evidence";

describe.each(testDatabases)("readiness after the whole course on $name", (kind) => {
  let handle: DatabaseHandle;
  let userId: string;
  let view: LearnerRoadmap;
  let real: Awaited<ReturnType<typeof loadRealEvidence>>;

  beforeAll(async () => {
    handle = await kind.create();
    real = await loadRealEvidence();
    userId = (
      await createUser(handle.db, { email: "all@example.com", name: "All", passwordHash: "x" })
    ).id;
    for (const lesson of real.roadmap.lessons) {
      await completeLesson(handle.db, userId, lesson.courseId, lesson.id);
    }
    await addSkillEvidence(handle.db, userId, everythingCompleted(real.roadmap, real.sources));
    view = await learnerRoadmap(handle.db, userId, new Date());
  }, 60_000);
  afterAll(async () => {
    await handle?.close();
  });

  it("puts every role below 100 % unless all its requirements are evidenced, and says what is missing", () => {
    for (const role of view.content.roles) {
      const readiness = view.readiness.get(role.id)!;
      const unmet = role.requires.filter((r) => view.mastery.get(r.skillId)!.level < r.level);
      expect(readiness.missing.map((m) => m.skillId).sort(), role.id).toEqual(
        unmet.map((r) => r.skillId).sort(),
      );
      if (unmet.length > 0) expect(readiness.percent, role.id).toBeLessThan(100);
      else expect(readiness.percent, role.id).toBe(100);
      for (const m of readiness.missing) {
        const skill = view.content.skills.find((s) => s.id === m.skillId)!;
        // Where to get it: elsewhere, or the lessons that teach it.
        expect(skill.elsewhere ?? view.content.learn.get(m.skillId)?.[0], m.skillId).toBeTruthy();
      }
    }
    // Today every role asks for something the course cannot evidence.
    expect([...view.readiness.values()].every((r) => r.percent < 100)).toBe(true);
  });

  it("earns the highest level the content evidences, never a skill not assessed here", async () => {
    const reachable = maxLevels(real.sources.values());
    const earned = await earnedSkillLevels(handle.db, userId);
    const elsewhere = view.content.skills.filter((s) => s.elsewhere !== undefined).map((s) => s.id);
    expect(elsewhere.length).toBeGreaterThan(0);
    for (const id of elsewhere) {
      expect(view.mastery.get(id)!.status, id).toBe("not-assessed");
      expect(
        earned.some((e) => e.skillId === id),
        id,
      ).toBe(false);
    }
    expect(new Map(earned.map((e) => [e.skillId, e.level]))).toEqual(reachable);
  });

  it("has no next step left, on the panel or the course card", () => {
    expect(view.recommendation).toBeNull();
    for (const courseId of new Set(real.roadmap.lessons.map((l) => l.courseId))) {
      expect(nextStepInCourse(view, courseId)).toBeNull();
    }
  });
});
