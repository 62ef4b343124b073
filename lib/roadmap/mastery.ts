import { LEVEL_OF_EVIDENCE, levelFromEvidence } from "./evidence-rules";
import type {
  Evidence,
  EvidenceSource,
  EvidenceType,
  RoadmapSkill,
  SkillLevel,
  SkillStatus,
} from "./types";

/**
 * What a learner's stored evidence earns, skill by skill, under the rule of evidence-rules.ts.
 *
 * A stored row proves that its exercise was solved or its quiz passed; which skills that
 * evidences is read from the content now (the exercise's or quiz's own `skills:`), not from the
 * row's skill. So rows recorded under an older rule (every skill of the lesson) count only for
 * the skills their exercise or quiz really exercises, and an exercise whose declaration changes
 * is judged by what it exercises today. Lesson rows (reading) earn nothing; rows for exercises or
 * quizzes no longer in the content are ignored.
 */

/** One piece of evidence behind a skill's level. */
export interface EarnedEvidence extends Evidence {
  readonly type: EvidenceType;
  readonly level: SkillLevel;
  readonly source: EvidenceSource;
}

export interface SkillMastery {
  readonly skillId: string;
  readonly level: SkillLevel | 0;
  /** Share of the skill's three levels earned (level / 3), for progress bars. */
  readonly mastery: number;
  readonly status: SkillStatus;
  /** False for a skill Ketbook cannot evidence (skills.yaml `elsewhere`). */
  readonly assessed: boolean;
  /** The highest level the content can evidence for this skill (0 when none). */
  readonly maxLevel: SkillLevel | 0;
  /** The evidence behind it, newest first. */
  readonly evidence: readonly EarnedEvidence[];
  /** When the newest evidence was earned, if any. */
  readonly lastEvidenceAt: Date | null;
}

/** The highest level each skill can reach with the content's exercises and quizzes. */
export function maxLevels(
  sources: Iterable<Pick<EvidenceSource, "type" | "skills">>,
): Map<string, SkillLevel> {
  const max = new Map<string, SkillLevel>();
  for (const source of sources) {
    for (const skillId of source.skills) {
      const level = LEVEL_OF_EVIDENCE[source.type];
      if (level > (max.get(skillId) ?? 0)) max.set(skillId, level);
    }
  }
  return max;
}

/**
 * The proven exercises and quizzes among stored rows: one per ref, with the earliest date it was
 * recorded and its best score.
 */
function provenSources(
  evidence: readonly Evidence[],
  sources: ReadonlyMap<string, EvidenceSource>,
): Map<string, { source: EvidenceSource; at: Date; score: number }> {
  const proven = new Map<string, { source: EvidenceSource; at: Date; score: number }>();
  for (const row of evidence) {
    const source = sources.get(row.ref);
    if (!source || source.kind !== row.kind) continue;
    const seen = proven.get(row.ref);
    if (!seen) proven.set(row.ref, { source, at: row.createdAt, score: row.score });
    else
      proven.set(row.ref, {
        source,
        at: row.createdAt < seen.at ? row.createdAt : seen.at,
        score: Math.max(seen.score, row.score),
      });
  }
  return proven;
}

function statusFor(assessed: boolean, evidenceCount: number, level: SkillLevel | 0): SkillStatus {
  if (!assessed) return "not-assessed";
  if (evidenceCount === 0) return "not-started";
  return level === 3 ? "mastered" : "in-progress";
}

/** Every skill of the graph with the level its evidence earns. */
export function computeMastery(
  skills: readonly Pick<RoadmapSkill, "id" | "elsewhere">[],
  sources: ReadonlyMap<string, EvidenceSource>,
  evidence: readonly Evidence[],
): Map<string, SkillMastery> {
  const maxima = maxLevels(sources.values());
  const bySkill = new Map<string, EarnedEvidence[]>(skills.map((s) => [s.id, []]));
  for (const { source, at, score } of provenSources(evidence, sources).values()) {
    for (const skillId of source.skills) {
      bySkill.get(skillId)?.push({
        skillId,
        kind: source.kind,
        ref: source.ref,
        score: Math.min(1, Math.max(0, score)),
        createdAt: at,
        type: source.type,
        level: LEVEL_OF_EVIDENCE[source.type],
        source,
      });
    }
  }
  const result = new Map<string, SkillMastery>();
  for (const skill of skills) {
    const assessed = skill.elsewhere === undefined;
    // A skill not assessed here never shows as earned, whatever rows exist.
    const items = assessed ? bySkill.get(skill.id)! : [];
    items.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.level - a.level);
    const level = levelFromEvidence(items.map((e) => e.type));
    result.set(skill.id, {
      skillId: skill.id,
      level,
      mastery: level / 3,
      status: statusFor(assessed, items.length, level),
      assessed,
      maxLevel: assessed ? (maxima.get(skill.id) ?? 0) : 0,
      evidence: items,
      lastEvidenceAt: items[0]?.createdAt ?? null,
    });
  }
  return result;
}
