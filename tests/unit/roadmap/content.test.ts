import { readFile } from "node:fs/promises";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { loadContent } from "@/lib/notebook/load-content";
import { loadRoadmap } from "@/lib/roadmap/load";
import { validateRoadmap } from "@/lib/roadmap/validate";

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

  it("every skill has somewhere to learn it, with a lesson, an exercise and a quiz", () => {
    for (const skill of roadmap.skills) {
      expect(skill.evidence.lessons.length, skill.id).toBeGreaterThan(0);
      expect(skill.evidence.exercises.length, skill.id).toBeGreaterThan(0);
      expect(skill.evidence.quizzes.length, skill.id).toBeGreaterThan(0);
    }
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

  it("fails on evidence naming a lesson that does not exist", () => {
    const edited = skillsText.replace(
      "        - qml-foundations/qubits-and-the-bloch-sphere\n",
      "        - qml-foundations/no-such-lesson\n",
    );
    expect(validate({ skills: () => edited })).toThrow(
      `roadmap/skills.yaml:${lineOf(edited, "no-such-lesson")}: skill "linear-algebra" lists unknown lesson "qml-foundations/no-such-lesson"`,
    );
  });

  it("fails on evidence the lesson's front matter does not back", () => {
    // tool-braket's evidence gains the qubits lesson, which does not list tool-braket.
    const edited = skillsText.replace(
      /(id: tool-braket[\s\S]*?lessons:\n)/,
      "$1        - qml-foundations/qubits-and-the-bloch-sphere\n",
    );
    const line =
      edited
        .split("\n")
        .findIndex(
          (l, i, all) =>
            l.includes("qubits-and-the-bloch-sphere") &&
            all.slice(0, i).some((x) => x.includes("id: tool-braket")),
        ) + 1;
    expect(validate({ skills: () => edited })).toThrow(
      `roadmap/skills.yaml:${line}: lesson "qml-foundations/qubits-and-the-bloch-sphere" gives no evidence for "tool-braket": its lesson qml-foundations/qubits-and-the-bloch-sphere does not list the skill`,
    );
  });

  it("fails when evidence leaves out an exercise of a lesson that lists the skill", () => {
    const edited = skillsText.replace("        - qml-foundations/tools-translate-pennylane\n", "");
    expect(validate({ skills: () => edited })).toThrow(
      /^roadmap\/skills\.yaml:\d+: skill "programming-python" is missing exercise "qml-foundations\/tools-translate-pennylane" in evidence\.exercises \(lesson qml-foundations\/getting-started-with-the-tools lists the skill\)$/,
    );
  });

  it("fails on a quiz that does not exist", () => {
    const edited = skillsText.replace(
      "        - qml-foundations/qubits-quiz\n",
      "        - qml-foundations/qubits-quizz\n",
    );
    expect(validate({ skills: () => edited })).toThrow(
      `roadmap/skills.yaml:${lineOf(edited, "qubits-quizz")}: skill "linear-algebra" lists unknown quiz "qml-foundations/qubits-quizz"`,
    );
  });

  it("fails on a skill without levels, naming the field", () => {
    const edited = skillsText.replace(/    levels:\n(      - .*\n){3}/, "");
    expect(validate({ skills: () => edited })).toThrow(
      /^roadmap\/skills\.yaml:\d+: skills\.0\.levels: /,
    );
  });
});
