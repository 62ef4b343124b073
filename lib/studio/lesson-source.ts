/**
 * A lesson's Markdown as an editable list of cells: front matter, then prose chunks and fenced
 * ```qasm / ```experiment cells, in order. `joinLesson(splitLesson(text)) === text` for any text,
 * so the studio's cell toolbar (add, move, duplicate, delete) rewrites only what it acts on and
 * leaves every other byte the author wrote alone.
 *
 * Cells are found with the same Markdown parser as lib/notebook/parse-lesson.ts (top-level code
 * blocks whose language is qasm or experiment), so what is a cell here is a cell on the page.
 */
import type { Root } from "mdast";
import remarkFrontmatter from "remark-frontmatter";
import remarkGfm from "remark-gfm";
import remarkMath from "remark-math";
import remarkParse from "remark-parse";
import { unified } from "unified";

const markdownParser = unified()
  .use(remarkParse)
  .use(remarkFrontmatter, ["yaml"])
  .use(remarkGfm)
  .use(remarkMath);

/** The same attribute block parse-lesson.ts accepts: {#cell-id} or {#cell-id exercise}. */
const CELL_ATTRIBUTES = /^\{#([a-z0-9]+(?:-[a-z0-9]+)*)(\s+exercise)?\}$/;

export type CellKind = "prose" | "qasm" | "experiment";

export interface SourceCell {
  readonly kind: CellKind;
  /**
   * The cell's own text: a fenced cell from its opening ``` to the end of its closing ```; prose
   * from its first non-blank line to the end of its last one. Never the blank lines around it.
   */
  readonly text: string;
  /** A fenced cell's id from its {#id} attribute; null for prose or a fence without one. */
  readonly id: string | null;
  readonly exercise: boolean;
}

export interface SplitLesson {
  /** Everything up to the end of the closing `---` of the front matter ("" when there is none). */
  readonly frontMatter: string;
  readonly cells: readonly SourceCell[];
  /**
   * The whitespace before each cell: gaps[i] precedes cells[i]. Gaps belong to positions, not to
   * cells, so moving a cell keeps the file's spacing where it was.
   */
  readonly gaps: readonly string[];
  /** Whitespace after the last cell (or all of the body when there are no cells). */
  readonly trailing: string;
}

/** The gap a new cell gets before it: the end of the previous line, then one blank line. */
const NEW_GAP = "\n\n";

export function splitLesson(text: string): SplitLesson {
  const tree = markdownParser.parse(text) as Root;
  let frontMatter = "";
  const fences: { start: number; end: number; kind: "qasm" | "experiment"; meta: string }[] = [];
  for (const node of tree.children) {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) continue;
    if (node.type === "yaml" && start === 0) frontMatter = text.slice(0, end);
    if (node.type === "code" && (node.lang === "qasm" || node.lang === "experiment")) {
      fences.push({ start, end, kind: node.lang, meta: node.meta ?? "" });
    }
  }

  const cells: SourceCell[] = [];
  const gaps: string[] = [];
  let pendingGap = "";
  const addProse = (slice: string) => {
    const { before, body, after } = trimBlankLines(slice);
    if (body === "") {
      pendingGap += slice;
      return;
    }
    gaps.push(pendingGap + before);
    cells.push({ kind: "prose", text: body, id: null, exercise: false });
    pendingGap = after;
  };

  let cursor = frontMatter.length;
  for (const fence of fences) {
    addProse(text.slice(cursor, fence.start));
    const match = CELL_ATTRIBUTES.exec(fence.meta.trim());
    gaps.push(pendingGap);
    pendingGap = "";
    cells.push({
      kind: fence.kind,
      text: text.slice(fence.start, fence.end),
      id: match ? match[1] : null,
      exercise: Boolean(match?.[2]),
    });
    cursor = fence.end;
  }
  addProse(text.slice(cursor));
  return { frontMatter, cells, gaps, trailing: pendingGap };
}

