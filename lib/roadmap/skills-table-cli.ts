/**
 * Prints the per-skill evidence table and the whole-course readiness per role as Markdown, read
 * from the content: `npx tsx lib/roadmap/skills-table-cli.ts [content-dir]`.
 */
import path from "node:path";

import { loadRoadmapWithEvidence } from "./load-evidence";
import { skillsTableMarkdown, wholeCourseReadinessMarkdown } from "./skills-table";

const root = path.resolve(process.argv[2] ?? "content");
const { roadmap, sources } = await loadRoadmapWithEvidence(root);
process.stdout.write(
  [
    "# Which evidence earns each skill level",
    "",
    `Generated from ${path.relative(process.cwd(), root) || "."} by \`npx tsx lib/roadmap/skills-table-cli.ts\`. A level is earned only by evidence that names the skill in its own file; reading a lesson earns nothing. A skill's level is the highest its evidence earns.`,
    "",
    skillsTableMarkdown(roadmap.skills, sources),
    "",
    "## Readiness per role after completing the whole course",
    "",
    wholeCourseReadinessMarkdown(roadmap.skills, sources, roadmap.roles),
    "",
  ].join("\n"),
);
