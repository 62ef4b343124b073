import type { Root as HastRoot } from "hast";
import type { Root as MdastRoot, RootContent } from "mdast";
import rehypeKatex from "rehype-katex";
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from "rehype-sanitize";
import rehypeStringify from "rehype-stringify";
import remarkGfm from "remark-gfm";
import remarkMath from "remark-math";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { VFile } from "vfile";

/**
 * Markdown (mdast) → safe HTML with math. Raw HTML in Markdown is dropped by remark-rehype, and
 * the sanitizer removes anything else unsafe (e.g. `javascript:` links) before KaTeX adds its
 * own trusted markup, so the same pipeline serves instructor-written content.
 */
const sanitizeSchema: SanitizeSchema = {
  ...defaultSchema,
  // Heading ids are our own slugs; keep them as written so table-of-contents links work.
  clobberPrefix: "",
  attributes: {
    ...defaultSchema.attributes,
    h2: [...(defaultSchema.attributes?.h2 ?? []), "id"],
    h3: [...(defaultSchema.attributes?.h3 ?? []), "id"],
    // remark-math marks math as <code class="language-math math-inline|math-display">.
    code: [
      ...(defaultSchema.attributes?.code ?? []),
      ["className", /^language-./, "math-inline", "math-display"],
    ],
  },
};

const markdownParser = unified().use(remarkParse).use(remarkGfm).use(remarkMath);

const toHtml = unified()
  .use(remarkRehype)
  .use(rehypeSanitize, sanitizeSchema)
  .use(rehypeKatex)
  .use(rehypeStringify);

/** A formula KaTeX cannot render; `line` is where it starts in the Markdown source. */
export class MathError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
    this.name = "MathError";
  }
}

/** The sanitised HTML tree, maths rendered by KaTeX (HTML for the eye, MathML for machines). */
function toHast(nodes: readonly RootContent[]): HastRoot {
  const root: MdastRoot = { type: "root", children: [...nodes] };
  const file = new VFile();
  const hast = toHtml.runSync(root, file) as HastRoot;
  // rehype-katex reports a bad formula as a message and renders it in red; content must not ship that.
  const problem = file.messages[0];
  if (problem) throw new MathError(`math: ${problem.reason}`, problem.line ?? 1);
  return hast;
}

export function renderMarkdownNodes(nodes: readonly RootContent[]): string {
  return toHtml.stringify(toHast(nodes));
}

/** A Markdown string as the HTML tree renderMarkdown would print. */
export function renderMarkdownTree(markdown: string): HastRoot {
  return toHast((markdownParser.parse(markdown) as MdastRoot).children);
}

/** Renders a Markdown string (exercise goals, hints, explanations) to safe HTML with maths. */
export function renderMarkdown(markdown: string): string {
  const tree = markdownParser.parse(markdown) as MdastRoot;
  return renderMarkdownNodes(tree.children);
}
