import { getDatabase } from "@/db/client";
import { requireUser } from "@/lib/auth/guards";
import { handle } from "@/lib/http/route-errors";
import { learnerRoadmap } from "@/lib/roadmap/service";

/** GET the signed-in learner's roadmap: mastery per skill, readiness per role, next lesson. */
export const GET = handle(async () => {
  const user = await requireUser();
  const view = await learnerRoadmap(getDatabase().db, user.id, new Date());
  const rec = view.recommendation;
  return Response.json({
    targetRoleId: view.targetRole?.id ?? null,
    skills: view.content.skills.map((s) => {
      const m = view.mastery.get(s.id)!;
      return { id: s.id, mastery: m.mastery, level: m.level, status: m.status };
    }),
    roles: [...view.readiness.values()],
    nextLesson: rec
      ? {
          courseId: rec.lesson.courseId,
          lessonId: rec.lesson.id,
          href: `/learn/${rec.lesson.courseId}/${rec.lesson.slug}`,
          advances: rec.advances,
          prerequisiteFor: rec.prerequisiteFor
            ? { lessonId: rec.prerequisiteFor.lesson.id, skillId: rec.prerequisiteFor.skillId }
            : null,
        }
      : null,
  });
});
