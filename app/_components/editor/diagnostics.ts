/**
 * Turns the editor's `diagnostics` prop into marker ranges, without Monaco (the component passes
 * the result to `setModelMarkers`). Positions are 1-based, as in the engine's errors.
 */
export interface EditorDiagnostic {
  readonly message: string;
  readonly line: number;
  readonly column: number;
  /** Exclusive end column on the same line; when absent the word at `column` is underlined. */
  readonly endColumn?: number;
  readonly severity?: "error" | "warning";
}

export interface MarkerRange {
  readonly message: string;
  readonly severity: "error" | "warning";
  readonly startLineNumber: number;
  readonly startColumn: number;
  readonly endLineNumber: number;
  readonly endColumn: number;
}

/** Characters of an OpenQASM identifier or number, so `rz`, `q`, `θ`, `1.5` are one word. */
const WORD_CHAR = /[\p{L}\p{N}_.$]/u;

/**
 * The 1-based [start, end) columns of the word that contains (or begins at) `column`; when there
 * is no word there, the single character at `column` (or the one before the end of the line).
 */
export function wordRange(lineText: string, column: number): [number, number] {
  const chars = Array.from(lineText);
  if (chars.length === 0) return [1, 1];
  // Columns count UTF-16 code units in Monaco; map through code points so θ and π stay whole.
  const index = Math.min(Math.max(column - 1, 0), lineText.length);
  const units: number[] = [];
  let offset = 0;
  for (const ch of chars) {
    units.push(offset);
    offset += ch.length;
  }
  // A column past the end of the line means its last character (e.g. a missing `;`).
  let at = index >= lineText.length ? chars.length - 1 : units.findLastIndex((u) => u <= index);
  if (!WORD_CHAR.test(chars[at])) return [units[at] + 1, units[at] + chars[at].length + 1];
  let start = at;
  while (start > 0 && WORD_CHAR.test(chars[start - 1])) start--;
  while (at < chars.length - 1 && WORD_CHAR.test(chars[at + 1])) at++;
  return [units[start] + 1, units[at] + chars[at].length + 1];
}

/**
 * Marker ranges for `diagnostics` on a document whose lines are `lines`. Lines beyond the
 * document are clamped to its last line, so a message is never silently dropped.
 */
export function diagnosticsToMarkers(
  diagnostics: readonly EditorDiagnostic[],
  lines: readonly string[],
): MarkerRange[] {
  return diagnostics.map((d) => {
    const lineCount = Math.max(lines.length, 1);
    const line = Math.min(Math.max(Math.trunc(d.line), 1), lineCount);
    const text = lines[line - 1] ?? "";
    const column = Math.max(Math.trunc(d.column), 1);
    let startColumn = column;
    let endColumn: number;
    if (d.endColumn !== undefined && d.endColumn > column) {
      endColumn = d.endColumn;
    } else {
      [startColumn, endColumn] = wordRange(text, column);
    }
    return {
      message: d.message,
      severity: d.severity ?? "error",
      startLineNumber: line,
      startColumn,
      endLineNumber: line,
      endColumn,
    };
  });
}
