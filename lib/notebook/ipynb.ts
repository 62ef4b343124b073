/**
 * A lesson as a Jupyter notebook (nbformat 4.5): prose as Markdown cells (Jupyter renders the
 * same $…$ maths), circuits as Python cells that build and run them in Qiskit, each exercise's
 * goal above its cell, and the quiz at the end as Markdown, without answers (they are checked
 * on Ketbook only).
 *
 * The notebook also carries what it takes to get the lesson file back (ipynb-import.ts): the
 * front matter as written in the notebook's metadata, each circuit cell's OpenQASM, id,
 * language and exercise flag in the cell's metadata, and a `generated` mark on the cells the
 * export adds (title, install, exercise goals, quiz), which an import leaves out.
 */
import type { PublicQuestion, PublicQuiz } from "@/lib/grading/public-quiz";
import { splitExperiment } from "@/lib/qml/experiments/spec";

import type { Lesson } from "./types";

/** What the notebook says above an exercise cell. */
export interface ExerciseGoal {
  readonly cell: string;
  readonly title: string;
  /** Markdown. */
  readonly goal: string;
}

export interface NotebookCellJson {
  cell_type: "markdown" | "code";
  id: string;
  metadata: Record<string, unknown>;
  source: string[];
  execution_count?: null;
  outputs?: unknown[];
}

export interface IpynbJson {
  nbformat: 4;
  nbformat_minor: 5;
  metadata: Record<string, unknown>;
  cells: NotebookCellJson[];
}

/** Turns one cell's OpenQASM into runnable Qiskit code, or says why it cannot. */
export type ToQiskit = (source: string, cellId: string) => { code: string } | { error: string };

/** Jupyter stores source as lines that keep their newline, except the last. */
function lines(text: string): string[] {
  const parts = text.split("\n");
  return parts
    .map((line, i) => (i < parts.length - 1 ? `${line}\n` : line))
    .filter((line, i, all) => line !== "" || i < all.length - 1);
}

/** The cells an export adds around the lesson's own, by what they are. */
export type GeneratedCell = "title" | "install" | "goal" | "quiz";

/** What a code cell's `metadata.ketbook` holds: the lesson cell it came from. */
export interface KetbookCellMetadata {
  readonly cell: string;
  readonly language: "qasm" | "experiment";
  readonly exercise: boolean;
  readonly openqasm: string;
}

const generated = (what: GeneratedCell) => ({ ketbook: { generated: what } });

const markdownCell = (
  id: string,
  text: string,
  metadata: Record<string, unknown> = {},
): NotebookCellJson => ({
  cell_type: "markdown",
  id,
  metadata,
  source: lines(text),
});

const codeCell = (
  id: string,
  code: string,
  metadata: Record<string, unknown> = {},
): NotebookCellJson => ({
  cell_type: "code",
  id,
  metadata,
  execution_count: null,
  outputs: [],
  source: lines(code),
});

/** The fallback when a circuit has no Qiskit translation: keep the OpenQASM and say why. */
function qasmFallback(source: string, reason: string): string {
  return [
    `# Ketbook could not translate this circuit to Qiskit code: ${reason}`,
    "# Its OpenQASM source is kept below; qiskit.qasm3.loads needs `pip install qiskit-qasm3-import`.",
    "from qiskit import qasm3",
    `circuit = qasm3.loads(${JSON.stringify(source)})`,
    "circuit.draw()",
  ].join("\n");
}

/** The OpenQASM of a cell: an experiment's circuit is the part below its spec's `---`. */
function circuitOf(source: string, language: string): string {
  if (language !== "experiment") return source;
  try {
    return splitExperiment(source).circuit;
  } catch {
    return source;
  }
}

/** Option letters, so a printed quiz can be answered on paper or in a cell. */
const letter = (i: number): string => String.fromCharCode(97 + i);

