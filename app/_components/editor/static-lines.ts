import { highlightQasm, type QasmToken } from "@/lib/notebook/highlight-qasm";

/**
 * The server highlighter's tokens regrouped into lines, for the editor's stand-in, which shows
 * line numbers like the editor does. A token that spans lines (a block comment) is cut at each
 * newline and keeps its kind on every piece.
 */
export function highlightedLines(source: string): QasmToken[][] {
  const lines: QasmToken[][] = [[]];
  for (const token of highlightQasm(source)) {
    const pieces = token.text.split(/\r\n|\r|\n/);
    pieces.forEach((text, i) => {
      if (i > 0) lines.push([]);
      if (text !== "") lines[lines.length - 1].push({ kind: token.kind, text });
    });
  }
  return lines;
}
