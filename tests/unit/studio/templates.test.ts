import { readFileSync } from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";

import { loadLessonChecks } from "@/lib/grading/load-checks";
import { checkSchema, exercisesFileSchema, quizFileSchema } from "@/lib/grading/schemas";
import { memoryFiles } from "@/lib/notebook/content-files";
import { loadContent } from "@/lib/notebook/load-content";
import {
  CHECK_KINDS,
  exerciseTemplate,
  newExercisesFile,
  newLessonText,
  newQuizFile,
  QUESTION_TYPES,
  questionTemplate,
  type TemplateContext,
} from "@/lib/studio/templates";

const SKILLS_YAML = readFileSync(path.join(process.cwd(), "content/roadmap/skills.yaml"), "utf8");
const context: TemplateContext = {
  cellId: "demo-exercise",
  questionId: "demo-question",
  section: "first-steps",
  skills: ["qubits-superposition", "measurement"],
};

describe("exercise templates", () => {
  it("cover every check kind of the schema", () => {
    const schemaKinds = checkSchema.options.map((option) => option.shape.kind.value);
    expect([...CHECK_KINDS].sort()).toEqual([...schemaKinds].sort());
  });

  it.each(CHECK_KINDS)("the %s template is a valid exercise", (kind) => {
    const file = exercisesFileSchema.parse(
      parseYaml(`exercises:\n${exerciseTemplate(kind, context).text}`),
    );
    expect(file.exercises[0].check.kind).toBe(kind);
    expect(file.exercises[0].cell).toBe("demo-exercise");
  });
});

describe("quiz templates", () => {
  it("cover every question type of the schema", () => {
    const schemaTypes = quizFileSchema.shape.questions.element.options.map(
      (option) => option.shape.type.value,
    );
    expect([...QUESTION_TYPES].sort()).toEqual([...schemaTypes].sort());
  });

  it.each(QUESTION_TYPES)("the %s template is a valid question", (type) => {
    const quiz = quizFileSchema.parse(
      parseYaml(
        `id: demo-quiz\nskills: [measurement]\nquestions:\n${questionTemplate(type, context).text}`,
      ),
    );
    expect(quiz.questions[0].type).toBe(type);
  });
});

describe("a lesson made only of templates", () => {
  it("loads with every cross-check of the real loader", async () => {
    // One exercise cell per check kind; experiment checks grade experiment cells, whose starter
    // here is the check's own reference (the loader checks the cell's spec against the check).
    const exercises = CHECK_KINDS.map((kind) => {
      const cellId = `demo-${kind}`;
      const text = exerciseTemplate(kind, { ...context, cellId }).text;
      const check = (
        parseYaml(`exercises:\n${text}`) as { exercises: { check: { reference?: string } }[] }
      ).exercises[0].check;
      const experiment = kind === "accuracy" || kind === "energy" || kind === "ratio";
      const starter = experiment
        ? check.reference!.trimEnd()
        : 'OPENQASM 3.0;\ninclude "stdgates.inc";\nqubit[2] q;';
      const cell = `\`\`\`${experiment ? "experiment" : "qasm"} {#${cellId} exercise}\n${starter}\n\`\`\`\n`;
      return { text, cell };
    });
    const lesson =
      newLessonText({
        id: "demo-lesson",
        title: "Demo",
        skills: ["qubits-superposition"],
        cellId: "demo-first-cell",
      }) + exercises.map((e) => `\n${e.cell}`).join("");
    const questions = QUESTION_TYPES.map(
      (type) => questionTemplate(type, { ...context, questionId: `demo-${type}` }).text,
    );
    const quiz = newQuizFile("demo-quiz", context) + questions.join("");

    const files = memoryFiles(
      new Map([
        ["roadmap/skills.yaml", SKILLS_YAML],
        [
          "courses/demo/course.yaml",
          "id: demo\ntitle: Demo\nsummary: A demo.\nlevel: beginner\nlessons: [01-demo]\n",
        ],
        ["courses/demo/01-demo.md", lesson],
        [
          "courses/demo/01-demo.exercises.yaml",
          `exercises:\n${exercises.map((e) => e.text).join("")}`,
        ],
        ["courses/demo/01-demo.quiz.yaml", quiz],
      ]),
    );
    const checks = await loadLessonChecks(files, "demo", "01-demo", {
      library: await loadContent(files),
    });
    expect(checks.exercises.map((e) => e.check.kind)).toEqual(CHECK_KINDS);
    expect(checks.quiz?.questions.map((q) => q.type)).toEqual(["single", ...QUESTION_TYPES]);
  });

  it("new check files are valid on their own", () => {
    expect(exercisesFileSchema.parse(parseYaml(newExercisesFile(context))).exercises).toHaveLength(
      1,
    );
    expect(
      quizFileSchema.parse(parseYaml(newQuizFile("demo-quiz", context))).questions,
    ).toHaveLength(1);
  });
});
