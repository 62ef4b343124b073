import type { languages } from "monaco-editor/editor";

import { GATE_CATALOG } from "@/lib/quantum/gate-catalog";

import { QASM_CONSTANTS, QASM_KEYWORDS, QASM_MODIFIERS, QASM_TYPES } from "./qasm-words";

/**
 * Monarch tokenizer for OpenQASM 2 and 3: plain data, no Monaco runtime needed to build it.
 *
 * Token classes (the themes in qasm-themes.ts colour them by prefix):
 *   keyword (keyword.modifier for ctrl/negctrl/inv/pow) · type · gate · constant · identifier
 *   number (number.float, number.hex, number.binary, number.octal, number.duration, number.physical)
 *   string (string.invalid when unterminated) · comment (comment.pragma for `#pragma`/`pragma`)
 *   annotation (`@name` at the start of a statement) · operator · delimiter · delimiter.* brackets
 *
 * Like the server-side highlighter it never rejects text; errors are the parser's job.
 */
export const QASM_LANGUAGE_ID = "openqasm";

const words = (list: readonly { word: string }[]) => list.map((entry) => entry.word);

export const qasmMonarch: languages.IMonarchLanguage = {
  defaultToken: "",
  tokenPostfix: ".qasm",
  // Keywords are case-sensitive (`OPENQASM`, `U` and `CX` differ from `openqasm`, `u`, `cx`).
  ignoreCase: false,
  unicode: true,

  keywords: words(QASM_KEYWORDS).filter((word) => !QASM_MODIFIERS.includes(word)),
  modifiers: [...QASM_MODIFIERS],
  typeKeywords: words(QASM_TYPES),
  constants: words(QASM_CONSTANTS),
  gates: GATE_CATALOG.map((gate) => gate.name),

  brackets: [
    { open: "{", close: "}", token: "delimiter.curly" },
    { open: "[", close: "]", token: "delimiter.square" },
    { open: "(", close: ")", token: "delimiter.parenthesis" },
  ],

  tokenizer: {
    root: [
      // Directives own the rest of their line, as in the reference grammar.
      [/#pragma\b.*$/, "comment.pragma"],
      [/^\s*pragma\b.*$/, "comment.pragma"],
      [/^\s*@[\p{L}_][\p{L}\p{N}_.]*/u, "annotation"],

      { include: "@whitespace" },

      // `$0`: a physical qubit.
      [/\$\d+/, "number.physical"],

      [
        /[\p{L}_][\p{L}\p{N}_]*/u,
        {
          cases: {
            "@modifiers": "keyword.modifier",
            "@keywords": "keyword",
            "@typeKeywords": "type",
            "@constants": "constant",
            "@gates": "gate",
            "@default": "identifier",
          },
        },
      ],

      [/0[xX][0-9a-fA-F](?:_?[0-9a-fA-F])*/, "number.hex"],
      [/0[bB][01](?:_?[01])*/, "number.binary"],
      [/0[oO][0-7](?:_?[0-7])*/, "number.octal"],
      [
        /(?:\d(?:_?\d)*\.(?:\d(?:_?\d)*)?|\.\d(?:_?\d)*)(?:[eE][+-]?\d+)?(?:ns|us|µs|ms|s|dt|im)?/,
        "number.float",
      ],
      [/\d(?:_?\d)*[eE][+-]?\d+(?:im)?\b/, "number.float"],
      [/\d(?:_?\d)*(?:ns|us|µs|ms|s|dt)\b/, "number.duration"],
      [/\d(?:_?\d)*(?:im)?\b/, "number"],

      [/"[^"\n]*$/, "string.invalid"],
      [/'[^'\n]*$/, "string.invalid"],
      [/"[^"\n]*"/, "string"],
      [/'[^'\n]*'/, "string"],

      [/[{}()[\]]/, "@brackets"],
      [/->|==|!=|<=|>=|\*\*|&&|\|\||<<|>>|\+\+|[-+*/%=<>!&|^~@]/, "operator"],
      [/[;,.:]/, "delimiter"],
    ],

    whitespace: [
      [/[ \t\r\n]+/, ""],
      [/\/\*/, "comment", "@blockComment"],
      [/\/\/.*$/, "comment"],
    ],

    blockComment: [
      [/[^/*]+/, "comment"],
      [/\*\//, "comment", "@pop"],
      [/[/*]/, "comment"],
    ],
  },
};
