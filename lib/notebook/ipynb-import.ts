/**
 * A Jupyter notebook (nbformat 4) as a lesson file, `NN-slug.md`.
 *
 * A notebook Ketbook exported (ipynb.ts) comes back as the lesson it was made from: the front
 * matter from the notebook's metadata, prose from its Markdown cells (edits made in Jupyter are
 * kept), each circuit cell from its cell's metadata (its OpenQASM, id, language and exercise
 * flag), and the cells the export added (title, install, goals, quiz) left out. Blocks are
 * written in the content format's layout (one blank line between blocks, ```qasm {#id} fences),
 * the layout every lesson in content/ follows, so such a lesson comes back byte for byte.
 *
 * Any other notebook is imported sensibly: Markdown (and raw) cells become prose, code cells
 * become qasm cells with stable generated ids (`<slug>-cell-1`, ...), outputs are dropped, and
 * the front matter is generated from the first heading. The result is a draft: a Python cell is
 * not OpenQASM, and validation will say so, cell by cell.
 */
import { stringify } from "yaml";
import { z } from "zod";

import type { GeneratedCell, KetbookCellMetadata } from "./ipynb";

/** A notebook that cannot be imported; the message says what to change. */
export class IpynbImportError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = "IpynbImportError";
  }
}

/** A lesson file's limit (a studio course file's), and a bound on the cells read. */
export const MAX_IMPORTED_LESSON_BYTES = 512 * 1024;
export const MAX_NOTEBOOK_CELLS = 2000;

export interface IpynbImportOptions {
  /** The lesson's slug (its file stem without `NN-`): the prefix of generated cell ids. */
  readonly slug: string;
  /** For a plain notebook: the skills its lesson names (a lesson names at least one). */
  readonly skills: readonly string[];
  /** For a plain notebook: the lesson id (default: the slug). */
  readonly lessonId?: string;
}

const source = z.union([z.string(), z.array(z.string())]);
const metadata = z.record(z.string(), z.unknown()).optional();

const notebookSchema = z.object({
  nbformat: z.literal(4),
  metadata,
  cells: z.array(
    z.object({
      id: z.string().optional(),
      cell_type: z.enum(["markdown", "code", "raw"]),
      source,
      metadata,
    }),
  ),
});

const ketbookCellSchema: z.ZodType<KetbookCellMetadata> = z.object({
  cell: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
  language: z.enum(["qasm", "experiment"]),
  exercise: z.boolean(),
  openqasm: z.string(),
});

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

type Block =
  | { readonly kind: "prose"; readonly markdown: string }
  | {
      readonly kind: "cell";
      readonly id?: string;
      readonly language: "qasm" | "experiment";
      readonly exercise: boolean;
      readonly source: string;
    };

type Notebook = z.output<typeof notebookSchema>;

function parseNotebook(json: unknown): Notebook {
  const format = (json as { nbformat?: unknown } | null)?.nbformat;
  if (typeof json !== "object" || json === null || format === undefined) {
    throw new IpynbImportError("this is not a Jupyter notebook (no nbformat field)");
  }
  if (format !== 4) {
    throw new IpynbImportError(
      `this notebook is nbformat ${String(format)}; Ketbook imports nbformat 4: open it in a current Jupyter and save it again`,
    );
  }
  const cells = (json as { cells?: unknown }).cells;
  if (Array.isArray(cells) && cells.length > MAX_NOTEBOOK_CELLS) {
    throw new IpynbImportError(
      `the notebook has ${cells.length} cells; a lesson may come from at most ${MAX_NOTEBOOK_CELLS}`,
    );
  }
  const parsed = notebookSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new IpynbImportError(
      `this is not a valid nbformat 4 notebook (${issue.path.join(".") || "top level"}: ${issue.message})`,
    );
  }
  return parsed.data;
}

const textOf = (s: string | string[]): string => (Array.isArray(s) ? s.join("") : s);

