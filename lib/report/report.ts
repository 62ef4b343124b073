import { z } from "zod";

import { LEVEL_NAMES } from "@/lib/roadmap/types";
import type { SkillMastery } from "@/lib/roadmap/mastery";
import type { EvidenceKind, RoadmapSkill } from "@/lib/roadmap/types";

export const REPORT_FORMAT = "ketbook-skill-report/1";

/**
 * The skill report a learner shows an employer: the skills they chose to show, each with its
 * level and the dated evidence behind it. The same data renders /u/<handle>, its print view
 * and the signed JSON export.
 */
export const skillReportSchema = z
  .object({
    format: z.literal(REPORT_FORMAT),
    issuer: z.string(),
    issuedAt: z.string(),
    learner: z.object({ name: z.string(), handle: z.string().nullable() }).strict(),
    skills: z.array(
      z
        .object({
          id: z.string(),
          name: z.string(),
          level: z.number().int().min(0).max(3),
          levelName: z.string(),
          masteryPercent: z.number().int().min(0).max(100),
          evidence: z.array(
            z
              .object({
                kind: z.enum(["lesson", "exercise", "quiz"]),
                ref: z.string(),
                title: z.string(),
                score: z.number().min(0).max(1),
                earnedAt: z.string(),
              })
              .strict(),
          ),
        })
        .strict(),
    ),
  })
  .strict();
export type SkillReport = z.infer<typeof skillReportSchema>;

export interface BuildReportInput {
  readonly issuer: string;
  readonly issuedAt: Date;
  readonly learner: { readonly name: string; readonly handle: string | null };
  readonly skills: readonly Pick<RoadmapSkill, "id" | "name">[];
  readonly mastery: ReadonlyMap<string, SkillMastery>;
  /** Only these skills appear, and only if the learner has evidence for them. */
  readonly shownSkills: ReadonlySet<string>;
  /** Human titles of evidence refs (lesson, exercise, quiz); the ref itself when unknown. */
  readonly titles: ReadonlyMap<string, string>;
}

const KIND_ORDER: Record<EvidenceKind, number> = { quiz: 0, exercise: 1, lesson: 2 };

/** Skills in graph order; evidence newest first, quizzes before exercises before lessons. */
export function buildSkillReport(input: BuildReportInput): SkillReport {
  const skills = input.skills.flatMap((skill) => {
    const m = input.mastery.get(skill.id);
    if (!input.shownSkills.has(skill.id) || !m || m.evidence.length === 0) return [];
    const evidence = [...m.evidence]
      .sort(
        (a, b) =>
          b.createdAt.getTime() - a.createdAt.getTime() || KIND_ORDER[a.kind] - KIND_ORDER[b.kind],
      )
      .map((e) => ({
        kind: e.kind,
        ref: e.ref,
        title: input.titles.get(e.ref) ?? e.ref,
        score: Math.round(e.score * 1000) / 1000,
        earnedAt: e.createdAt.toISOString(),
      }));
    return [
      {
        id: skill.id,
        name: skill.name,
        level: m.level,
        levelName: LEVEL_NAMES[m.level],
        masteryPercent: Math.round(m.mastery * 100),
        evidence,
      },
    ];
  });
  return {
    format: REPORT_FORMAT,
    issuer: input.issuer,
    issuedAt: input.issuedAt.toISOString(),
    learner: { name: input.learner.name, handle: input.learner.handle },
    skills,
  };
}
