/**
 * Loading a lesson's check files — `NN-slug.exercises.yaml` and `NN-slug.quiz.yaml`, beside
 * `NN-slug.md` — and cross-checking them against the lesson. Every problem is a ContentError
 * with the file and line to fix, so broken checks fail the test suite, never a learner's attempt.
 *
 * Cross-checks (beyond the schemas): every exercise names an exercise cell of the lesson, every
 * exercise cell has exactly one exercise, and its check's kind fits the cell (circuit checks on
 * qasm cells, experiment checks on experiment cells, gradient checks on either); references
 * compile (an experiment check's reference parses and is of the right kind, and the check's
 * data fits it) and observables parse; question
 * ids are unique; every quiz `section` is a ##/### anchor of the lesson; option and item ids are
 * unique; answers name existing options; an ordering answer is a permutation of the item ids;
 * every exercise and quiz names the skills it evidences, each a skill of skills.yaml that Ketbook
 * can assess (not one marked `elsewhere`), none twice.
 */
import path from "node:path";

import { ContentError } from "@/lib/notebook/content-error";
import { asContentFiles, type ContentFiles } from "@/lib/notebook/content-files";
import { type ContentLibrary, loadContent } from "@/lib/notebook/load-content";
import type { Lesson, Skill } from "@/lib/notebook/types";
import { lineOfPath, parseYaml } from "@/lib/notebook/yaml-file";
import { assertNever } from "@/lib/quantum/ir";

import { normaliseText } from "./answers";
import { parseObservable } from "./check-expectation";
import { experimentCheckProblem } from "./check-experiment";
import { compileCellCircuit, type CellLanguage } from "./experiment-cell";
import { compileReference, withArticle } from "./programs";
import {
  CHECK_CELLS,
  exercisesFileSchema,
  quizFileSchema,
  type Check,
  type Exercise,
  type Question,
  type Quiz,
} from "./schemas";

/** An exercise with its cell's starter code (the source the learner starts from). */
export interface LessonExercise extends Exercise {
  readonly starter: string;
  readonly language: CellLanguage;
}

export interface LessonChecks {
  readonly lesson: Lesson;
  /** Empty when the lesson has no exercises file. */
  readonly exercises: readonly LessonExercise[];
  readonly quiz?: Quiz;
  /** Paths relative to the content root, for messages. */
  readonly exercisesFile?: string;
  readonly quizFile?: string;
}

export interface LoadChecksOptions {
  /** An already loaded library (saves reloading all content for each lesson). */
  readonly library?: ContentLibrary;
}

/**
 * Reads and validates the check files of lesson `stem` in `courses/<courseDir>/`.
 * Throws ContentError for any problem, including a lesson that does not exist.
 */
export async function loadLessonChecks(
  root: string | ContentFiles,
  courseDir: string,
  stem: string,
  options: LoadChecksOptions = {},
): Promise<LessonChecks> {
  const contentRoot = asContentFiles(root);
  const library = options.library ?? (await loadContent(contentRoot));
  const dir = path.posix.join("courses", courseDir);
  const lessonFile = path.posix.join(dir, `${stem}.md`);
  const lesson = [...library.lessons.values()].find((l) => l.meta.file === lessonFile);
  if (!lesson) {
    throw new ContentError(lessonFile, 1, `no lesson ${stem} in the course in ${dir}`);
  }

  const exercisesFile = path.posix.join(dir, `${stem}.exercises.yaml`);
  const exercisesText = await contentRoot.read(exercisesFile);
  const exercises =
    exercisesText === undefined
      ? []
      : checkExercises(exercisesText, exercisesFile, lesson, library.skills);
  if (exercisesText === undefined) {
    const cell = lesson.blocks.find((b) => b.kind === "code" && b.exercise);
    if (cell?.kind === "code") {
      throw new ContentError(
        lessonFile,
        cell.line,
        `exercise cell "${cell.id}" has no check: ${exercisesFile} does not exist`,
      );
    }
  }

  const quizFile = path.posix.join(dir, `${stem}.quiz.yaml`);
  const quizText = await contentRoot.read(quizFile);
  const quiz =
    quizText === undefined ? undefined : checkQuiz(quizText, quizFile, lesson, library.skills);

  return {
    lesson,
    exercises,
    ...(quiz ? { quiz, quizFile } : {}),
    ...(exercisesText === undefined ? {} : { exercisesFile }),
  };
}

