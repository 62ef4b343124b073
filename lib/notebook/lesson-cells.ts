/**
 * The code cells of one lesson file, found as the lesson parser finds them (the same Markdown
 * grammar, and like it only fences at the top level: one inside a list or a quote is an example,
 * not a cell) but without what the page also needs: front matter checked against the skills list
 * and prose rendered to HTML. This lets the command line run one cell of a lesson without loading
 * a whole content folder; `npm test` remains the judge of whether a lesson is valid
 * (lib/notebook/parse-lesson.ts).
 */
import type { Root } from "mdast";
import remarkFrontmatter from "remark-frontmatter";
import remarkGfm from "remark-gfm";
import remarkMath from "remark-math";
import remarkParse from "remark-parse";
import { unified } from "unified";

import type { CodeCellBlock } from "./types";

/** The same plugins as parse-lesson.ts: they decide where fences begin and end. */
const markdownParser = unified()
  .use(remarkParse)
  .use(remarkFrontmatter, ["yaml"])
  .use(remarkGfm)
  .use(remarkMath);

/** ```qasm {#cell-id} or {#cell-id exercise}; the grammar of parse-lesson.ts's CELL_ATTRIBUTES. */
const CELL_ATTRIBUTES = /^\{#([a-z0-9]+(?:-[a-z0-9]+)*)(\s+exercise)?\}$/;

const CELL_LANGUAGES: ReadonlySet<string> = new Set(["qasm", "experiment"]);

export interface LessonCell extends Omit<CodeCellBlock, "kind"> {
  /**
   * Spaces before the fence (at most 3): the cell's text has them removed from each line, so a
   * column within the cell is this much further right in the file.
   */
  readonly indent: number;
}

/** A mistake at a line and column of the lesson file (1-based). */
export class LessonCellError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = "LessonCellError";
  }
}

/**
 * Every ```qasm and ```experiment cell in document order. A fence without a valid id, an empty
 * cell or a repeated id is a LessonCellError at its fence, with the lesson parser's wording.
 */
export function findLessonCells(text: string): LessonCell[] {
  const tree = markdownParser.parse(text) as Root;
  const cells: LessonCell[] = [];
  const ids = new Set<string>();
  for (const node of tree.children) {
    if (node.type !== "code" || !node.lang || !CELL_LANGUAGES.has(node.lang)) continue;
    const line = node.position?.start.line ?? 1;
    const indent = (node.position?.start.column ?? 1) - 1;
    const fail = (message: string) => new LessonCellError(message, line, indent + 1);
    const match = CELL_ATTRIBUTES.exec((node.meta ?? "").trim());
    if (!match) {
      throw fail(
        `a ${node.lang} cell needs a stable id: write \`\`\`${node.lang} {#cell-id} (or {#cell-id exercise})`,
      );
    }
    const id = match[1];
    if (node.value.trim() === "") throw fail(`cell "${id}" is empty`);
    if (ids.has(id)) throw fail(`duplicate cell id "${id}"`);
    ids.add(id);
    cells.push({
      id,
      language: node.lang === "experiment" ? "experiment" : "qasm",
      source: node.value,
      exercise: Boolean(match[2]),
      line,
      indent,
    });
  }
  return cells;
}