export function joinLesson(lesson: SplitLesson): string {
  let text = lesson.frontMatter;
  lesson.cells.forEach((cell, index) => {
    text += (lesson.gaps[index] ?? NEW_GAP) + cell.text;
  });
  return text + lesson.trailing;
}

/**
 * Splits a stretch of text into the whitespace before its first non-blank line, the body, and
 * the whitespace after it. Leading spaces on the first line belong to the body (they can make an
 * indented code block), so `before` always ends at a line break.
 */
function trimBlankLines(slice: string): { before: string; body: string; after: string } {
  const firstContent = slice.search(/\S/);
  if (firstContent === -1) return { before: slice, body: "", after: "" };
  const lineStart = slice.lastIndexOf("\n", firstContent) + 1;
  const trimmedEnd = slice.trimEnd().length;
  return {
    before: slice.slice(0, lineStart),
    body: slice.slice(lineStart, trimmedEnd),
    after: slice.slice(trimmedEnd),
  };
}

/** `01-qubits` → `qubits`: the lesson's slug, the prefix of the ids of the cells it creates. */
export function slugOfStem(stem: string): string {
  return stem.replace(/^\d+-/, "");
}

/**
 * A cell id the lesson does not use: `<slug>-cell-N` with the smallest N whose id appears nowhere
 * in the lesson's text (not only among cell ids, so an id mentioned in prose is not reused).
 */
export function freshCellId(lesson: SplitLesson, slug: string): string {
  const text = joinLesson(lesson);
  const base = slug.replace(/[^a-z0-9-]+/g, "-").replace(/^-+|-+$/g, "") || "cell";
  for (let n = 1; ; n++) {
    const id = `${base}-cell-${n}`;
    if (!text.includes(id)) return id;
  }
}

export type NewCellKind = "prose" | "qasm" | "experiment" | "exercise";

const QASM_STARTER = 'OPENQASM 3.0;\ninclude "stdgates.inc";\nqubit[1] q;\nh q[0];';

/** A small experiment that runs: fit one rotation so ⟨Z⟩ follows a sine of the input. */
const EXPERIMENT_STARTER = [
  "experiment: train",
  "data: { set: circles, samples: 40, test: 0.25, seed: 1, scale: [0, 3.14159] }",
  "features: [x0, x1]",
  "weights: w",
  "bias: true",
  "init: { seed: 1, scale: 0.5 }",
  "observable: Z0",
  "loss: square",
  "optimizer: { kind: adam, stepSize: 0.1 }",
  "steps: 20",
  "---",
  "OPENQASM 3.0;",
  'include "stdgates.inc";',
  "input float x0; input float x1;",
  "input float w0; input float w1;",
  "qubit[2] q;",
  "ry(x0) q[0]; ry(x1) q[1];",
  "ry(w0) q[0]; ry(w1) q[1];",
  "cx q[1], q[0];",
].join("\n");

const PROSE_STARTER = "Write the next part of the lesson here.";

/** The text of a new cell of the given kind (an exercise is a qasm cell marked `exercise`). */
export function newCell(kind: NewCellKind, id: string): SourceCell {
  switch (kind) {
    case "prose":
      return { kind: "prose", text: PROSE_STARTER, id: null, exercise: false };
    case "qasm":
      return { kind: "qasm", text: fence("qasm", `{#${id}}`, QASM_STARTER), id, exercise: false };
    case "exercise":
      return {
        kind: "qasm",
        text: fence(
          "qasm",
          `{#${id} exercise}`,
          'OPENQASM 3.0;\ninclude "stdgates.inc";\nqubit[1] q;',
        ),
        id,
        exercise: true,
      };
    case "experiment":
      return {
        kind: "experiment",
        text: fence("experiment", `{#${id}}`, EXPERIMENT_STARTER),
        id,
        exercise: false,
      };
  }
}

function fence(language: string, attributes: string, body: string): string {
  return `\`\`\`${language} ${attributes}\n${body}\n\`\`\``;
}

