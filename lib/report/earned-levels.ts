import "server-only";

import type { Database } from "@/db/client";
import { loadLearnerRecord } from "@/db/queries/roadmap";
import { computeMastery } from "@/lib/roadmap/mastery";
import { getRoadmapContent } from "@/lib/roadmap/service";
import type { EvidenceType, SkillLevel } from "@/lib/roadmap/types";

/** How each kind of evidence reads in a credential (`quiz` earns level 1, and so on). */
const CREDENTIAL_KIND: Record<EvidenceType, EarnedEvidence["kind"]> = {
  quiz: "quiz",
  exercise: "exercise",
  "applied-practice": "experiment",
};

/** One piece of evidence behind an earned level, in the words a reader of a credential needs. */
export interface EarnedEvidence {
  /** `quiz` (level 1), `exercise` (level 2) or `experiment` (applied practice, level 3). */
  readonly kind: "exercise" | "quiz" | "experiment";
  /** The level this piece of evidence earns on its own. */
  readonly level: SkillLevel;
  readonly title: string;
  readonly courseId: string;
  /** The lesson the evidence was earned in. */
  readonly lessonId: string;
  readonly earnedAt: Date;
}

/** A skill level a learner has earned, with the evidence that earned it. */
export interface EarnedSkillLevel {
  readonly skillId: string;
  readonly skillTitle: string;
  readonly level: SkillLevel;
  /** Highest level first, then newest first. */
  readonly evidence: readonly EarnedEvidence[];
}

/**
 * The skill levels a learner has earned, for the credential and the settings page: one entry
 * per skill with a level, under the roadmap's evidence rules (lib/roadmap/evidence-rules.ts).
 * Only passed quizzes and solved exercises that declare the skill count; a skill Ketbook does
 * not assess never appears, whatever rows an older rule stored.
 */
export async function earnedSkillLevels(db: Database, userId: string): Promise<EarnedSkillLevel[]> {
  const [content, record] = await Promise.all([getRoadmapContent(), loadLearnerRecord(db, userId)]);
  const mastery = computeMastery(content.skills, content.sources, record.evidence);
  return content.skills.flatMap((skill): EarnedSkillLevel[] => {
    const m = mastery.get(skill.id)!;
    if (m.level === 0) return [];
    const evidence = [...m.evidence]
      .sort((a, b) => b.level - a.level || b.createdAt.getTime() - a.createdAt.getTime())
      .map((e) => ({
        kind: CREDENTIAL_KIND[e.type],
        level: e.level,
        title: e.source.title,
        courseId: e.source.courseId,
        lessonId: e.source.lessonId,
        earnedAt: e.createdAt,
      }));
    return [{ skillId: skill.id, skillTitle: skill.name, level: m.level, evidence }];
  });
}
