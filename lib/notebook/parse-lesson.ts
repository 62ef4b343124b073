import GithubSlugger from "github-slugger";
import type { Code, Heading, Root, RootContent } from "mdast";
import { toString } from "mdast-util-to-string";
import remarkFrontmatter from "remark-frontmatter";
import remarkGfm from "remark-gfm";
import remarkMath from "remark-math";
import remarkParse from "remark-parse";
import { unified } from "unified";

import { ContentError } from "./content-error";
import { MathError, renderMarkdownNodes } from "./render-markdown";
import { ExperimentSpecError, parseExperiment } from "@/lib/qml/experiments/spec";

import { lessonFrontMatterSchema } from "./schemas";
import type { CodeCellBlock, Lesson, LessonMeta, NotebookBlock, TocEntry } from "./types";
import { lineOfPath, parseYaml } from "./yaml-file";

const markdownParser = unified()
  .use(remarkParse)
  .use(remarkFrontmatter, ["yaml"])
  .use(remarkGfm)
  .use(remarkMath);

/**
 * The attribute block of a cell fence: ```qasm {#cell-id} or ```qasm {#cell-id exercise}, and the
 * same for ```experiment fences.
 */
const CELL_ATTRIBUTES = /^\{#([a-z0-9]+(?:-[a-z0-9]+)*)(\s+exercise)?\}$/;

export interface LessonSource {
  readonly text: string;
  /** Path relative to the content root, used in error messages. */
  readonly file: string;
  readonly courseId: string;
  readonly position: number;
  /** File stem, e.g. `01-qubits`. */
  readonly stem: string;
}

/**
 * Parses one lesson file: YAML front matter, then Markdown in which ```qasm fences are code
 * cells. Prose between cells is rendered to HTML here, once, so pages only stream strings.
 */
export function parseLesson(source: LessonSource, knownSkills: ReadonlySet<string>): Lesson {
  const tree = markdownParser.parse(source.text) as Root;
  const [first, ...body] = tree.children;
  if (first?.type !== "yaml") {
    throw new ContentError(
      source.file,
      1,
      "a lesson must start with YAML front matter between --- lines",
    );
  }
  const frontMatterLine = (first.position?.start.line ?? 1) + 1;
  const frontMatter = parseYaml(first.value, source.file, lessonFrontMatterSchema, frontMatterLine);

  frontMatter.skills.forEach((skill, index) => {
    if (!knownSkills.has(skill)) {
      const line = lineOfPath(first.value, ["skills", index], frontMatterLine);
      throw new ContentError(
        source.file,
        line,
        `unknown skill "${skill}" (not in content/roadmap/skills.yaml)`,
      );
    }
  });

  const meta: LessonMeta = {
    ...frontMatter,
    slug: source.stem.replace(/^\d+-/, ""),
    courseId: source.courseId,
    position: source.position,
    file: source.file,
  };

  const slugger = new GithubSlugger();
  const toc: TocEntry[] = [];
  const blocks: NotebookBlock[] = [];
  const cellIds = new Set<string>();
  let prose: RootContent[] = [];
  const flushProse = () => {
    if (prose.length === 0) return;
    try {
      const start = prose[0].position?.start.offset ?? 0;
      const end = prose[prose.length - 1].position?.end.offset ?? start;
      blocks.push({
        kind: "prose",
        html: renderMarkdownNodes(prose),
        markdown: source.text.slice(start, end),
      });
    } catch (error) {
      if (error instanceof MathError)
        throw new ContentError(source.file, error.line, error.message, { cause: error });
      throw error;
    }
    prose = [];
  };

  for (const node of body) {
    if (node.type === "heading") {
      const entry = headingEntry(node, slugger, source.file);
      if (entry) toc.push(entry);
    }
    if (node.type === "code" && (node.lang === "qasm" || node.lang === "experiment")) {
      const cell = parseCell(node, source.file);
      if (cellIds.has(cell.id)) {
        throw new ContentError(source.file, cell.line, `duplicate cell id "${cell.id}"`);
      }
      cellIds.add(cell.id);
      flushProse();
      blocks.push(cell);
    } else {
      prose.push(node);
    }
  }
  flushProse();

  return { meta, frontMatter: first.value, blocks, toc };
}

function headingEntry(node: Heading, slugger: GithubSlugger, file: string): TocEntry | undefined {
  const line = node.position?.start.line ?? 1;
  if (node.depth === 1) {
    throw new ContentError(
      file,
      line,
      "use ## for sections: the page already shows the lesson title as its heading",
    );
  }
  const text = toString(node);
  const slug = slugger.slug(text);
  node.data = { ...node.data, hProperties: { id: slug } };
  return node.depth === 2 || node.depth === 3 ? { depth: node.depth, text, slug } : undefined;
}

function parseCell(node: Code, file: string): CodeCellBlock {
  const line = node.position?.start.line ?? 1;
  const match = CELL_ATTRIBUTES.exec((node.meta ?? "").trim());
  if (!match) {
    throw new ContentError(
      file,
      line,
      `a ${node.lang} cell needs a stable id: write \`\`\`${node.lang} {#cell-id} (or {#cell-id exercise})`,
    );
  }
  if (node.value.trim() === "") throw new ContentError(file, line, `cell "${match[1]}" is empty`);
  const language = node.lang === "experiment" ? "experiment" : "qasm";
  if (language === "experiment") checkExperiment(node.value, file, line);
  return {
    kind: "code",
    id: match[1],
    language,
    source: node.value,
    exercise: Boolean(match[2]),
    line,
  };
}

/** An experiment's spec must be valid where it is written: errors point into the lesson file. */
function checkExperiment(text: string, file: string, fenceLine: number): void {
  try {
    parseExperiment(text);
  } catch (error) {
    if (error instanceof ExperimentSpecError) {
      throw new ContentError(file, fenceLine + error.line, error.message, { cause: error });
    }
    throw error;
  }
}
