import type { CheckKind } from "@/lib/grading/schemas";

import type { EvidenceType, SkillLevel } from "./types";

/**
 * Which kind of evidence earns which level of a skill. The whole rule is this table: a level is
 * earned only by evidence of its kind (or a higher one) that names the skill in its own content
 * file. Reading a lesson earns nothing, and nothing is inherited from a lesson's skill tags.
 *
 * | evidence            | what it is                                                        | level |
 * | ------------------- | ----------------------------------------------------------------- | ----- |
 * | `quiz`              | a passed quiz                                                     | 1     |
 * | `exercise`          | a solved fixed-target exercise (a state, unitary, distribution,   | 2     |
 * |                     | expectation value or gradient the grader knows in advance)        |       |
 * | `applied-practice`  | a passed experiment exercise: a classifier judged on held-out     | 3     |
 * |                     | data (`accuracy`), or an open-ended optimisation judged by its    |       |
 * |                     | result (`energy`, `ratio`)                                        |       |
 *
 * A skill's level is the highest level any of its evidence earns.
 */
export type { EvidenceType };

export const LEVEL_OF_EVIDENCE: Record<EvidenceType, SkillLevel> = {
  quiz: 1,
  exercise: 2,
  "applied-practice": 3,
};

/** What each exercise check proves once passed. */
export const EVIDENCE_OF_CHECK: Record<CheckKind, Exclude<EvidenceType, "quiz">> = {
  state: "exercise",
  unitary: "exercise",
  distribution: "exercise",
  expectation: "exercise",
  gradient: "exercise",
  accuracy: "applied-practice",
  energy: "applied-practice",
  ratio: "applied-practice",
};

/** How the evidence reads on the roadmap, profiles and the printed report. */
export const EVIDENCE_TYPE_NAMES: Record<EvidenceType, string> = {
  quiz: "Passed quiz",
  exercise: "Solved exercise",
  "applied-practice": "Applied practice",
};

/** The level a set of evidence types earns: the highest one, 0 for none. */
export function levelFromEvidence(types: Iterable<EvidenceType>): SkillLevel | 0 {
  let level: SkillLevel | 0 = 0;
  for (const type of types) level = Math.max(level, LEVEL_OF_EVIDENCE[type]) as SkillLevel;
  return level;
}
