import { Graph, layout } from "@dagrejs/dagre";

import type { RoadmapSkill } from "./types";

export interface LaidOutNode {
  readonly id: string;
  /** Top-left corner and size, in SVG user units. */
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
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

export const NODE_WIDTH = 200;
export const NODE_HEIGHT = 52;
const MARGIN = 16;

/**
 * Lays the skill graph out with dagre's layered (Sugiyama) layout: prerequisites to the left
 * of the skills that need them (the graph is wider than deep, like a screen), edges routed between layers. Deterministic for a given skill list, so
 * the server can render it and the markup is stable between requests.
 */
export function layoutSkillGraph(
  skills: readonly Pick<RoadmapSkill, "id" | "prerequisites">[],
): GraphLayout {
  const graph = new Graph();
  graph.setGraph({ rankdir: "LR", nodesep: 18, ranksep: 64, marginx: MARGIN, marginy: MARGIN });
  graph.setDefaultEdgeLabel(() => ({}));
  for (const skill of skills) graph.setNode(skill.id, { width: NODE_WIDTH, height: NODE_HEIGHT });
  for (const skill of skills) {
    for (const prerequisite of skill.prerequisites) graph.setEdge(prerequisite, skill.id);
  }
  layout(graph);

  const nodes = skills.map((skill) => {
    const node = graph.node(skill.id);
    // dagre gives centres; SVG rectangles want corners.
    return {
      id: skill.id,
      x: node.x - NODE_WIDTH / 2,
      y: node.y - NODE_HEIGHT / 2,
      width: NODE_WIDTH,
      height: NODE_HEIGHT,
    };
  });
  const edges = graph.edges().map((e) => ({
    from: e.v,
    to: e.w,
    points: ((graph.edge(e) as { points?: { x: number; y: number }[] }).points ?? []).map((p) => ({
      x: p.x,
      y: p.y,
    })),
  }));
  const label = graph.graph();
  return { width: label.width ?? 0, height: label.height ?? 0, nodes, edges };
}