function questionMarkdown(question: PublicQuestion, number: number): string {
  const head = `**${number}.** ${question.prompt}`;
  switch (question.type) {
    case "single":
    case "multiple":
      return [
        head,
        "",
        ...(question.type === "multiple" && !/select all/i.test(question.prompt)
          ? ["_Select all that apply._", ""]
          : []),
        ...question.options.map((o, i) => `- (${letter(i)}) ${o.text}`),
      ].join("\n");
    case "truefalse":
      return `${head}\n\n_True or false?_`;
    case "numeric":
      return `${head}\n\n_Answer with a number._`;
    case "text":
      return `${head}\n\n_Answer in a word or a few._`;
    case "ordering":
      return [
        head,
        "",
        "_Put these in order:_",
        "",
        ...question.items.map((item) => `- ${item.text}`),
      ].join("\n");
    case "circuit":
      return `${head}\n\n\`\`\`qasm\n${question.starter.trimEnd()}\n\`\`\``;
  }
}

/** The quiz as one Markdown cell: prompts and options only (the answer-free public view). */
export function quizMarkdown(quiz: PublicQuiz, url?: string): string {
  return [
    "## Check your understanding",
    "",
    url
      ? `Answers are checked on Ketbook, with an explanation for each: ${url}`
      : "Answers are checked on Ketbook, with an explanation for each.",
    "",
    ...quiz.questions.flatMap((q, i) => [questionMarkdown(q, i + 1), ""]),
  ]
    .join("\n")
    .trimEnd();
}

export function lessonToIpynb(
  lesson: Lesson,
  options: {
    sources?: Readonly<Record<string, string>>;
    toQiskit: ToQiskit;
    url?: string;
    exercises?: readonly ExerciseGoal[];
    /** The public (answer-free) view of the lesson's quiz. */
    quiz?: PublicQuiz;
  },
): IpynbJson {
  const hasExperiments = lesson.blocks.some(
    (b) => b.kind === "code" && b.language === "experiment",
  );
  const header = [
    `# ${lesson.meta.title}`,
    "",
    lesson.meta.summary,
    "",
    ...(options.url ? [`From Ketbook: ${options.url}`, ""] : []),
    hasExperiments
      ? "The circuits below are Qiskit code generated from the lesson's OpenQASM cells, and each experiment is a Qiskit Machine Learning script that reproduces it (same data, model, optimiser and seed). Run the next cell once to install what they need."
      : "The circuits below are Qiskit code generated from the lesson's OpenQASM cells. Run the next cell once to install what they need.",
  ].join("\n");
  const cells: NotebookCellJson[] = [
    markdownCell("ketbook-title", header, generated("title")),
    codeCell(
      "ketbook-install",
      hasExperiments
        ? "%pip install --quiet qiskit qiskit-aer qiskit-machine-learning scipy"
        : "%pip install --quiet qiskit qiskit-aer",
      generated("install"),
    ),
  ];
  lesson.blocks.forEach((block, index) => {
    if (block.kind === "prose") {
      cells.push(markdownCell(`prose-${index}`, block.markdown));
      return;
    }
    const exercise = options.exercises?.find((e) => e.cell === block.id);
    if (exercise) {
      const where = options.url
        ? `\n\nCheck your answer on Ketbook: ${options.url}#cell-${block.id}`
        : "";
      cells.push(
        markdownCell(
          `goal-${block.id}`,
          `### Exercise: ${exercise.title}\n\n${exercise.goal}${where}`,
          generated("goal"),
        ),
      );
    }
    const source = options.sources?.[block.id] ?? block.source;
    const translated = options.toQiskit(source, block.id);
    const code =
      "code" in translated
        ? translated.code
        : qasmFallback(circuitOf(source, block.language), translated.error);
    const ketbook: KetbookCellMetadata = {
      cell: block.id,
      language: block.language,
      exercise: block.exercise,
      openqasm: source,
    };
    cells.push(codeCell(block.id, code, { ketbook }));
  });
  if (options.quiz)
    cells.push(
      markdownCell("ketbook-quiz", quizMarkdown(options.quiz, options.url), generated("quiz")),
    );
  return {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: {
      kernelspec: { name: "python3", display_name: "Python 3", language: "python" },
      language_info: { name: "python" },
      ketbook: {
        lesson: lesson.meta.id,
        course: lesson.meta.courseId,
        frontMatter: lesson.frontMatter,
      },
    },
    cells,
  };
}
