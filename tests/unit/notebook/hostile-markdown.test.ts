import type { Element, Root, RootContent } from "hast";
import { describe, expect, it } from "vitest";

import { renderMarkdown, renderMarkdownTree } from "@/lib/notebook/render-markdown";

/**
 * Instructors write lesson prose, goals, hints and explanations in Markdown, and learners read
 * it on Ketbook's origin. Whatever an author types, the page must stay inert: no script, no
 * frame, no handler, no link or source that runs code, no styles of the author's own.
 */
const HOSTILE: readonly [string, string][] = [
  ["script tag", "<script>alert(1)</script>"],
  ["script split over lines", "<scr\nipt>alert(1)</script>"],
  ["iframe", '<iframe src="https://evil.example"></iframe>'],
  ["srcdoc iframe", '<iframe srcdoc="<script>alert(1)</script>"></iframe>'],
  ["object and embed", '<object data="x.swf"></object><embed src="x.swf">'],
  ["img onerror", '<img src=x onerror="alert(1)">'],
  ["event handler on a link", '<a href="#" onclick="alert(1)">x</a>'],
  ["svg with onload", '<svg onload="alert(1)"><circle r="1"/></svg>'],
  ["svg with script", "<svg><script>alert(1)</script></svg>"],
  ["math with an xlink href", '<math><a xlink:href="javascript:alert(1)">x</a></math>'],
  ["style element", "<style>body{display:none}</style>"],
  ["style attribute", '<p style="position:fixed;inset:0;background:url(x)">cover</p>'],
  ["form and input", '<form action="https://evil.example"><input name="password"></form>'],
  [
    "base and meta refresh",
    '<base href="https://evil.example/"><meta http-equiv="refresh" content="0;url=https://evil.example">',
  ],
  ["link stylesheet", '<link rel="stylesheet" href="https://evil.example/x.css">'],
  ["javascript: link", "[click](javascript:alert(1))"],
  ["JavaScript: in mixed case and with entities", "[click](JaVaScRiPt&#58;alert(1))"],
  ["javascript: with a tab", "[click](java\tscript:alert(1))"],
  ["vbscript: link", "[click](vbscript:msgbox(1))"],
  ["data: link", "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)"],
  ["javascript: reference link", "[click][x]\n\n[x]: javascript:alert(1)"],
  ["javascript: autolink", "<javascript:alert(1)>"],
  ["data: image", "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)"],
  ["javascript: image", "![x](javascript:alert(1))"],
  ["raw HTML link", '<a href="javascript:alert(1)">x</a>'],
  ["KaTeX \\href", "$\\href{javascript:alert(1)}{x}$"],
  ["KaTeX \\url", "$\\url{javascript:alert(1)}$"],
  ["KaTeX \\htmlStyle", "$\\htmlStyle{position:fixed}{x}$"],
  ["KaTeX \\htmlData", "$\\htmlData{onclick=alert(1)}{x}$"],
  ["KaTeX \\includegraphics", "$\\includegraphics{javascript:alert(1)}$"],
  ["heading id clobbering a global", '## document\n\n<h2 id="location">x</h2>'],
  ["name attribute clobbering", '<img name="getElementById">'],
  ["HTML comment hiding script", "<!-- --><script>alert(1)</script><!-- -->"],
  ["table cell with handler", '| a |\n|---|\n| <b onmouseover="alert(1)">x</b> |'],
];

const FORBIDDEN_ELEMENTS = new Set([
  "script",
  "iframe",
  "frame",
  "object",
  "embed",
  "svg",
  "style",
  "link",
  "meta",
  "base",
  "form",
  "input",
  "button",
  "textarea",
  "select",
]);

/** Runs code when followed or loaded: a URL scheme other than http(s), mailto, or in-page. */
function isDangerousUrl(value: string): boolean {
  const compact = value.replace(/[\u0000-\u0020]/g, "").toLowerCase();
  return /^(javascript|vbscript|data|file):/.test(compact);
}

function elements(node: Root | RootContent, inKatex = false): [Element, boolean][] {
  if (node.type !== "root" && node.type !== "element") return [];
  const katex =
    inKatex ||
    (node.type === "element" &&
      Array.isArray(node.properties.className) &&
      node.properties.className.includes("katex"));
  const own: [Element, boolean][] = node.type === "element" ? [[node, katex]] : [];
  return [...own, ...node.children.flatMap((child) => elements(child, katex))];
}

