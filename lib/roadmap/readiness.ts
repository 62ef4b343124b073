import { LEVEL_THRESHOLDS, type SkillMastery } from "./mastery";
import type { Role, SkillLevel } from "./types";

export interface MissingSkill {
  readonly skillId: string;
  readonly required: SkillLevel;
  /** Current mastery, 0..1. */
  readonly mastery: number;
  /** Mastery still needed to reach the required level. */
  readonly gap: number;
}

export interface RoleReadiness {
  readonly roleId: string;
  /** 0..100, whole percent. */
  readonly percent: number;
  /** Requirements not yet met, the largest gap first. */
  readonly missing: readonly MissingSkill[];
  readonly met: readonly string[];
}

/**
 * How ready a learner is for a role: each required skill counts for its mastery as a fraction of
 * the mastery its level needs (capped at 1), and the role's readiness is the mean. So 100%
 * means every requirement is met, and progress on any required skill moves the number.
 */
export function roleReadiness(
  role: Role,
  mastery: ReadonlyMap<string, Pick<SkillMastery, "mastery">>,
): RoleReadiness {
  const missing: MissingSkill[] = [];
  const met: string[] = [];
  let total = 0;
  for (const { skillId, level } of role.requires) {
    const current = mastery.get(skillId)?.mastery ?? 0;
    const needed = LEVEL_THRESHOLDS[level];
    total += Math.min(1, current / needed);
    if (current >= needed) met.push(skillId);
    else missing.push({ skillId, required: level, mastery: current, gap: needed - current });
  }
  missing.sort((a, b) => b.gap - a.gap || a.skillId.localeCompare(b.skillId));
  const ratio = role.requires.length === 0 ? 1 : total / role.requires.length;
  // Floor, so a learner is never shown 100% while a requirement is still open.
  return { roleId: role.id, percent: Math.floor(ratio * 100 + 1e-9), missing, met };
}
