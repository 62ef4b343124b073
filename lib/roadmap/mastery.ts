import type { Evidence, EvidenceKind, RoadmapSkill, SkillLevel, SkillStatus } from "./types";

/**
 * Mastery of a skill is a number in [0, 1] built from three kinds of evidence, each capped so
 * that no single kind can carry a skill alone:
 *
 *   mastery = 0.25 · min(1, lessons / 1) + 0.35 · min(1, exercises / 2) + 0.4 · min(1, quizzes / 1)
 *
 * where each sum adds the evidence scores weighted by recency. Reading is worth least and a
 * passed quiz most, because a quiz is the only evidence graded on the skill's ideas as a whole.
 * One lesson, two exercises and a perfect quiz make a skill fully mastered.
 */
export const KIND_WEIGHT: Record<EvidenceKind, number> = {
  lesson: 0.25,
  exercise: 0.35,
  quiz: 0.4,
};
/** How much weighted evidence of each kind saturates its share. */
export const KIND_CAP: Record<EvidenceKind, number> = { lesson: 1, exercise: 2, quiz: 1 };

/** Evidence loses half its weight per year, but never counts for less than half: skills fade,
 * they do not vanish. */
export const HALF_LIFE_DAYS = 365;
export const MIN_RECENCY = 0.5;

/** Mastery needed for each level; a skill at level 3 is "mastered". */
export const LEVEL_THRESHOLDS: Record<SkillLevel, number> = { 1: 0.2, 2: 0.5, 3: 0.85 };

const DAY_MS = 86_400_000;

export interface SkillMastery {
  readonly skillId: string;
  /** 0..1 */
  readonly mastery: number;
  readonly level: SkillLevel | 0;
  readonly status: SkillStatus;
  /** The evidence behind it, newest first. */
  readonly evidence: readonly Evidence[];
  /** When the newest evidence was earned, if any. */
  readonly lastEvidenceAt: Date | null;
}

/** Weight of evidence earned at `at`, seen from `now` (future dates count as now). */
export function recencyWeight(at: Date, now: Date): number {
  const ageDays = Math.max(0, (now.getTime() - at.getTime()) / DAY_MS);
  return Math.max(MIN_RECENCY, 0.5 ** (ageDays / HALF_LIFE_DAYS));
}

export function levelFor(mastery: number): SkillLevel | 0 {
  if (mastery >= LEVEL_THRESHOLDS[3]) return 3;
  if (mastery >= LEVEL_THRESHOLDS[2]) return 2;
  if (mastery >= LEVEL_THRESHOLDS[1]) return 1;
  return 0;
}

function statusFor(evidenceCount: number, level: SkillLevel | 0): SkillStatus {
  if (evidenceCount === 0) return "not-started";
  return level === 3 ? "mastered" : "in-progress";
}

/**
 * Mastery of every skill of the graph from the learner's evidence. Evidence for skills not in
 * the graph (a skill removed from content) is ignored; scores are clamped to [0, 1].
 */
export function computeMastery(
  skills: readonly Pick<RoadmapSkill, "id">[],
  evidence: readonly Evidence[],
  now: Date,
): Map<string, SkillMastery> {
  const bySkill = new Map<string, Evidence[]>(skills.map((s) => [s.id, []]));
  for (const item of evidence) bySkill.get(item.skillId)?.push(item);

  const result = new Map<string, SkillMastery>();
  for (const [skillId, items] of bySkill) {
    const sums: Record<EvidenceKind, number> = { lesson: 0, exercise: 0, quiz: 0 };
    for (const item of items) {
      const score = Math.min(1, Math.max(0, item.score));
      sums[item.kind] += score * recencyWeight(item.createdAt, now);
    }
    let mastery = 0;
    for (const kind of Object.keys(sums) as EvidenceKind[]) {
      mastery += KIND_WEIGHT[kind] * Math.min(1, sums[kind] / KIND_CAP[kind]);
    }
    // Round away float dust so 0.25 + 0.35 + 0.4 is exactly 1 and thresholds compare cleanly.
    mastery = Math.round(mastery * 1e9) / 1e9;
    const sorted = [...items].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
    const level = levelFor(mastery);
    result.set(skillId, {
      skillId,
      mastery,
      level,
      status: statusFor(items.length, level),
      evidence: sorted,
      lastEvidenceAt: sorted[0]?.createdAt ?? null,
    });
  }
  return result;
}
