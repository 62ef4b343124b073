import { LEVEL_OF_EVIDENCE } from "./evidence-rules";
import { computeMastery } from "./mastery";
import { roleReadiness } from "./readiness";
import { LEVEL_NAMES, type EvidenceSource, type RoadmapSkill, type Role } from "./types";

const cell = (items: readonly string[]) =>
  items.length === 0 ? "— (nothing here evidences this level)" : items.join("; ");

const named = (source: EvidenceSource) =>
  source.kind === "quiz" ? source.title : `“${source.title}” (${source.lessonTitle})`;

/**
 * The per-skill table of which evidence earns each level, from the content itself: the quizzes
 * (level 1), fixed-target exercises (level 2) and experiment checks (level 3) that declare each
 * skill, and the skills not assessed here with where to get them.
 */
export function skillsTableMarkdown(
  skills: readonly RoadmapSkill[],
  sources: ReadonlyMap<string, EvidenceSource>,
): string {
  const lines = [
    "| Skill | Level 1 (Aware): passed quiz | Level 2 (Practitioner): solved exercise | Level 3 (Proficient): applied practice |",
    "| --- | --- | --- | --- |",
  ];
  const elsewhere: string[] = [];
  for (const skill of skills) {
    if (skill.elsewhere !== undefined) {
      elsewhere.push(`- **${skill.name}** (\`${skill.id}\`): ${skill.elsewhere}`);
      continue;
    }
    const byLevel = [1, 2, 3].map((level) =>
      [...sources.values()]
        .filter((s) => s.skills.includes(skill.id) && LEVEL_OF_EVIDENCE[s.type] === level)
        .map(named),
    );
    const cells = byLevel.map((items, i) =>
      items.length === 0 && byLevel.slice(i + 1).some((higher) => higher.length > 0)
        ? "— (comes with level 3 below)"
        : cell(items),
    );
    lines.push(`| ${skill.name} (\`${skill.id}\`) | ${cells.join(" | ")} |`);
  }
  return [
    ...lines,
    "",
    "Not assessed here (never shown as earned; the roadmap, careers page, /me, the public profile and the credential say so):",
    "",
    ...elsewhere,
  ].join("\n");
}

/** Each role's readiness once every exercise, quiz and experiment check of the content is done. */
export function wholeCourseReadinessMarkdown(
  skills: readonly RoadmapSkill[],
  sources: ReadonlyMap<string, EvidenceSource>,
  roles: readonly Role[],
): string {
  const at = new Date(0);
  const evidence = [...sources.values()].flatMap((s) =>
    s.skills.map((skillId) => ({ skillId, kind: s.kind, ref: s.ref, score: 1, createdAt: at })),
  );
  const mastery = computeMastery(skills, sources, evidence);
  const names = new Map(skills.map((s) => [s.id, s.name]));
  const elsewhere = new Set(skills.filter((s) => s.elsewhere !== undefined).map((s) => s.id));
  const lines = [
    "| Role | Readiness | Met | Missing (earned / required level) |",
    "| --- | --- | --- | --- |",
  ];
  for (const role of roles) {
    const r = roleReadiness(role, mastery);
    const missing = r.missing.map(
      (m) =>
        `${names.get(m.skillId)} ${m.level}/${m.required}${
          elsewhere.has(m.skillId)
            ? " (not assessed here)"
            : m.assessableHere
              ? ""
              : " (no evidence here reaches that level)"
        }`,
    );
    lines.push(
      `| ${role.name} | ${r.percent} % | ${r.met.length} of ${role.requires.length} | ${missing.join("; ")} |`,
    );
  }
  return [
    ...lines,
    "",
    `Levels: ${[1, 2, 3].map((l) => `${l} ${LEVEL_NAMES[l as 1]}`).join(", ")}.`,
  ].join("\n");
}
