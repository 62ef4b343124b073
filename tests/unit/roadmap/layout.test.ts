import { readFileSync } from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";
import { parse } from "yaml";

import { nodeStatusLine, STATUSES } from "@/app/_components/roadmap/status";
import { countCrossings, countUnrelatedOverlaps } from "@/lib/roadmap/crossings";
import { textWidth } from "@/lib/roadmap/label-metrics";
import { type GraphLayout, layoutSkillGraph } from "@/lib/roadmap/layout";
import {
  META_FONT_SIZE,
  META_GAP,
  META_LINE_HEIGHT,
  NAME_FONT_SIZE,
  NAME_LINE_HEIGHT,
  NODE_TEXT_WIDTH,
  PADDING_X,
  PADDING_Y,
} from "@/lib/roadmap/node-box";
import type { RoadmapSkill } from "@/lib/roadmap/types";

import { SKILLS } from "./fixtures";

type GraphSkill = Pick<RoadmapSkill, "id" | "name" | "prerequisites">;

const REAL_SKILLS = (
  parse(readFileSync(path.join(process.cwd(), "content/roadmap/skills.yaml"), "utf8")) as {
    skills: GraphSkill[];
  }
).skills;

/**
 * Edge crossings of the drawing of content/roadmap/skills.yaml as measured when the layout moved
 * from dagre (34) to ELK (`npx tsx bench/roadmap-layout.ts`). A change to the skills or the
 * layout options that crosses more edges fails here and has to be looked at.
 */
const MEASURED_CROSSINGS = 19;

function expectReadable(skills: readonly GraphSkill[], layout: GraphLayout) {
  expect(layout.nodes.map((n) => n.id)).toEqual(skills.map((s) => s.id));
  const names = new Map(skills.map((s) => [s.id, s.name]));
  for (const n of layout.nodes) {
    // Inside the drawing.
    expect(n.x).toBeGreaterThanOrEqual(0);
    expect(n.y).toBeGreaterThanOrEqual(0);
    expect(n.x + n.width).toBeLessThanOrEqual(layout.width);
    expect(n.y + n.height).toBeLessThanOrEqual(layout.height);
    // The whole name, nothing cut, every line inside the box with its padding.
    expect(n.nameLines.join(" "), n.id).toBe(names.get(n.id)!.split(/\s+/).join(" "));
    for (const line of n.nameLines) {
      expect(textWidth(line, NAME_FONT_SIZE), `${n.id}: "${line}"`).toBeLessThanOrEqual(
        n.width - 2 * PADDING_X,
      );
    }
    expect(n.height).toBeGreaterThanOrEqual(
      2 * PADDING_Y + n.nameLines.length * NAME_LINE_HEIGHT + META_GAP + META_LINE_HEIGHT,
    );
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
  // One edge per prerequisite, each prerequisite left of the skill needing it.
  const expected = skills.flatMap((s) => s.prerequisites.map((p) => `${p}->${s.id}`)).sort();
  expect(layout.edges.map((e) => `${e.from}->${e.to}`).sort()).toEqual(expected);
  const box = new Map(layout.nodes.map((n) => [n.id, n]));
  for (const e of layout.edges) {
    const from = box.get(e.from)!;
    expect(from.x + from.width).toBeLessThan(box.get(e.to)!.x);
    expect(e.points.length).toBeGreaterThanOrEqual(2);
  }
  // No two unrelated edges drawn along one line: every edge can be followed.
  expect(countUnrelatedOverlaps(layout)).toBe(0);
}

describe("layoutSkillGraph", () => {
  it("lays out a small graph readably, the same way every time", async () => {
    const layout = await layoutSkillGraph(SKILLS);
    expectReadable(SKILLS, layout);
    expect(countCrossings(layout)).toBe(0);
    expect(await layoutSkillGraph(SKILLS)).toEqual(layout);
  });

  it("lays out the real roadmap with whole names, no overlaps and no more crossings than measured", async () => {
    const layout = await layoutSkillGraph(REAL_SKILLS);
    expectReadable(REAL_SKILLS, layout);
    expect(countCrossings(layout)).toBeLessThanOrEqual(MEASURED_CROSSINGS);
    expect(await layoutSkillGraph(REAL_SKILLS)).toEqual(layout);
  });

  it("wraps a long name onto several lines and widens the box for a word longer than a line", async () => {
    const long = "Hybrid quantum-classical workflows for the impatient";
    const word = "Pneumonoultramicroscopicsilicovolcanoconiosis";
    const layout = await layoutSkillGraph([
      { id: "long", name: long, prerequisites: [] },
      { id: "word", name: word, prerequisites: ["long"] },
    ]);
    const [longNode, wordNode] = layout.nodes;
    expect(longNode.nameLines.length).toBeGreaterThan(1);
    expect(wordNode.nameLines).toEqual([word]);
    expect(wordNode.width).toBeGreaterThan(longNode.width);
    expectReadable(
      [
        { id: "long", name: long, prerequisites: [] },
        { id: "word", name: word, prerequisites: ["long"] },
      ],
      layout,
    );
  });

  it("leaves room in every box for the longest status line", () => {
    for (const status of STATUSES) {
      for (const level of [0, 1, 2, 3]) {
        const line = nodeStatusLine(status, level);
        expect(textWidth(line, META_FONT_SIZE), line).toBeLessThanOrEqual(NODE_TEXT_WIDTH);
      }
    }
  });
});
