import { describe, expect, it } from "vitest";

import { loadRoadmapWithEvidence } from "@/lib/roadmap/load-evidence";
import { skillsTableMarkdown } from "@/lib/roadmap/skills-table";

describe("skillsTableMarkdown", () => {
  it("has a row per assessed skill naming its evidence, and lists the rest as not assessed here", async () => {
    const { roadmap, sources } = await loadRoadmapWithEvidence(`${process.cwd()}/content`);
    const table = skillsTableMarkdown(roadmap.skills, sources);
    for (const skill of roadmap.skills) {
      const line = table.split("\n").find((l) => l.includes(`(\`${skill.id}\`)`))!;
      expect(line, skill.id).toBeDefined();
      if (skill.elsewhere !== undefined) expect(line).toContain(skill.elsewhere);
      else expect(line.startsWith("| "), skill.id).toBe(true);
    }
    for (const source of sources.values()) expect(table).toContain(source.title);
    expect(table).toContain("| Parameterised circuits and QNNs (`parameterized-circuits`) |");
  });
});
