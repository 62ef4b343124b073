import type { Element, Root, RootContent } from "hast";

import { renderMarkdownTree } from "./render-markdown";

/**
 * Short Markdown (a quiz option) as one line of plain text, its formulas written out linearly:
 * `$\frac{1}{\sqrt2}(|0\rangle + |1\rangle)$` becomes "1/√2(|0⟩ + |1⟩)".
 *
 * Why: a control's name is a flat string. Browsers flatten MathML by dropping its structure
 * (Chromium names that option "1 2 ( ∣ 0 ⟩ + ∣ 1 ⟩ )": the fraction and the root are gone) and
 * some name computations (axe's among them) skip MathML altogether, leaving a maths-only option
 * with no name. This walks KaTeX's MathML, not its HTML, which is drawn for the eye only.
 */
export function markdownAsText(markdown: string): string {
  return tidy(childrenText(renderMarkdownTree(markdown)));
}

/** True when the Markdown has a formula (KaTeX put a <math> element in it). */
export function hasMath(markdown: string): boolean {
  const find = (node: Root | RootContent): boolean =>
    (node.type === "element" && node.tagName === "math") ||
    ("children" in node && node.children.some(find));
  return find(renderMarkdownTree(markdown));
}

const SUBSCRIPT_DIGITS = "₀₁₂₃₄₅₆₇₈₉";
const SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹";
/** Infix operators written with a space either side. */
const SPACED = new Set(["+", "−", "-", "=", "≈", "≠", "×", "⊗", "→", "≤", "≥", "<", ">"]);

function childrenText(node: Root | Element): string {
  return node.children.map(nodeText).join("");
}

function nodeText(node: RootContent): string {
  if (node.type === "text") return node.value;
  if (node.type !== "element") return "";
  const classes = node.properties.className;
  // KaTeX's visual rendering, hidden from assistive technology; the MathML says the same.
  if (Array.isArray(classes) && classes.includes("katex-html")) return "";
  return elementText(node);
}

function elementText(node: Element): string {
  const parts = node.children
    .filter((child): child is Element => child.type === "element")
    .map(nodeText);
  switch (node.tagName) {
    case "annotation":
    case "mphantom":
      return "";
    case "mfrac":
      return `${group(parts[0])}/${group(parts[1])}`;
    case "msqrt":
      return `√${group(parts.join(""))}`;
    case "mroot":
      return `${parts[1]}√${group(parts[0])}`;
    case "msub":
      return parts[0] + lowered(parts[1]);
    case "msup":
      return parts[0] + raised(parts[1]);
    case "msubsup":
      return parts[0] + lowered(parts[1]) + raised(parts[2]);
    case "mspace":
      return " ";
    case "mo": {
      const op = childrenText(node);
      return SPACED.has(op) ? ` ${op} ` : op === "," ? ", " : op;
    }
    default:
      return childrenText(node);
  }
}

/** Brackets around anything longer than one number or symbol, so "/" and "√" bind right. */
function group(text: string): string {
  const trimmed = text.trim();
  return /^[\p{L}\p{N}.√|⟩⟨]+$/u.test(trimmed) ? trimmed : `(${trimmed})`;
}

function lowered(text: string): string {
  return /^\d+$/.test(text) ? [...text].map((d) => SUBSCRIPT_DIGITS[Number(d)]).join("") : text;
}

function raised(text: string): string {
  return /^\d+$/.test(text)
    ? [...text].map((d) => SUPERSCRIPT_DIGITS[Number(d)]).join("")
    : `^${group(text)}`;
}

/** KaTeX writes the bars of a ket as "∣" (divides); a reader expects the plain bar. */
function tidy(text: string): string {
  return text.replace(/∣/g, "|").replace(/\s+/g, " ").trim();
}