/** Renders `markdown`, or returns the error: refusing bad input is as inert as dropping it. */
function renderOrRefuse(markdown: string): { html: string; tree: Root } | Error {
  try {
    return { html: renderMarkdown(markdown), tree: renderMarkdownTree(markdown) };
  } catch (error) {
    return error as Error;
  }
}

/** Everything in a rendered tree (and its HTML) that could run, load or restyle: none is allowed. */
function problemsIn(tree: Root, html: string): string[] {
  const problems: string[] = [];
  for (const [element, inKatex] of elements(tree)) {
    if (FORBIDDEN_ELEMENTS.has(element.tagName)) problems.push(`<${element.tagName}>`);
    for (const [name, value] of Object.entries(element.properties)) {
      const where = `${element.tagName}[${name}=${String(value)}]`;
      if (name.toLowerCase().startsWith("on")) problems.push(`handler ${where}`);
      if (URL_PROPERTIES.has(name) && isDangerousUrl(String(value))) problems.push(`url ${where}`);
      // Only KaTeX's own layout may carry inline styles, and never a URL or a position.
      if (
        name === "style" &&
        (!inKatex || /url\(|expression\(|position|@import/i.test(String(value)))
      )
        problems.push(`style ${where}`);
      // No author-chosen id or name may shadow a global (DOM clobbering).
      if ((name === "id" || name === "name") && CLOBBERED.has(String(value)))
        problems.push(`clobbering ${where}`);
    }
  }
  const text = html.toLowerCase();
  if (/<script|<iframe|<svg|<style|\son\w+\s*=/.test(text)) problems.push("markup in the HTML");
  if (/(href|src)\s*=\s*"\s*(javascript|vbscript|data):/.test(text))
    problems.push("url in the HTML");
  return problems;
}

const URL_PROPERTIES = new Set(["href", "src", "xLinkHref", "action", "formAction", "srcDoc"]);
const CLOBBERED = new Set(["location", "document", "getElementById"]);

const element = (tagName: string, properties: Element["properties"] = {}): Element => ({
  type: "element",
  tagName,
  properties,
  children: [],
});
const rootOf = (...children: Element[]): Root => ({ type: "root", children });

describe("hostile Markdown renders inert", () => {
  it("the checks themselves catch each kind of danger in a tree that was not sanitised", () => {
    const cases: [Root, string][] = [
      [rootOf(element("script")), "<script>"],
      [rootOf(element("img", { src: "x", onError: "alert(1)" })), "<img onerror>"],
      [rootOf(element("a", { href: " JavaScript:alert(1)" })), '<a href="javascript:">'],
      [rootOf(element("img", { src: "data:image/svg+xml,x" })), '<img src="data:">'],
      [rootOf(element("p", { style: "color:red" })), '<p style="color:red">'],
      [rootOf(element("h2", { id: "location" })), '<h2 id="location">'],
    ];
    for (const [tree, html] of cases) expect(problemsIn(tree, html), html).not.toEqual([]);
    expect(problemsIn(rootOf(element("a", { href: "https://x.test/" })), "<a>")).toEqual([]);
  });

  it.each(HOSTILE)("%s", (_name, markdown) => {
    const rendered = renderOrRefuse(markdown);
    if (rendered instanceof Error) {
      // Only a located math error may stop a render; anything else is a bug.
      expect(rendered.name).toBe("MathError");
      return;
    }
    expect(problemsIn(rendered.tree, rendered.html)).toEqual([]);
  });

  it("keeps what authors legitimately write: links, images, code, tables and math", () => {
    const html = renderMarkdown(
      [
        "See [the spec](https://openqasm.com/) and ![a Bloch sphere](/images/bloch.svg).",
        "",
        "| gate | matrix |",
        "|---|---|",
        "| $X$ | $\\begin{pmatrix}0&1\\\\1&0\\end{pmatrix}$ |",
        "",
        "```qasm",
        "h q[0];",
        "```",
      ].join("\n"),
    );
    expect(html).toContain('<a href="https://openqasm.com/">the spec</a>');
    expect(html).toContain('<img src="/images/bloch.svg" alt="a Bloch sphere">');
    expect(html).toContain("<table>");
    expect(html).toContain('class="katex"');
    expect(html).toContain("h q[0];");
  });
});
