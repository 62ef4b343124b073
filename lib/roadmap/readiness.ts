import type { SkillMastery } from "./mastery";
import type { Role, SkillLevel } from "./types";

export interface MissingSkill {
  readonly skillId: string;
  readonly required: SkillLevel;
  /** The level the learner's evidence earns now. */
  readonly level: SkillLevel | 0;
  /**
   * Whether Ketbook can evidence the required level at all: false for a skill not assessed
   * here, or one whose exercises stop below the level (then the learner must get it elsewhere).
   */
  readonly assessableHere: boolean;
}

export interface RoleReadiness {
  readonly roleId: string;
  /** 0..100, whole percent. */
  readonly percent: number;
  /** Requirements not yet evidenced, the largest gap in levels first. */
  readonly missing: readonly MissingSkill[];
  readonly met: readonly string[];
}

type Standing = Pick<SkillMastery, "level" | "assessed" | "maxLevel">;

/**
 * How ready a learner is for a role, counting only what evidence shows: each requirement counts
 * for the levels earned toward it (earned / required, capped at 1), and readiness is the mean.
 * A requirement Ketbook cannot evidence counts 0 until met, so it keeps a role below 100 % here
 * however much else is done; 100 % means every requirement is evidenced.
 */
export function roleReadiness(role: Role, standing: ReadonlyMap<string, Standing>): RoleReadiness {
  const missing: MissingSkill[] = [];
  const met: string[] = [];
  let total = 0;
  for (const { skillId, level: required } of role.requires) {
    const s = standing.get(skillId);
    const level = s?.level ?? 0;
    total += Math.min(1, level / required);
    if (level >= required) met.push(skillId);
    else
      missing.push({
        skillId,
        required,
        level,
        assessableHere: (s?.assessed ?? false) && (s?.maxLevel ?? 0) >= required,
      });
  }
  missing.sort(
    (a, b) => b.required - b.level - (a.required - a.level) || a.skillId.localeCompare(b.skillId),
  );
  const ratio = role.requires.length === 0 ? 1 : total / role.requires.length;
  // Floor, so a learner is never shown 100% while a requirement is still open.
  return { roleId: role.id, percent: Math.floor(ratio * 100 + 1e-9), missing, met };
}
