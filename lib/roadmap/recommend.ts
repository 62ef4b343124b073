import { ancestorsOf } from "./graph";
import type { SkillMastery } from "./mastery";
import { LEVEL_OF_EVIDENCE } from "./evidence-rules";
import type { EvidenceSource, LessonRef, Role, RoadmapSkill, SkillLevel } from "./types";

export interface RecommendationInput {
  readonly skills: readonly Pick<RoadmapSkill, "id" | "prerequisites">[];
  readonly lessons: readonly LessonRef[];
  readonly mastery: ReadonlyMap<string, Pick<SkillMastery, "level" | "maxLevel">>;
  /** `course/lessonId` of lessons the learner has completed. */
  readonly completedLessons: ReadonlySet<string>;
  readonly targetRole?: Role;
  /**
   * `course/lessonId` → the level each skill can reach through that lesson's own exercises and
   * quizzes (lessonReach below). When given, a lesson is recommended only for what its own
   * evidence can show, not for every skill its front matter mentions.
   */
  readonly reach?: ReadonlyMap<string, ReadonlyMap<string, SkillLevel>>;
}

export interface Recommendation {
  readonly lesson: LessonRef;
  /** Skills of the lesson that move the learner toward the goal. */
  readonly advances: readonly string[];
  /** Total levels still wanted on those skills (higher is more useful). */
  readonly gain: number;
  /** True when every lesson is completed and this one is worth another pass (quiz, exercises). */
  readonly revisit: boolean;
  /** Set when the most useful lesson needs a prerequisite first: this lesson teaches it. */
  readonly prerequisiteFor?: { readonly lesson: LessonRef; readonly skillId: string };
}

const lessonKey = (lesson: LessonRef) => `${lesson.courseId}/${lesson.id}`;

/** For each lesson (`course/lessonId`), the highest level its exercises and quizzes evidence per skill. */
export function lessonReach(
  sources: Iterable<Pick<EvidenceSource, "courseId" | "lessonId" | "type" | "skills">>,
): Map<string, Map<string, SkillLevel>> {
  const reach = new Map<string, Map<string, SkillLevel>>();
  for (const source of sources) {
    const key = `${source.courseId}/${source.lessonId}`;
    const levels = reach.get(key) ?? new Map<string, SkillLevel>();
    for (const skillId of source.skills) {
      levels.set(
        skillId,
        Math.max(levels.get(skillId) ?? 0, LEVEL_OF_EVIDENCE[source.type]) as SkillLevel,
      );
    }
    reach.set(key, levels);
  }
  return reach;
}

/**
 * The level each skill should reach. With a target role: the level the role asks for, and level
 * 1 on every skill those depend on (you cannot learn QAOA without circuits), nothing elsewhere.
 * Without one: proficiency in everything.
 */
export function skillTargets(
  skills: readonly Pick<RoadmapSkill, "id" | "prerequisites">[],
  role: Role | undefined,
): Map<string, SkillLevel> {
  if (!role) return new Map(skills.map((s) => [s.id, 3]));
  const targets = new Map<string, SkillLevel>();
  const required = role.requires.map((r) => r.skillId);
  for (const id of ancestorsOf(skills, required)) targets.set(id, 1);
  for (const { skillId, level } of role.requires) targets.set(skillId, level);
  return targets;
}

/**
 * The next best lesson: of the lessons the learner can take now, the one whose skills close the
 * largest gap in levels toward the goal (the target role, else proficiency in everything),
 * earlier lessons winning ties and unread lessons coming before a second pass over read ones.
 * A skill counts only up to the level Ketbook's exercises and quizzes can evidence — with
 * `reach`, the level the lesson's own exercises and quizzes can evidence — so no lesson is
 * recommended for a level it cannot prove.
 *
 * "Can take now" respects prerequisites: a lesson is blocked when one of its skills needs a
 * skill the lesson does not teach, the learner has not reached level 1 in, and some unread lesson
 * teaches. When the chosen lesson opens the way to a more useful blocked one, `prerequisiteFor`
 * says which. Null when no lesson would help.
 */