/**
 * Compiles the check's reference and parses its observable; an experiment check's reference must
 * parse and be of the right kind. Errors point at the field.
 */
function checkCheckData(
  check: Check,
  language: CellLanguage,
  text: string,
  file: string,
  at: (string | number)[],
): void {
  const fail = (field: string, error: unknown): never => {
    const message = error instanceof Error ? error.message : String(error);
    throw new ContentError(file, lineOfPath(text, [...at, field]), message, { cause: error });
  };
  if (check.kind === "expectation" || check.kind === "gradient") {
    try {
      parseObservable(check.observable);
    } catch (error) {
      fail("observable", error);
    }
  }
  switch (check.kind) {
    case "accuracy":
    case "energy":
    case "ratio": {
      const problem = experimentCheckProblem(check);
      if (problem) fail(problem.field, new Error(problem.message));
      return;
    }
    case "gradient": {
      if (!(check.input in check.at)) {
        fail("at", new Error(`\`at\` gives no value for the input \`${check.input}\``));
      }
      if (check.reference === undefined) return;
      const compiled = compileCellCircuit(check.reference, language, undefined);
      if (!compiled.ok) {
        const where = compiled.error.line === undefined ? "" : ` (line ${compiled.error.line})`;
        fail(
          "reference",
          new Error(`the check's reference does not compile${where}: ${compiled.error.message}`),
        );
      }
      return;
    }
    case "state":
    case "unitary":
    case "distribution":
    case "expectation":
      if (check.reference === undefined) return;
      try {
        compileReference(check.reference, {});
      } catch (error) {
        fail("reference", error);
      }
      return;
    default:
      assertNever(check, "check");
  }
}

/** A check's kind must fit its cell: circuit checks on qasm cells, experiment checks on experiments. */
function checkCellLanguage(
  check: Check,
  language: CellLanguage,
  cellId: string,
  text: string,
  file: string,
  at: (string | number)[],
): void {
  const wanted = CHECK_CELLS[check.kind];
  if (wanted === "either" || wanted === language) return;
  throw new ContentError(
    file,
    lineOfPath(text, [...at, "kind"]),
    wanted === "experiment"
      ? `${withArticle(check.kind)} check grades an experiment, but cell "${cellId}" is a qasm cell: write \`\`\`experiment {#${cellId} exercise}`
      : `${withArticle(check.kind)} check grades a circuit, but cell "${cellId}" is an experiment cell (its checks: accuracy, energy, ratio, gradient)`,
  );
}

/**
 * The skills an exercise or quiz declares must exist and be assessable here: a skill with an
 * `elsewhere` in skills.yaml (an SDK, real hardware) is never earned on Ketbook.
 */
function checkEvidencedSkills(
  declared: readonly string[],
  skills: readonly Skill[],
  text: string,
  file: string,
  at: (string | number)[],
): void {
  const known = new Map(skills.map((s) => [s.id, s]));
  const seen = new Set<string>();
  declared.forEach((id, j) => {
    const line = lineOfPath(text, [...at, j]);
    const skill = known.get(id);
    if (!skill) {
      throw new ContentError(file, line, `unknown skill "${id}" (not in roadmap/skills.yaml)`);
    }
    if (skill.elsewhere !== undefined) {
      throw new ContentError(
        file,
        line,
        `skill "${id}" is not assessed here (skills.yaml sends learners elsewhere for it), so nothing on Ketbook can evidence it`,
      );
    }
    if (seen.has(id)) throw new ContentError(file, line, `skill "${id}" is listed twice`);
    seen.add(id);
  });
}

