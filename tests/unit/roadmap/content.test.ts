import { readFile } from "node:fs/promises";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { loadContent } from "@/lib/notebook/load-content";
import { checkEvidenceCoverage } from "@/lib/roadmap/evidence-catalogue";
import { loadRoadmap } from "@/lib/roadmap/load";
import { validateRoadmap } from "@/lib/roadmap/validate";

import { loadRealEvidence } from "../../support/real-evidence";

/**
 * The shipped roadmap loads, covers what the issue asks, and every kind of broken roadmap fails
 * with the file and line an author should look at.
 */
const CONTENT = path.join(process.cwd(), "content");
const library = await loadContent(CONTENT);
const roadmap = await loadRoadmap(CONTENT, library);
const skillsText = await readFile(path.join(CONTENT, "roadmap/skills.yaml"), "utf8");
const rolesText = await readFile(path.join(CONTENT, "roadmap/roles.yaml"), "utf8");
// Quiz id → its lesson, read from the quiz files as the real loader does.
const realQuizzes = new Map<string, string>();
for (const course of library.courses) {
  for (const lesson of course.lessons) {
    const text = await readFile(
      path.join(CONTENT, lesson.file.replace(/\.md$/, ".quiz.yaml")),
      "utf8",
    );
    realQuizzes.set(`${course.id}/${/^id: (\S+)/m.exec(text)![1]}`, `${course.id}/${lesson.id}`);
  }
}

function validate(edit: { skills?: (t: string) => string; roles?: (t: string) => string }) {
  return () =>
    validateRoadmap({
      skillsText: (edit.skills ?? ((t) => t))(skillsText),
      rolesText: (edit.roles ?? ((t) => t))(rolesText),
      library,
      quizzes: realQuizzes,
    });
}

const lineOf = (text: string, needle: string) =>
  text.slice(0, text.indexOf(needle)).split("\n").length;

describe("content/roadmap", () => {
  it("loads with every area and tool the issue names, and five roles", () => {
    expect(validate({})().skills).toHaveLength(roadmap.skills.length);
    const ids = roadmap.skills.map((s) => s.id);
    for (const id of [
      "linear-algebra",
      "probability-statistics",
      "calculus-optimization",
      "programming-python",
      "classical-ml",
      "qubits-superposition",
      "entanglement",
      "measurement",
      "gates-circuits",
      "parameterized-circuits",
      "quantum-kernels",
      "vqe",
      "qaoa",
      "hybrid-workflows",
      "data-encoding",
      "noise-decoherence",
      "error-correction",
      "app-chemistry",
      "app-finance",
      "app-optimization",
      "tool-qiskit",
      "tool-pennylane",
      "tool-cirq-tfq",
      "tool-braket",
    ]) {
      expect(ids).toContain(id);
    }
    expect(roadmap.roles.map((r) => r.id)).toEqual([
      "qml-researcher",
      "quantum-software-engineer",
      "quantum-finance-algorithm-engineer",
      "quantum-life-sciences-scientist",
      "qml-engineer",
    ]);
  });

  it("every skill is evidenced by an exercise or quiz, or says where to get it elsewhere", async () => {
    const { sources } = await loadRealEvidence();
    expect(() => checkEvidenceCoverage(roadmap.skills, sources, roadmap.skillLines)).not.toThrow();
    for (const skill of roadmap.skills) {
      const evidenced = [...sources.values()].some((s) => s.skills.includes(skill.id));
      expect(evidenced !== (skill.elsewhere !== undefined), skill.id).toBe(true);
    }
    // The SDKs and Python are not assessed here.
    expect(roadmap.skills.filter((s) => s.elsewhere).map((s) => s.id)).toEqual([
      "programming-python",
      "tool-qiskit",
      "tool-pennylane",
      "tool-cirq-tfq",
      "tool-braket",
    ]);
  });

  it("fails on a skill nothing evidences and that names no elsewhere, at its line", async () => {
    const { sources } = await loadRealEvidence();
    const withoutQaoa = new Map(
      [...sources].map(([ref, s]) => [ref, { skills: s.skills.filter((id) => id !== "qaoa") }]),
    );
    expect(() => checkEvidenceCoverage(roadmap.skills, withoutQaoa, roadmap.skillLines)).toThrow(
      `roadmap/skills.yaml:${lineOf(skillsText, "id: qaoa")}: no exercise or quiz evidences skill "qaoa"`,
    );
  });

  it("fails on a role requiring an unknown skill, at its line in roles.yaml", () => {
    const edited = rolesText.replace("{ skill: vqe, level: 3 }", "{ skill: vqe-typo, level: 3 }");
    expect(validate({ roles: () => edited })).toThrow(
      `roadmap/roles.yaml:${lineOf(edited, "vqe-typo")}: role "quantum-life-sciences-scientist" requires unknown skill "vqe-typo"`,
    );
  });

  it("fails on a prerequisite cycle, at the prerequisite that closes it", () => {
    // linear-algebra → classical-ml → linear-algebra
    const edited = skillsText.replace(
      /(id: linear-algebra[\s\S]*?prerequisites: )\[\]/,
      "$1[classical-ml]",
    );
    expect(validate({ skills: () => edited })).toThrow(
      `roadmap/skills.yaml:${lineOf(edited, "[classical-ml]")}: prerequisite cycle: linear-algebra → classical-ml → linear-algebra`,
    );
  });

  it("fails on a skill without levels, naming the field", () => {
    const edited = skillsText.replace(/    levels:\n(      - .*\n){3}/, "");
    expect(validate({ skills: () => edited })).toThrow(
      /^roadmap\/skills\.yaml:\d+: skills\.0\.levels: /,
    );
  });
});
