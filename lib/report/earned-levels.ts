import "server-only";

import type { Database } from "@/db/client";
import { learnerRoadmap, type RoadmapContent } from "@/lib/roadmap/service";
import type { Evidence, SkillLevel } from "@/lib/roadmap/types";

/** One piece of evidence behind an earned level, in the words a reader of a credential needs. */
export interface EarnedEvidence {
  readonly kind: "lesson" | "exercise" | "quiz" | "experiment";
  readonly title: string;
  readonly courseId: string;
  /** The lesson the evidence was earned in, when known. */
  readonly lessonId: string | null;
  readonly earnedAt: Date;
}

/** A skill level a learner has earned, with the evidence that earned it (newest first). */
export interface EarnedSkillLevel {
  readonly skillId: string;
  readonly skillTitle: string;
  readonly level: SkillLevel;
  readonly evidence: readonly EarnedEvidence[];
}

/**
 * The skill levels a learner has earned, for the credential. Today a skill's level comes from
 * the roadmap's mastery formula, so each skill with a level yields one entry (its highest level)
 * carrying all its evidence; when the roadmap lists earned levels itself, this becomes a call to
 * that function and nothing downstream changes.
 */
export async function earnedSkillLevels(
  db: Database,
  userId: string,
  now: Date = new Date(),
): Promise<EarnedSkillLevel[]> {
  const view = await learnerRoadmap(db, userId, now);
  const locate = evidenceLocator(view.content);
  return view.content.skills.flatMap((skill) => {
    const mastery = view.mastery.get(skill.id);
    if (!mastery || mastery.level === 0) return [];
    const evidence = [...mastery.evidence]
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())
      .map((e) => ({
        kind: e.kind,
        title: view.content.titles.get(e.ref) ?? e.ref,
        ...locate(e),
        earnedAt: e.createdAt,
      }));
    return [{ skillId: skill.id, skillTitle: skill.name, level: mastery.level, evidence }];
  });
}

/** The course and lesson an evidence ref (`course/lesson`, `course/cell`, `course/quiz`) sits in. */
function evidenceLocator(content: RoadmapContent) {
  const lessonBySlugPath = new Map(
    content.lessons.map((l) => [`/learn/${l.courseId}/${l.slug}`, l.id]),
  );
  return (e: Evidence): { courseId: string; lessonId: string | null } => {
    const [courseId, id] = e.ref.split("/", 2);
    if (e.kind === "lesson") return { courseId, lessonId: id };
    if (e.kind === "quiz") {
      return { courseId, lessonId: content.quizLessons.get(e.ref)?.split("/", 2)[1] ?? null };
    }
    const href = content.lessonHrefs.get(e.ref)?.split("#", 1)[0];
    return { courseId, lessonId: (href && lessonBySlugPath.get(href)) ?? null };
  };
}
