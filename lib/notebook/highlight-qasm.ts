import { GATES_BY_NAME } from "@/lib/quantum/gate-catalog";
import { VOCABULARY } from "@/lib/quantum/qasm/vocabulary";

/**
 * Tokens for read-only syntax highlighting of OpenQASM 2/3. Deliberately forgiving: it colours
 * whatever text it is given and never rejects code (the engine's parser does that, with errors).
 */
export type QasmTokenKind =
  | "keyword"
  | "type"
  | "gate"
  | "number"
  | "string"
  | "comment"
  | "constant"
  | "operator"
  | "identifier"
  | "whitespace";

export interface QasmToken {
  readonly kind: QasmTokenKind;
  readonly text: string;
}

const KEYWORDS: ReadonlySet<string> = new Set(
  VOCABULARY.filter((e) => e.class === "keyword" || e.class === "modifier").map((e) => e.word),
);
const TYPES: ReadonlySet<string> = new Set(
  VOCABULARY.filter((e) => e.class === "type").map((e) => e.word),
);
const CONSTANTS: ReadonlySet<string> = new Set(
  VOCABULARY.filter((e) => e.class === "constant").map((e) => e.word),
);

const TOKEN = new RegExp(
  [
    String.raw`(?<comment>//[^\n]*|/\*[\s\S]*?(?:\*/|$)|#pragma[^\n]*)`,
    String.raw`(?<string>"[^"\n]*"?)`,
    String.raw`(?<number>\d+(?:\.\d*)?(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?)`,
    String.raw`(?<word>[A-Za-z_πτℇ]\w*)`,
    String.raw`(?<whitespace>\s+)`,
    String.raw`(?<operator>->|==|!=|<=|>=|\*\*|[-+*/%=<>!&|^~@;,:()[\]{}.])`,
  ].join("|"),
  "gu",
);

export function highlightQasm(source: string): QasmToken[] {
  const tokens: QasmToken[] = [];
  let last = 0;
  for (const match of source.matchAll(TOKEN)) {
    if (match.index > last)
      tokens.push({ kind: "identifier", text: source.slice(last, match.index) });
    const groups = match.groups ?? {};
    const text = match[0];
    if (groups.word !== undefined) tokens.push({ kind: classifyWord(text), text });
    else {
      const kind =
        (Object.keys(groups) as QasmTokenKind[]).find((k) => groups[k] !== undefined) ??
        "identifier";
      tokens.push({ kind, text });
    }
    last = match.index + text.length;
  }
  if (last < source.length) tokens.push({ kind: "identifier", text: source.slice(last) });
  return tokens;
}

function classifyWord(word: string): QasmTokenKind {
  if (KEYWORDS.has(word)) return "keyword";
  if (TYPES.has(word)) return "type";
  if (CONSTANTS.has(word)) return "constant";
  if (GATES_BY_NAME.has(word)) return "gate";
  return "identifier";
}
