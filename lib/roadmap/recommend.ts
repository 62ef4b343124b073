import { ancestorsOf } from "./graph";
import { LEVEL_THRESHOLDS, type SkillMastery } from "./mastery";
import type { LessonRef, Role, RoadmapSkill } from "./types";

export interface RecommendationInput {
  readonly skills: readonly Pick<RoadmapSkill, "id" | "prerequisites">[];
  readonly lessons: readonly LessonRef[];
  readonly mastery: ReadonlyMap<string, Pick<SkillMastery, "mastery">>;
  /** `course/lessonId` of lessons the learner has completed. */
  readonly completedLessons: ReadonlySet<string>;
  readonly targetRole?: Role;
}

export interface Recommendation {
  readonly lesson: LessonRef;
  /** Skills of the lesson that move the learner toward the goal. */
  readonly advances: readonly string[];
  /** Total mastery still wanted on those skills (higher is more useful). */
  readonly gain: number;
  /** True when every lesson is completed and this one is worth another pass (quiz, exercises). */
  readonly revisit: boolean;
  /** Set when the most useful lesson needs a prerequisite first: this lesson teaches it. */
  readonly prerequisiteFor?: { readonly lesson: LessonRef; readonly skillId: string };
}

const lessonKey = (lesson: LessonRef) => `${lesson.courseId}/${lesson.id}`;

/**
 * Mastery each skill should reach. With a target role: the level the role asks for, and level 1
 * on every skill those depend on (you cannot learn QAOA without circuits), nothing elsewhere.
 * Without one: proficiency in everything.
 */
export function skillTargets(
  skills: readonly Pick<RoadmapSkill, "id" | "prerequisites">[],
  role: Role | undefined,
): Map<string, number> {
  if (!role) return new Map(skills.map((s) => [s.id, LEVEL_THRESHOLDS[3]]));
  const targets = new Map<string, number>();
  const required = role.requires.map((r) => r.skillId);
  for (const id of ancestorsOf(skills, required)) targets.set(id, LEVEL_THRESHOLDS[1]);
  for (const { skillId, level } of role.requires) targets.set(skillId, LEVEL_THRESHOLDS[level]);
  return targets;
}

/**
 * The next best lesson: the one whose skills close the largest gap toward the goal (the target
 * role, else mastery of everything), earlier lessons winning ties and unread lessons coming
 * before a second pass over read ones. Prerequisites are respected: a lesson whose skills need a
 * skill it does not teach, which the learner has not reached level 1 in and some unread lesson
 * teaches, is blocked, and the lesson teaching that prerequisite is recommended instead
 * (following the chain back as far as needed). Null when no lesson would help.
 */
export function nextBestLesson(input: RecommendationInput): Recommendation | null {
  const { skills, lessons, mastery, completedLessons, targetRole } = input;
  const prerequisites = new Map(skills.map((s) => [s.id, s.prerequisites]));
  const targets = skillTargets(skills, targetRole);
  const masteryOf = (id: string) => mastery.get(id)?.mastery ?? 0;
  const isDone = (lesson: LessonRef) => completedLessons.has(lessonKey(lesson));
  const unread = lessons.filter((l) => !isDone(l));

  const advancesOf = (lesson: LessonRef) =>
    lesson.skills.filter((id) => (targets.get(id) ?? 0) > masteryOf(id));
  const gainOf = (lesson: LessonRef) =>
    advancesOf(lesson).reduce((sum, id) => sum + (targets.get(id) ?? 0) - masteryOf(id), 0);

  const blockersOf = (lesson: LessonRef): string[] => {
    const own = new Set(lesson.skills);
    const blockers = new Set<string>();
    for (const skillId of lesson.skills) {
      for (const p of prerequisites.get(skillId) ?? []) {
        if (own.has(p) || masteryOf(p) >= LEVEL_THRESHOLDS[1]) continue;
        if (unread.some((l) => l !== lesson && l.skills.includes(p))) blockers.add(p);
      }
    }
    return [...blockers];
  };

  // Depth-first back along prerequisites to the first lesson the learner can take now.
  const resolve = (
    lesson: LessonRef,
    visited: Set<LessonRef>,
  ): { lesson: LessonRef; skillId?: string } | undefined => {
    visited.add(lesson);
    const blockers = blockersOf(lesson);
    if (blockers.length === 0) return { lesson };
    for (const skillId of blockers) {
      const teachers = unread
        .filter((l) => !visited.has(l) && l.skills.includes(skillId))
        .sort((a, b) => a.order - b.order);
      for (const teacher of teachers) {
        const found = resolve(teacher, visited);
        if (found) return { lesson: found.lesson, skillId: found.skillId ?? skillId };
      }
    }
    return undefined;
  };

  const ranked = lessons
    .map((lesson) => ({ lesson, gain: gainOf(lesson), done: isDone(lesson) }))
    .filter((c) => c.gain > 1e-9)
    .sort(
      (a, b) =>
        Number(a.done) - Number(b.done) || b.gain - a.gain || a.lesson.order - b.lesson.order,
    );

  for (const candidate of ranked) {
    const found = candidate.done
      ? { lesson: candidate.lesson }
      : resolve(candidate.lesson, new Set());
    if (!found) continue;
    const chosen = found.lesson;
    return {
      lesson: chosen,
      advances: advancesOf(chosen),
      gain: gainOf(chosen),
      revisit: isDone(chosen),
      ...(chosen !== candidate.lesson && found.skillId
        ? { prerequisiteFor: { lesson: candidate.lesson, skillId: found.skillId } }
        : {}),
    };
  }
  return null;
}
