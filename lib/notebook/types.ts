/**
 * The notebook model as data. A lesson is an ordered list of blocks: prose (already rendered to
 * HTML, math included) and code cells (source text plus stable id). Run state lives elsewhere
 * (the browser, the database), keyed by the cell id, so editing prose never loses a learner's work.
 */

export interface TocEntry {
  readonly depth: 2 | 3;
  readonly text: string;
  /** Anchor id, github-slugger rules (the same rehype-slug puts on the heading). */
  readonly slug: string;
}

export interface ProseBlock {
  readonly kind: "prose";
  readonly html: string;
  /** The Markdown it was rendered from (for .ipynb export). */
  readonly markdown: string;
}

export interface CodeCellBlock {
  readonly kind: "code";
  readonly id: string;
  /**
   * "qasm": an OpenQASM circuit to run. "experiment": a declarative spec (YAML), a `---` line,
   * then an OpenQASM circuit; the spec says what to do around the circuit (train, fit, scan,
   * minimise). See lib/qml/experiments/spec.ts.
   */
  readonly language: "qasm" | "experiment";
  readonly source: string;
  /** An exercise cell: the learner's code is graded on the server. */
  readonly exercise: boolean;
  /** 1-based line of the cell's opening fence in the lesson file (for error messages). */
  readonly line: number;
}

export type NotebookBlock = ProseBlock | CodeCellBlock;

export interface LessonMeta {
  readonly id: string;
  /** URL segment: the file stem without its `NN-` prefix. */
  readonly slug: string;
  readonly courseId: string;
  readonly position: number;
  readonly title: string;
  readonly summary: string;
  readonly minutes: number;
  readonly skills: readonly string[];
  readonly objectives: readonly string[];
  /** Path of the lesson file relative to the content root. */
  readonly file: string;
}

export interface Lesson {
  readonly meta: LessonMeta;
  /** The front matter's YAML as written (comments and layout kept), for a lossless .ipynb. */
  readonly frontMatter: string;
  readonly blocks: readonly NotebookBlock[];
  readonly toc: readonly TocEntry[];
}

export interface Course {
  readonly id: string;
  readonly title: string;
  readonly summary: string;
  readonly level: "beginner" | "intermediate" | "advanced";
  readonly lessons: readonly LessonMeta[];
}

export interface Skill {
  readonly id: string;
  readonly name: string;
  readonly area: string;
  readonly description: string;
  readonly prerequisites: readonly string[];
  /** Set for a skill Ketbook cannot evidence: where to get it instead. */
  readonly elsewhere?: string;
}