export function nextBestLesson(input: RecommendationInput): Recommendation | null {
  const { skills, lessons, mastery, completedLessons, targetRole, reach } = input;
  const prerequisites = new Map(skills.map((s) => [s.id, s.prerequisites]));
  const wanted = skillTargets(skills, targetRole);
  const targetOf = (id: string) => Math.min(wanted.get(id) ?? 0, mastery.get(id)?.maxLevel ?? 0);
  const levelOf = (id: string) => mastery.get(id)?.level ?? 0;
  const belowLevel1 = (id: string) => levelOf(id) < 1;
  const isDone = (lesson: LessonRef) => completedLessons.has(lessonKey(lesson));
  const unread = lessons.filter((l) => !isDone(l));

  // How far a lesson can take a skill: its own evidence's level when `reach` is given, else any
  // level (the cap by what the whole content can evidence still applies through targetOf).
  const reachOf = (lesson: LessonRef, id: string) =>
    reach ? (reach.get(lessonKey(lesson))?.get(id) ?? 0) : 3;
  const aimOf = (lesson: LessonRef, id: string) => Math.min(targetOf(id), reachOf(lesson, id));
  // With `reach`, the skills a lesson's evidence names (they need not be in its front matter).
  const skillsOf = (lesson: LessonRef): readonly string[] =>
    reach ? [...(reach.get(lessonKey(lesson))?.keys() ?? [])] : lesson.skills;
  const advancesOf = (lesson: LessonRef) =>
    skillsOf(lesson).filter((id) => aimOf(lesson, id) > levelOf(id));
  const gainOf = (lesson: LessonRef) =>
    advancesOf(lesson).reduce((sum, id) => sum + aimOf(lesson, id) - levelOf(id), 0);

  const blockersOf = (lesson: LessonRef): string[] => {
    const own = new Set(lesson.skills);
    const blockers = new Set<string>();
    for (const skillId of lesson.skills) {
      for (const p of prerequisites.get(skillId) ?? []) {
        if (own.has(p) || !belowLevel1(p)) continue;
        if (unread.some((l) => l !== lesson && l.skills.includes(p))) blockers.add(p);
      }
    }
    return [...blockers];
  };

  const ranked = lessons
    .map((lesson) => ({ lesson, gain: gainOf(lesson), done: isDone(lesson) }))
    .filter((c) => c.gain > 1e-9)
    .sort(
      (a, b) =>
        Number(a.done) - Number(b.done) || b.gain - a.gain || a.lesson.order - b.lesson.order,
    );
  const open = ranked.find((c) => !c.done && blockersOf(c.lesson).length === 0);
  // Every teacher of a missing prerequisite has a gain itself (prerequisites of the goal are
  // goals at level 1), so an open lesson exists unless lessons block each other in a ring
  // (A teaches what B needs and B what A needs); then the most useful one is still the answer.
  const chosen =
    open?.lesson ?? ranked.find((c) => !c.done)?.lesson ?? ranked.find((c) => c.done)?.lesson;
  if (!chosen) return null;

  // The most useful blocked lesson this one helps to open, and the skill that does it.
  let prerequisiteFor: Recommendation["prerequisiteFor"];
  for (const c of ranked) {
    if (c.lesson === chosen) break;
    if (c.done || blockersOf(c.lesson).length === 0) continue;
    const skillId = nearestAncestors(prerequisites, c.lesson.skills).find(
      (id) => chosen.skills.includes(id) && !c.lesson.skills.includes(id) && belowLevel1(id),
    );
    if (skillId) {
      prerequisiteFor = { lesson: c.lesson, skillId };
      break;
    }
  }
  return {
    lesson: chosen,
    advances: advancesOf(chosen),
    gain: gainOf(chosen),
    revisit: isDone(chosen),
    ...(prerequisiteFor ? { prerequisiteFor } : {}),
  };
}

/** Ancestors of `ids`, nearest first (breadth-first), so "needs X" names the closest need. */
function nearestAncestors(
  prerequisites: ReadonlyMap<string, readonly string[]>,
  ids: readonly string[],
): string[] {
  const seen = new Set(ids);
  const order: string[] = [];
  let frontier = [...ids];
  while (frontier.length > 0) {
    const next: string[] = [];
    for (const id of frontier) {
      for (const p of prerequisites.get(id) ?? []) {
        if (seen.has(p)) continue;
        seen.add(p);
        order.push(p);
        next.push(p);
      }
    }
    frontier = next;
  }
  return order;
}
