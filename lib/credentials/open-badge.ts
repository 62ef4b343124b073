import type { EarnedSkillLevel } from "@/lib/report/earned-levels";
import { LEVEL_NAMES } from "@/lib/roadmap/types";

export const VC_V2_CONTEXT = "https://www.w3.org/ns/credentials/v2";
export const OPEN_BADGES_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";

const EVIDENCE_GENRE: Record<EarnedSkillLevel["evidence"][number]["kind"], string> = {
  exercise: "Exercise solved",
  quiz: "Quiz passed",
  experiment: "Experiment check passed",
};

export interface CredentialContext {
  /** The site's origin, e.g. https://ketbook.example: achievement, evidence and status URLs. */
  readonly origin: string;
  readonly issuerDid: string;
  readonly issuedAt: Date;
  readonly learnerName: string;
}

/**
 * One Open Badges 3.0 `OpenBadgeCredential` for one earned skill level: the achievement is
 * "<skill>: <level name>", the learner is named by an IdentityObject (learners have no DID), and
 * each piece of evidence is listed with its title, kind and the date it was earned.
 */
export function skillLevelCredential(
  context: CredentialContext,
  earned: EarnedSkillLevel,
  options: {
    readonly id: string;
    readonly levelDescription: string | undefined;
    readonly credentialStatus: Record<string, unknown>;
  },
): Record<string, unknown> {
  const { origin } = context;
  const levelName = LEVEL_NAMES[earned.level];
  const title = `${earned.skillTitle}: ${levelName}`;
  return {
    "@context": [VC_V2_CONTEXT, OPEN_BADGES_CONTEXT],
    id: options.id,
    type: ["VerifiableCredential", "OpenBadgeCredential"],
    name: title,
    issuer: { id: context.issuerDid, type: ["Profile"], name: "Ketbook", url: origin },
    validFrom: context.issuedAt.toISOString(),
    credentialSubject: {
      type: ["AchievementSubject"],
      name: context.learnerName,
      identifier: [
        {
          type: "IdentityObject",
          identityType: "name",
          hashed: false,
          identityHash: context.learnerName,
        },
      ],
      achievement: {
        id: `${origin}/roadmap#skill-${earned.skillId}-level-${earned.level}`,
        type: ["Achievement"],
        achievementType: "Competency",
        name: title,
        description:
          options.levelDescription ??
          `Level ${earned.level} (${levelName}) of the skill “${earned.skillTitle}” on Ketbook's roadmap.`,
        criteria: {
          narrative: `Earned on Ketbook only by graded work that names this skill: a passed quiz earns level 1, a solved exercise level 2, and an experiment check passed on held-out data or an open-ended optimisation level 3. The work is listed in this credential with the date each was earned.`,
        },
        humanCode: `${earned.skillId}/${earned.level}`,
      },
    },
    evidence: earned.evidence.map((e) => ({
      type: ["Evidence"],
      name: e.title,
      genre: EVIDENCE_GENRE[e.kind],
      description: `${EVIDENCE_GENRE[e.kind]} on ${e.earnedAt.toISOString()}`,
    })),
    credentialStatus: options.credentialStatus,
  };
}

/**
 * What a learner downloads: an unsigned W3C VerifiablePresentation holding one signed
 * OpenBadgeCredential per earned skill level. Each credential verifies on its own, so a wallet
 * can keep any of them; the presentation itself is only the envelope.
 */
export function credentialBundle(
  id: string,
  credentials: readonly Record<string, unknown>[],
): Record<string, unknown> {
  return {
    "@context": [VC_V2_CONTEXT],
    id,
    type: ["VerifiablePresentation"],
    verifiableCredential: credentials,
  };
}
