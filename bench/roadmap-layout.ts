/**
 * How readable the skill graph's drawing is for content/roadmap/skills.yaml: edge crossings,
 * the drawing's size and how long the layout takes. `npx tsx bench/roadmap-layout.ts`
 */
import { readFileSync } from "node:fs";
import path from "node:path";

import { parse } from "yaml";

import { countCrossings, countUnrelatedOverlaps } from "../lib/roadmap/crossings";
import { layoutSkillGraph } from "../lib/roadmap/layout";
import type { RoadmapSkill } from "../lib/roadmap/types";

const file = path.join(process.cwd(), "content/roadmap/skills.yaml");
const { skills } = parse(readFileSync(file, "utf8")) as { skills: RoadmapSkill[] };

async function main() {
  const started = performance.now();
  const layout = await layoutSkillGraph(skills);
  const ms = performance.now() - started;
  console.log(`${skills.length} skills, ${layout.edges.length} edges`);
  console.log(`edge crossings: ${countCrossings(layout)}`);
  console.log(`pairs of unrelated edges drawn along one line: ${countUnrelatedOverlaps(layout)}`);
  console.log(`drawing: ${Math.round(layout.width)} × ${Math.round(layout.height)} units`);
  console.log(`layout: ${ms.toFixed(0)} ms (first run, cold)`);
}

void main();
