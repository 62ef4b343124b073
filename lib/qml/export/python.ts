/**
 * Python literals for the exported scripts: numbers at full precision (a float literal reads back
 * as the same double), lists wrapped to a readable width, NumPy arrays one row per line, and
 * comments wrapped at the script's line length.
 */
import { formatNumber } from "@/lib/quantum/export/format";

const WIDTH = 96;

/** A finite number as a Python literal that reads back bit for bit. */
export function pyNumber(value: number): string {
  return formatNumber(value);
}

/** A Python string literal (JSON's escapes are Python's). */
export function pyString(text: string): string {
  return JSON.stringify(text);
}

/**
 * `[a, b, c]`, wrapped onto continuation lines indented by `indent` + 4 when the line it starts
 * on (`lead` characters before it) would grow past the script's width.
 */
export function pyList(items: readonly string[], indent = "", lead = indent.length): string {
  const flat = `[${items.join(", ")}]`;
  if (lead + flat.length <= WIDTH) return flat;
  const inner = `${indent}    `;
  const lines: string[] = [];
  let line = "";
  for (const item of items) {
    const next = line ? `${line} ${item},` : `${item},`;
    if (inner.length + next.length > WIDTH && line) {
      lines.push(inner + line);
      line = `${item},`;
    } else line = next;
  }
  if (line) lines.push(inner + line);
  return `[\n${lines.join("\n")}\n${indent}]`;
}

export function pyNumbers(values: readonly number[], indent = "", lead = indent.length): string {
  return pyList(values.map(pyNumber), indent, lead);
}

/** "w0..w23" for a run of numbered names, else the names listed. */
export function nameRange(names: readonly string[]): string {
  const match = /^(.*?)0$/.exec(names[0] ?? "");
  const prefix = match?.[1];
  const consecutive = prefix !== undefined && names.every((name, i) => name === `${prefix}${i}`);
  return consecutive && names.length > 2 ? `${names[0]}..${names.at(-1)}` : names.join(", ");
}

/** `np.array([...])` of rows, one row per line. */
export function pyArray(rows: readonly (readonly number[])[]): string {
  if (rows.length === 0) return "np.zeros((0, 0))";
  return `np.array([\n${rows.map((row) => `    ${pyNumbers(row, "    ")},`).join("\n")}\n])`;
}

/** `# ...` lines wrapped at the script's width. */
export function comment(text: string, indent = ""): string[] {
  const prefix = `${indent}# `;
  const out: string[] = [];
  for (const paragraph of text.split("\n")) {
    let line = "";
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      if (line && prefix.length + line.length + 1 + word.length > WIDTH) {
        out.push(prefix + line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    out.push(line ? prefix + line : prefix.trimEnd());
  }
  return out;
}