/** Inserts `cell` after index `after` (-1: first, right after the front matter). */
export function insertCell(lesson: SplitLesson, after: number, cell: SourceCell): SplitLesson {
  const at = Math.max(0, Math.min(after + 1, lesson.cells.length));
  const cells = [...lesson.cells];
  cells.splice(at, 0, cell);
  const gaps = [...lesson.gaps];
  if (at === 0 && gaps.length > 0) {
    // The new first cell takes the gap after the front matter; the old first cell gets a new one.
    gaps.splice(1, 0, NEW_GAP);
  } else {
    gaps.splice(at, 0, at === 0 && lesson.frontMatter === "" ? "" : NEW_GAP);
  }
  // The body of a file that ends right after its last line gets the usual final newline back.
  const trailing = at === lesson.cells.length && lesson.trailing === "" ? "\n" : lesson.trailing;
  return { ...lesson, cells, gaps, trailing };
}

/** Adds a new cell of `kind` with a fresh id after index `after`; returns its index too. */
export function addCell(
  lesson: SplitLesson,
  after: number,
  kind: NewCellKind,
  slug: string,
): { lesson: SplitLesson; index: number } {
  const cell = newCell(kind, freshCellId(lesson, slug));
  const next = insertCell(lesson, after, cell);
  return { lesson: next, index: Math.max(0, Math.min(after + 1, lesson.cells.length)) };
}

/** Swaps cell `index` with its neighbour (`-1` up, `+1` down); out of range leaves it as it is. */
export function moveCell(lesson: SplitLesson, index: number, direction: -1 | 1): SplitLesson {
  const other = index + direction;
  if (index < 0 || index >= lesson.cells.length || other < 0 || other >= lesson.cells.length) {
    return lesson;
  }
  const cells = [...lesson.cells];
  [cells[index], cells[other]] = [cells[other], cells[index]];
  return { ...lesson, cells };
}

/** Copies cell `index` right after itself; a fenced cell's copy gets a fresh id. */
export function duplicateCell(lesson: SplitLesson, index: number, slug: string): SplitLesson {
  const cell = lesson.cells[index];
  if (!cell) return lesson;
  if (cell.kind === "prose" || cell.id === null) return insertCell(lesson, index, cell);
  const id = freshCellId(lesson, slug);
  const newline = cell.text.indexOf("\n");
  const opening = newline === -1 ? cell.text : cell.text.slice(0, newline);
  const rest = newline === -1 ? "" : cell.text.slice(newline);
  const copy: SourceCell = { ...cell, id, text: opening.replace(`{#${cell.id}`, `{#${id}`) + rest };
  return insertCell(lesson, index, copy);
}

export function deleteCell(lesson: SplitLesson, index: number): SplitLesson {
  if (index < 0 || index >= lesson.cells.length) return lesson;
  const cells = [...lesson.cells];
  cells.splice(index, 1);
  const gaps = [...lesson.gaps];
  // Removing the first cell keeps the gap after the front matter and drops the one after it.
  gaps.splice(index === 0 && gaps.length > 1 ? 1 : index, 1);
  return { ...lesson, cells, gaps };
}

/** 1-based first and last line of each cell in the joined text. */
export function cellLines(lesson: SplitLesson): { start: number; end: number }[] {
  let line = 1 + countLineBreaks(lesson.frontMatter);
  return lesson.cells.map((cell, index) => {
    line += countLineBreaks(lesson.gaps[index] ?? NEW_GAP);
    const start = line;
    line += countLineBreaks(cell.text);
    return { start, end: line };
  });
}

/**
 * The cell a 1-based line belongs to: the cell on it, else the next cell below (a blank line
 * between cells belongs to what follows), else the last cell; -1 when there are no cells.
 */
export function cellAtLine(lesson: SplitLesson, line: number): number {
  const ranges = cellLines(lesson);
  if (ranges.length === 0) return -1;
  const index = ranges.findIndex((range) => line <= range.end);
  return index === -1 ? ranges.length - 1 : index;
}

function countLineBreaks(text: string): number {
  let count = 0;
  for (const char of text) if (char === "\n") count++;
  return count;
}
