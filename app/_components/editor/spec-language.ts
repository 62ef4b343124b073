/**
 * The experiment spec editor's language: YAML-like colouring and completion from the spec's own
 * vocabulary (lib/qml/experiments/vocabulary.ts), with each field's doc beside it.
 */
import * as monaco from "monaco-editor/editor";

import { specCompletions } from "@/lib/qml/experiments/spec-completions";

export const SPEC_LANGUAGE_ID = "ketbook-experiment";

const tokens: monaco.languages.IMonarchLanguage = {
  defaultToken: "",
  tokenizer: {
    root: [
      [/#.*$/, "comment"],
      [/^---\s*$/, "delimiter"],
      [/[A-Za-z_]\w*(?=\s*:)/, "type"],
      [/\b(true|false|exact)\b/, "keyword"],
      [/-?\d+(\.\d+)?([eE][-+]?\d+)?/, "number"],
      [/"[^"]*"|'[^']*'/, "string"],
      [/[{}[\],:]/, "delimiter"],
    ],
  },
};

let registered = false;

export function registerSpecLanguage(): void {
  if (registered) return;
  registered = true;
  monaco.languages.register({ id: SPEC_LANGUAGE_ID, aliases: ["Ketbook experiment"] });
  monaco.languages.setMonarchTokensProvider(SPEC_LANGUAGE_ID, tokens);
  monaco.languages.setLanguageConfiguration(SPEC_LANGUAGE_ID, {
    comments: { lineComment: "#" },
    brackets: [
      ["{", "}"],
      ["[", "]"],
    ],
    autoClosingPairs: [
      { open: "{", close: "}" },
      { open: "[", close: "]" },
    ],
  });
  monaco.languages.registerCompletionItemProvider(SPEC_LANGUAGE_ID, {
    triggerCharacters: [" ", "{"],
    provideCompletionItems(model, position) {
      const word = model.getWordUntilPosition(position);
      const range = new monaco.Range(
        position.lineNumber,
        word.startColumn,
        position.lineNumber,
        word.endColumn,
      );
      const suggestions = specCompletions(
        model.getValue(),
        position.lineNumber,
        position.column,
      ).map((item): monaco.languages.CompletionItem => ({
        label: { label: item.label, description: item.detail },
        kind:
          item.kind === "field"
            ? monaco.languages.CompletionItemKind.Field
            : monaco.languages.CompletionItemKind.EnumMember,
        detail: item.detail,
        insertText: item.insertText,
        range,
      }));
      return { suggestions };
    },
  });
}
