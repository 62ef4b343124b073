/**
 * The reserved words of OpenQASM 2 and 3 as the editor shows them, derived from the engine's one
 * vocabulary table (lib/quantum/qasm/vocabulary.ts) so the editor and the engine agree. The
 * server-side highlighter (lib/notebook/highlight-qasm.ts) derives its classes from the same
 * table. Gate names are not here: they come from the gate catalog.
 */
import {
  supportNote,
  type VocabularyEntry,
  VOCABULARY_BY_WORD,
  wordsOfClass,
} from "@/lib/quantum/qasm/vocabulary";

export type QasmWord = VocabularyEntry;

/** Keywords, modifiers included (they are keywords that colour differently). */
export const QASM_KEYWORDS: readonly QasmWord[] = [
  ...wordsOfClass("keyword"),
  ...wordsOfClass("modifier"),
];

export const QASM_TYPES: readonly QasmWord[] = wordsOfClass("type");

export const QASM_CONSTANTS: readonly QasmWord[] = wordsOfClass("constant");

/** Gate modifiers: listed apart so the grammar can colour them. */
export const QASM_MODIFIERS: readonly string[] = wordsOfClass("modifier").map((e) => e.word);

/** Hover markdown for a reserved word: its doc, and what Ketbook does with it when not plain. */
export function qasmWordHover(word: string): string | null {
  const e = VOCABULARY_BY_WORD.get(word);
  if (e === undefined) return null;
  const note = supportNote(e);
  return note === "" ? `**\`${e.word}\`** — ${e.doc}` : `**\`${e.word}\`** — ${e.doc}\n\n${note}`;
}

/** Words completion offers: those the engine accepts (refused ones would only lead to an error). */
export function offeredWords(list: readonly QasmWord[]): QasmWord[] {
  return list.filter((e) => e.support !== "unsupported");
}