/** The text between blocks: leading blank lines and trailing whitespace mean nothing there. */
const trimBlock = (text: string): string => text.replace(/^(?:[ \t]*\n)+/, "").trimEnd();

const ketbookOf = (
  meta: Record<string, unknown> | undefined,
): Record<string, unknown> | undefined => {
  const value = meta?.ketbook;
  return typeof value === "object" && value !== null
    ? (value as Record<string, unknown>)
    : undefined;
};

/** The ids of the cells an export added before they were marked `generated`. */
const GENERATED_IDS = /^(ketbook-title|ketbook-install|ketbook-quiz|goal-.+)$/;

function isGenerated(cell: Notebook["cells"][number], fromKetbook: boolean): boolean {
  const mark = ketbookOf(cell.metadata)?.generated as GeneratedCell | undefined;
  return mark !== undefined || (fromKetbook && GENERATED_IDS.test(cell.id ?? ""));
}

function blocksOf(notebook: Notebook): Block[] {
  const fromKetbook = ketbookOf(notebook.metadata) !== undefined;
  const blocks: Block[] = [];
  for (const cell of notebook.cells) {
    if (isGenerated(cell, fromKetbook)) continue;
    const text = textOf(cell.source);
    if (cell.cell_type === "code") {
      const ketbook = ketbookCellSchema.safeParse(ketbookOf(cell.metadata));
      if (ketbook.success) {
        const { cell: id, language, exercise, openqasm } = ketbook.data;
        blocks.push({ kind: "cell", id, language, exercise, source: openqasm });
      } else if (text.trim() !== "") {
        blocks.push({ kind: "cell", language: "qasm", exercise: false, source: text.trimEnd() });
      }
      continue;
    }
    const markdown = trimBlock(text);
    if (markdown !== "") blocks.push({ kind: "prose", markdown });
  }
  return blocks;
}

