import { GATE_CATALOG, type GateSignature } from "@/lib/quantum/gate-catalog";

import { gateSignatureLabel, operandNames } from "./qasm-gate-docs";
import { type DeclaredRegister, scanRegisters } from "./qasm-registers";
import { PRAGMA_DOCS, type PragmaDoc } from "./qasm-pragmas";
import { offeredWords, QASM_CONSTANTS, QASM_KEYWORDS, QASM_TYPES } from "./qasm-words";

/**
 * Completion items for OpenQASM, independent of Monaco (qasm-language.ts maps them to Monaco's
 * types). Offered everywhere: the list is short, and the suggest widget filters as one types.
 */
export type QasmCompletionKind = "register" | "gate" | "keyword" | "type" | "constant" | "pragma";

export interface QasmCompletion {
  readonly label: string;
  readonly kind: QasmCompletionKind;
  /** Short text right of the label, e.g. the signature `rz(θ) q`. */
  readonly detail: string;
  /** Markdown shown in the details pane. */
  readonly documentation: string;
  /** Text to insert; a snippet (`${1:θ}` placeholders) when `snippet` is true. */
  readonly insertText: string;
  readonly snippet: boolean;
  /** Declared registers first, then gates, keywords, types and constants. */
  readonly sortText: string;
}

const SORT_GROUP: Readonly<Record<QasmCompletionKind, string>> = {
  register: "0",
  gate: "1",
  keyword: "2",
  type: "3",
  constant: "4",
  pragma: "5",
};

/** Escapes text for use inside a snippet placeholder (`$`, `}` and `\` are special there). */
export function escapeSnippetText(text: string): string {
  return text.replace(/[$}\\]/g, (ch) => `\\${ch}`);
}

/**
 * The snippet inserted for a gate: `rz(${1:θ}) ${2:q[0]};`. Qubit placeholders use the first
 * declared qubit register (q[0], q[1]… so a two-qubit gate is valid as inserted); without one
 * (or past a single-qubit register) they use the operand names of the signature.
 */
export function gateSnippet(gate: GateSignature, qubitRegister?: DeclaredRegister): string {
  let stop = 0;
  const placeholder = (text: string) => `\${${++stop}:${escapeSnippetText(text)}}`;
  const params =
    gate.params.length > 0 ? `(${gate.params.map((p) => placeholder(p)).join(", ")})` : "";
  const operands = operandNames(gate).map((name, i) => {
    if (!qubitRegister) return placeholder(name);
    // `qubit a;` is a single qubit, not indexable: only the first operand can be it.
    if (qubitRegister.size === 1) return placeholder(i === 0 ? qubitRegister.name : name);
    return placeholder(`${qubitRegister.name}[${i}]`);
  });
  return `${gate.name}${params} ${operands.join(", ")};$0`;
}

function gateCompletion(gate: GateSignature, qubitRegister?: DeclaredRegister): QasmCompletion {
  const label = gateSignatureLabel(gate);
  return {
    label: gate.name,
    kind: "gate",
    detail: label,
    documentation: `**\`${label}\`** — ${gate.doc}`,
    insertText: gateSnippet(gate, qubitRegister),
    snippet: true,
    sortText: `${SORT_GROUP.gate}${gate.name}`,
  };
}

function registerCompletion(register: DeclaredRegister): QasmCompletion {
  const what = register.kind === "qubit" ? "Qubit register" : "Classical register";
  const size = register.size === null ? "" : ` of ${register.size}`;
  return {
    label: register.name,
    kind: "register",
    detail: register.declaration,
    documentation: `${what}${size}, declared on line ${register.line}: \`${register.declaration};\``,
    insertText: register.name,
    snippet: false,
    sortText: `${SORT_GROUP.register}${register.name}`,
  };
}

function wordCompletion(
  kind: "keyword" | "type" | "constant",
  entry: { word: string; doc: string },
): QasmCompletion {
  return {
    label: entry.word,
    kind,
    detail: kind,
    documentation: entry.doc,
    insertText: entry.word,
    snippet: false,
    sortText: `${SORT_GROUP[kind]}${entry.word}`,
  };
}

function pragmaCompletion(doc: PragmaDoc): QasmCompletion {
  return {
    label: doc.label,
    kind: "pragma",
    detail: doc.detail,
    documentation: doc.documentation,
    insertText: doc.snippet,
    snippet: true,
    sortText: `${SORT_GROUP.pragma}${doc.label}`,
  };
}

/**
 * Everything that can be completed in `source`: its registers, the gates and the reserved words
 * the engine accepts (words it refuses are highlighted and explained on hover, not offered).
 */
export function qasmCompletions(source: string): QasmCompletion[] {
  const registers = scanRegisters(source);
  const firstQubits = registers.find((r) => r.kind === "qubit");
  return [
    ...registers.map(registerCompletion),
    ...GATE_CATALOG.map((gate) => gateCompletion(gate, firstQubits)),
    ...offeredWords(QASM_KEYWORDS).map((entry) => wordCompletion("keyword", entry)),
    ...offeredWords(QASM_TYPES).map((entry) => wordCompletion("type", entry)),
    ...offeredWords(QASM_CONSTANTS).map((entry) => wordCompletion("constant", entry)),
    ...PRAGMA_DOCS.map(pragmaCompletion),
  ];
}
