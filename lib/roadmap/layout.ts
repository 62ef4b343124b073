import ELK, { type ElkNode } from "elkjs/lib/elk.bundled.js";

import { nodeLabel } from "./node-box";
import type { RoadmapSkill } from "./types";

export interface LaidOutNode {
  readonly id: string;
  /** Top-left corner and size, in SVG user units (drawn one unit to a CSS pixel). */
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  /** The skill's whole name, wrapped to the box: one entry a line. */
  readonly nameLines: readonly string[];
}

export interface LaidOutEdge {
  /** The prerequisite. */
  readonly from: string;
  readonly to: string;
  readonly points: readonly { readonly x: number; readonly y: number }[];
}

export interface GraphLayout {
  readonly width: number;
  readonly height: number;
  readonly nodes: readonly LaidOutNode[];
  readonly edges: readonly LaidOutEdge[];
}

/**
 * ELK's layered (Sugiyama) algorithm: prerequisites to the left of the skills that need them
 * (the graph is wider than deep, like a screen). Measured on content/roadmap/skills.yaml
 * (bench/roadmap-layout.ts), its edges cross 19 times where dagre's crossed 34 times:
 * - thoroughness 100 (default 7): more sweeps of the crossing minimisation; the layout is
 *   computed once per process, so the extra milliseconds do not matter;
 * - network-simplex node placement: straighter edges and a less tall drawing.
 * Edges are not merged: merging cut crossings to 8 but ran 29 pairs of unrelated edges along
 * one line, so a reader could not tell which prerequisite led where.
 * The seed is fixed, so the same skills give the same drawing on every server and request.
 */
const LAYOUT_OPTIONS: Record<string, string> = {
  "elk.algorithm": "layered",
  "elk.direction": "RIGHT",
  "elk.randomSeed": "1",
  "elk.edgeRouting": "ORTHOGONAL",
  "elk.layered.thoroughness": "100",
  "elk.layered.nodePlacement.strategy": "NETWORK_SIMPLEX",
  "elk.spacing.nodeNode": "18",
  "elk.spacing.edgeNode": "14",
  "elk.spacing.edgeEdge": "10",
  "elk.layered.spacing.nodeNodeBetweenLayers": "56",
  "elk.layered.spacing.edgeNodeBetweenLayers": "14",
  "elk.padding": "[top=16,left=16,bottom=16,right=16]",
};

const elk = new ELK();

/**
 * Lays the skill graph out with boxes sized to their full, wrapped names. Deterministic for a
 * given skill list, so the server renders it once and the markup is stable between requests.
 */
export async function layoutSkillGraph(
  skills: readonly Pick<RoadmapSkill, "id" | "name" | "prerequisites">[],
): Promise<GraphLayout> {
  const labels = new Map(skills.map((s) => [s.id, nodeLabel(s.name)]));
  const graph: ElkNode = {
    id: "roadmap",
    layoutOptions: LAYOUT_OPTIONS,
    children: skills.map((s) => ({
      id: s.id,
      width: labels.get(s.id)!.width,
      height: labels.get(s.id)!.height,
    })),
    edges: skills.flatMap((s) =>
      s.prerequisites.map((p) => ({ id: `${p}->${s.id}`, sources: [p], targets: [s.id] })),
    ),
  };
  const laid = await elk.layout(graph);

  const placed = new Map((laid.children ?? []).map((n) => [n.id, n]));
  const nodes = skills.map((skill) => {
    const node = placed.get(skill.id)!;
    const label = labels.get(skill.id)!;
    return {
      id: skill.id,
      x: node.x ?? 0,
      y: node.y ?? 0,
      width: label.width,
      height: label.height,
      nameLines: label.lines,
    };
  });
  const edges = skills.flatMap((skill) =>
    skill.prerequisites.map((prerequisite) => {
      const laidEdge = laid.edges?.find((e) => e.id === `${prerequisite}->${skill.id}`);
      const section = laidEdge?.sections?.[0];
      const points = section
        ? [section.startPoint, ...(section.bendPoints ?? []), section.endPoint]
        : [];
      return { from: prerequisite, to: skill.id, points: points.map(({ x, y }) => ({ x, y })) };
    }),
  );
  return { width: laid.width ?? 0, height: laid.height ?? 0, nodes, edges };
}
