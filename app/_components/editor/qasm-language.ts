import * as monaco from "monaco-editor/editor";

import { GATES_BY_NAME } from "@/lib/quantum/gate-catalog";

import { type QasmCompletionKind, qasmCompletions } from "./qasm-completions";
import { gateHoverMarkdown } from "./qasm-gate-docs";
import { pragmaHover } from "./qasm-pragmas";
import { QASM_LANGUAGE_ID, qasmMonarch } from "./qasm-monarch";
import { scanRegisters } from "./qasm-registers";
import { qasmWordHover } from "./qasm-words";

/**
 * Registers OpenQASM with Monaco: tokenizer, brackets and comments, completion and hover.
 * Monaco's language registry is global, so this runs once however many editors a page has.
 * The content (which words, which docs) comes from the Monaco-free modules beside this one;
 * this file only adapts it to Monaco's types.
 */
let registered = false;

function completionKind(kind: QasmCompletionKind): monaco.languages.CompletionItemKind {
  const kinds = monaco.languages.CompletionItemKind;
  switch (kind) {
    case "register":
      return kinds.Variable;
    case "gate":
      return kinds.Function;
    case "keyword":
      return kinds.Keyword;
    case "type":
      return kinds.TypeParameter;
    case "constant":
      return kinds.Constant;
    case "pragma":
      return kinds.Snippet;
    default: {
      const never: never = kind;
      throw new Error(`unknown completion kind ${JSON.stringify(never)}`);
    }
  }
}

const languageConfiguration: monaco.languages.LanguageConfiguration = {
  comments: { lineComment: "//", blockComment: ["/*", "*/"] },
  brackets: [
    ["{", "}"],
    ["[", "]"],
    ["(", ")"],
  ],
  autoClosingPairs: [
    { open: "{", close: "}" },
    { open: "[", close: "]" },
    { open: "(", close: ")" },
    { open: '"', close: '"', notIn: ["string", "comment"] },
    { open: "/*", close: " */", notIn: ["string"] },
  ],
  surroundingPairs: [
    { open: "{", close: "}" },
    { open: "[", close: "]" },
    { open: "(", close: ")" },
    { open: '"', close: '"' },
  ],
  indentationRules: {
    increaseIndentPattern: /\{[^}"']*$/,
    decreaseIndentPattern: /^\s*\}/,
  },
  // Identifiers may use Greek letters (θ, φ), as the catalog's parameter names do.
  wordPattern: /[\p{L}_][\p{L}\p{N}_]*|-?\d*\.?\d+(?:[eE][+-]?\d+)?/u,
};

export function registerQasmLanguage(): void {
  if (registered) return;
  registered = true;

  monaco.languages.register({ id: QASM_LANGUAGE_ID, extensions: [".qasm"], aliases: ["OpenQASM"] });
  monaco.languages.setMonarchTokensProvider(QASM_LANGUAGE_ID, qasmMonarch);
  monaco.languages.setLanguageConfiguration(QASM_LANGUAGE_ID, languageConfiguration);

  monaco.languages.registerCompletionItemProvider(QASM_LANGUAGE_ID, {
    provideCompletionItems(model, position) {
      const word = model.getWordUntilPosition(position);
      const range = new monaco.Range(
        position.lineNumber,
        word.startColumn,
        position.lineNumber,
        word.endColumn,
      );
      // `#` is not part of a word: a pragma item replaces a `#` typed just before the word too.
      const hashBefore =
        word.startColumn > 1 &&
        model.getValueInRange(
          new monaco.Range(
            position.lineNumber,
            word.startColumn - 1,
            position.lineNumber,
            word.startColumn,
          ),
        ) === "#";
      const pragmaRange = hashBefore
        ? new monaco.Range(
            position.lineNumber,
            word.startColumn - 1,
            position.lineNumber,
            word.endColumn,
          )
        : range;
      const suggestions = qasmCompletions(model.getValue()).map(
        (item): monaco.languages.CompletionItem => ({
          label: { label: item.label, description: item.detail },
          kind: completionKind(item.kind),
          detail: item.detail,
          documentation: { value: item.documentation },
          insertText: item.insertText,
          insertTextRules: item.snippet
            ? monaco.languages.CompletionItemInsertTextRule.InsertAsSnippet
            : undefined,
          sortText: item.sortText,
          range: item.kind === "pragma" ? pragmaRange : range,
        }),
      );
      return { suggestions };
    },
  });

  monaco.languages.registerHoverProvider(QASM_LANGUAGE_ID, {
    provideHover(model, position) {
      const word = model.getWordAtPosition(position);
      if (!word) return null;
      const range = new monaco.Range(
        position.lineNumber,
        word.startColumn,
        position.lineNumber,
        word.endColumn,
      );
      const pragma = pragmaHover(model.getLineContent(position.lineNumber), word.word);
      if (pragma) return { range, contents: [{ value: pragma }] };
      const gate = GATES_BY_NAME.get(word.word);
      if (gate) {
        return { range, contents: gateHoverMarkdown(gate).map((value) => ({ value })) };
      }
      const reserved = qasmWordHover(word.word);
      if (reserved) return { range, contents: [{ value: reserved }] };
      const register = scanRegisters(model.getValue()).find((r) => r.name === word.word);
      if (register) {
        return {
          range,
          contents: [{ value: `\`${register.declaration};\` — declared on line ${register.line}` }],
        };
      }
      return null;
    },
  });
}
