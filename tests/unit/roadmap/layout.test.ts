import { describe, expect, it } from "vitest";

import { layoutSkillGraph, NODE_WIDTH } from "@/lib/roadmap/layout";

import { SKILLS } from "./fixtures";

describe("layoutSkillGraph", () => {
  const layout = layoutSkillGraph(SKILLS);

  it("places every skill once, inside the drawing, without overlaps", () => {
    expect(layout.nodes.map((n) => n.id)).toEqual(SKILLS.map((s) => s.id));
    for (const n of layout.nodes) {
      expect(n.x).toBeGreaterThanOrEqual(0);
      expect(n.y).toBeGreaterThanOrEqual(0);
      expect(n.x + n.width).toBeLessThanOrEqual(layout.width);
      expect(n.y + n.height).toBeLessThanOrEqual(layout.height);
    }
    for (const a of layout.nodes) {
      for (const b of layout.nodes) {
        if (a === b) continue;
        const apart =
          a.x + a.width <= b.x ||
          b.x + b.width <= a.x ||
          a.y + a.height <= b.y ||
          b.y + b.height <= a.y;
        expect(apart, `${a.id} overlaps ${b.id}`).toBe(true);
      }
    }
  });

  it("draws one edge per prerequisite, and puts every prerequisite left of the skill needing it", () => {
    const expected = SKILLS.flatMap((s) => s.prerequisites.map((p) => `${p}->${s.id}`)).sort();
    expect(layout.edges.map((e) => `${e.from}->${e.to}`).sort()).toEqual(expected);
    const x = new Map(layout.nodes.map((n) => [n.id, n.x]));
    for (const e of layout.edges) {
      expect(x.get(e.from)! + NODE_WIDTH).toBeLessThan(x.get(e.to)!);
      expect(e.points.length).toBeGreaterThanOrEqual(2);
    }
  });

  it("is deterministic", () => {
    expect(layoutSkillGraph(SKILLS)).toEqual(layout);
  });
});