function checkExercises(
  text: string,
  file: string,
  lesson: Lesson,
  skills: readonly Skill[],
): LessonExercise[] {
  const { exercises } = parseYaml(text, file, exercisesFileSchema);
  const cells = new Map(
    lesson.blocks.flatMap((b) => (b.kind === "code" ? [[b.id, b] as const] : [])),
  );
  const seen = new Set<string>();
  const out = exercises.map((exercise, index): LessonExercise => {
    const line = lineOfPath(text, ["exercises", index, "cell"]);
    const cell = cells.get(exercise.cell);
    if (!cell) {
      throw new ContentError(file, line, `cell "${exercise.cell}" is not in ${lesson.meta.file}`);
    }
    if (!cell.exercise) {
      throw new ContentError(
        file,
        line,
        `cell "${exercise.cell}" is not an exercise cell: write \`\`\`${cell.language} {#${exercise.cell} exercise} in ${lesson.meta.file}`,
      );
    }
    if (seen.has(exercise.cell)) {
      throw new ContentError(file, line, `cell "${exercise.cell}" has two exercises`);
    }
    seen.add(exercise.cell);
    checkEvidencedSkills(exercise.skills, skills, text, file, ["exercises", index, "skills"]);
    const at = ["exercises", index, "check"];
    checkCellLanguage(exercise.check, cell.language, cell.id, text, file, at);
    checkCheckData(exercise.check, cell.language, text, file, at);
    return { ...exercise, starter: cell.source, language: cell.language };
  });
  for (const cell of cells.values()) {
    if (cell.exercise && !seen.has(cell.id)) {
      throw new ContentError(
        lesson.meta.file,
        cell.line,
        `exercise cell "${cell.id}" has no entry in ${file}`,
      );
    }
  }
  return out;
}

function checkQuiz(text: string, file: string, lesson: Lesson, skills: readonly Skill[]): Quiz {
  const quiz = parseYaml(text, file, quizFileSchema);
  checkEvidencedSkills(quiz.skills, skills, text, file, ["skills"]);
  const sections = new Set(lesson.toc.map((t) => t.slug));
  const ids = new Set<string>();
  quiz.questions.forEach((q, index) => {
    const at = (...rest: (string | number)[]) => lineOfPath(text, ["questions", index, ...rest]);
    if (ids.has(q.id)) throw new ContentError(file, at("id"), `duplicate question id "${q.id}"`);
    ids.add(q.id);
    if (!sections.has(q.section)) {
      throw new ContentError(
        file,
        at("section"),
        `section "${q.section}" is not a ## or ### heading anchor of ${lesson.meta.file} (anchors: ${[...sections].join(", ")})`,
      );
    }
    const problem = answerProblem(q);
    if (problem) throw new ContentError(file, at(...problem.path), problem.message);
    if (q.type === "circuit") {
      checkCheckData(q.check, "qasm", text, file, ["questions", index, "check"]);
    }
  });
  return quiz;
}

/** What is wrong between a question's options/items and its answer, if anything. */
function answerProblem(q: Question): { path: (string | number)[]; message: string } | undefined {
  const choices =
    q.type === "single" || q.type === "multiple" ? q.options : q.type === "ordering" ? q.items : [];
  const field = q.type === "ordering" ? "items" : "options";
  const ids = new Set<string>();
  for (const [i, choice] of choices.entries()) {
    if (ids.has(choice.id))
      return {
        path: [field, i, "id"],
        message: `duplicate ${field === "items" ? "item" : "option"} id "${choice.id}"`,
      };
    ids.add(choice.id);
  }
  switch (q.type) {
    case "single":
      return ids.has(q.answer)
        ? undefined
        : {
            path: ["answer"],
            message: `answer "${q.answer}" is not an option id (${[...ids].join(", ")})`,
          };
    case "multiple": {
      const unknown = q.answer.find((a) => !ids.has(a));
      if (unknown !== undefined)
        return {
          path: ["answer"],
          message: `answer "${unknown}" is not an option id (${[...ids].join(", ")})`,
        };
      if (new Set(q.answer).size !== q.answer.length)
        return { path: ["answer"], message: "the answer lists an option twice" };
      return undefined;
    }
    case "ordering": {
      const sorted = (xs: readonly string[]) => [...xs].sort().join(",");
      return sorted(q.answer) === sorted([...ids])
        ? undefined
        : {
            path: ["answer"],
            message: `the answer must list every item id exactly once (${[...ids].join(", ")})`,
          };
    }
    case "text":
      return q.answer.every((a) => normaliseText(a) !== "")
        ? undefined
        : { path: ["answer"], message: "an accepted answer is empty once normalised" };
    case "truefalse":
    case "numeric":
    case "circuit":
      return undefined;
    default:
      return assertNever(q, "question");
  }
}
