import "server-only";

import type { GraphLayout } from "@/lib/roadmap/layout";
import type { LearnerRoadmap } from "@/lib/roadmap/service";
import { EVIDENCE_TYPE_NAMES } from "@/lib/roadmap/evidence-rules";
import { LEVEL_NAMES } from "@/lib/roadmap/types";

import type { GraphEdgeView, SkillView } from "./types";

/** The per-skill props of the graph, the list and the details panel for one learner. */
export function skillViews(view: LearnerRoadmap): SkillView[] {
  const { content, mastery } = view;
  const names = new Map(content.skills.map((s) => [s.id, s.name]));
  return content.skills.map((skill) => {
    const m = mastery.get(skill.id)!;
    return {
      id: skill.id,
      name: skill.name,
      area: skill.area,
      description: skill.description,
      status: m.status,
      levelName: LEVEL_NAMES[m.level],
      level: m.level,
      levels: skill.levels.map((text, i) => {
        const level = (i + 1) as 1 | 2 | 3;
        const note = m.assessed && level > m.maxLevel ? " (not assessed here yet)" : "";
        return `${LEVEL_NAMES[level]}: ${text}${note}`;
      }),
      elsewhere: skill.elsewhere ?? null,
      maxLevel: m.maxLevel,
      prerequisites: skill.prerequisites.map((id) => ({ id, name: names.get(id) ?? id })),
      learn: content.learn.get(skill.id) ?? [],
      evidence: m.evidence.map((e) => ({
        key: `${e.kind}:${e.ref}`,
        kind: e.source.kind,
        typeName: EVIDENCE_TYPE_NAMES[e.type],
        levelName: LEVEL_NAMES[e.level],
        title: content.titles.get(e.ref) ?? e.ref,
        href: content.lessonHrefs.get(e.ref) ?? null,
        scorePercent: Math.round(e.score * 100),
        date: e.createdAt.toISOString(),
      })),
    };
  });
}

export function edgeViews(layout: GraphLayout): GraphEdgeView[] {
  return layout.edges.map((e) => ({
    from: e.from,
    to: e.to,
    d: e.points
      .map((p, i) => `${i === 0 ? "M" : "L"} ${p.x.toFixed(1)} ${p.y.toFixed(1)}`)
      .join(" "),
  }));
}

export const AREA_NAMES: Record<string, string> = {
  foundations: "Foundations",
  quantum: "Quantum foundations",
  qml: "QML methods",
  nisq: "NISQ realities",
  applications: "Applications",
  tools: "Tools",
};