/** A fence longer than any backtick run at the start of a line of the cell. */
function fenceFor(source: string): string {
  const longest = Math.max(0, ...[...source.matchAll(/^ {0,3}(`{3,})/gm)].map((m) => m[1].length));
  return "`".repeat(Math.max(3, longest + 1));
}

function cellMarkdown(block: Extract<Block, { kind: "cell" }>, id: string): string {
  const fence = fenceFor(block.source);
  const attributes = `{#${id}${block.exercise ? " exercise" : ""}}`;
  return `${fence}${block.language} ${attributes}\n${block.source}\n${fence}`;
}

/** Ids for cells that have none, `<slug>-cell-N`, skipping ids already taken. */
function assignIds(blocks: readonly Block[], slug: string): string[] {
  const taken = new Set(blocks.flatMap((b) => (b.kind === "cell" && b.id ? [b.id] : [])));
  let next = 1;
  return blocks.map((block) => {
    if (block.kind !== "cell") return "";
    if (block.id) return block.id;
    while (taken.has(`${slug}-cell-${next}`)) next++;
    const id = `${slug}-cell-${next}`;
    taken.add(id);
    return id;
  });
}

/** ATX headings outside fenced code, as [line index, level, text]. */
function headings(markdown: string): { index: number; level: number; text: string }[] {
  const out: { index: number; level: number; text: string }[] = [];
  let fence: string | undefined;
  markdown.split("\n").forEach((line, index) => {
    const opening = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (opening) {
      if (fence === undefined) fence = opening[1][0].repeat(opening[1].length);
      else if (line.trim().startsWith(fence)) fence = undefined;
      return;
    }
    const heading = fence === undefined && /^ {0,3}(#{1,6})[ \t]+(.*?)[ \t#]*$/.exec(line);
    if (heading) out.push({ index, level: heading[1].length, text: heading[2] });
  });
  return out;
}

/**
 * A plain notebook's prose in the lesson's rules: its first heading becomes the title (and leaves
 * the prose when it is a level-1 heading, since the page shows the title), and any other `#`
 * heading becomes `##` (a lesson's sections start at ##).
 */
function plainProse(blocks: Block[]): { title?: string; blocks: Block[] } {
  let title: string | undefined;
  const out = blocks.map((block): Block => {
    if (block.kind !== "prose") return block;
    const lines = block.markdown.split("\n");
    for (const heading of headings(block.markdown)) {
      if (title === undefined) {
        title = heading.text;
        if (heading.level === 1) {
          lines[heading.index] = "\u0000";
          continue;
        }
      }
      if (heading.level === 1) lines[heading.index] = lines[heading.index].replace("#", "##");
    }
    return { kind: "prose", markdown: trimBlock(lines.filter((l) => l !== "\u0000").join("\n")) };
  });
  return { title, blocks: out.filter((b) => b.kind !== "prose" || b.markdown !== "") };
}

/** The first paragraph of prose that is not a heading, on one line, as a summary. */
function firstParagraph(blocks: readonly Block[]): string | undefined {
  for (const block of blocks) {
    if (block.kind !== "prose") continue;
    for (const paragraph of block.markdown.split(/\n\s*\n/)) {
      const text = paragraph.trim();
      if (text && !/^(#|```|~~~|\||<|!\[|\$\$)/.test(text)) {
        const line = text.replace(/\s+/g, " ");
        return line.length > 240 ? `${line.slice(0, 237).replace(/\s+\S*$/, "")}…` : line;
      }
    }
  }
  return undefined;
}

function generatedFrontMatter(
  blocks: readonly Block[],
  title: string | undefined,
  options: IpynbImportOptions,
): string {
  const name = title ?? options.slug.replace(/-/g, " ").replace(/^./, (c) => c.toUpperCase());
  const words = blocks.reduce(
    (n, b) => n + (b.kind === "prose" ? b.markdown.split(/\s+/).length : 0),
    0,
  );
  const cells = blocks.filter((b) => b.kind === "cell").length;
  // About 200 words a minute of reading, and two minutes a cell to run and change.
  const minutes = Math.min(120, Math.max(5, Math.round(words / 200 + 2 * cells)));
  return stringify(
    {
      id: options.lessonId ?? options.slug,
      title: name,
      summary: firstParagraph(blocks) ?? `${name}, imported from a Jupyter notebook.`,
      minutes,
      skills: [...options.skills],
      objectives: [`Work through “${name}”, running and changing each cell.`],
    },
    { lineWidth: 0 },
  ).trimEnd();
}

/** The `NN-slug.md` text of a notebook. Throws IpynbImportError for what cannot be imported. */
export function lessonFromIpynb(json: unknown, options: IpynbImportOptions): { markdown: string } {
  if (!KEBAB.test(options.slug)) {
    throw new IpynbImportError(
      `the lesson slug "${options.slug}" must be kebab-case (a-z, 0-9, -)`,
    );
  }
  const notebook = parseNotebook(json);
  const stored = ketbookOf(notebook.metadata)?.frontMatter;
  let blocks = blocksOf(notebook);
  let frontMatter: string;
  if (typeof stored === "string") {
    frontMatter = stored;
  } else {
    const prose = plainProse(blocks);
    blocks = prose.blocks;
    frontMatter = generatedFrontMatter(blocks, prose.title, options);
  }
  if (blocks.length === 0) {
    throw new IpynbImportError("the notebook has no Markdown or code to make a lesson of");
  }
  const ids = assignIds(blocks, options.slug);
  const body = blocks.map((block, i) =>
    block.kind === "prose" ? block.markdown : cellMarkdown(block, ids[i]),
  );
  const markdown = `---\n${frontMatter}\n---\n\n${body.join("\n\n")}\n`;
  const bytes = new TextEncoder().encode(markdown).length;
  if (bytes > MAX_IMPORTED_LESSON_BYTES) {
    throw new IpynbImportError(
      `the lesson would be ${bytes} bytes; a lesson file may be at most ${MAX_IMPORTED_LESSON_BYTES / 1024} KiB (outputs are dropped, so this is its text and code)`,
    );
  }
  return { markdown };
}
