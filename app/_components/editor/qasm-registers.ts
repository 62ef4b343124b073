/**
 * Finds the registers a program declares, for completion and hover. A quick text scan, not the
 * engine's parser: it must work on half-typed code, so it only recognises complete declarations
 * and ignores everything else.
 *
 * Recognised (after comments are blanked out):
 *   oldStyleDeclarationStatement:  (qreg | creg) Identifier designator? ;
 *   quantumDeclarationStatement:   qubit designator? Identifier ;
 *   classicalDeclarationStatement: bit designator? Identifier (= expression)? ;
 * Subroutine and gate parameters (`def f(qubit a)`) are local, so they are not reported.
 */
export interface DeclaredRegister {
  readonly name: string;
  /** Number of (qu)bits, or null when the size is an expression such as a constant's name. */
  readonly size: number | null;
  readonly kind: "qubit" | "bit";
  /** How it was declared, e.g. "qreg q[2]" or "qubit[2] q", for display. */
  readonly declaration: string;
  /** 1-based line of the declaration. */
  readonly line: number;
}

const IDENT = String.raw`[\p{L}_][\p{L}\p{N}_]*`;
const OLD_STYLE = new RegExp(
  String.raw`\b(qreg|creg)\s+(${IDENT})\s*(?:\[\s*([^\]\n]*?)\s*\])?\s*;`,
  "gu",
);
const NEW_STYLE = new RegExp(
  String.raw`\b(qubit|bit)\s*(?:\[\s*([^\]\n]*?)\s*\])?\s+(${IDENT})\s*[;=]`,
  "gu",
);

/**
 * The source with every comment replaced by spaces (newlines kept), so offsets and line numbers
 * still match the original text. Strings are left alone: a `//` inside one is not a comment.
 */
export function blankComments(source: string): string {
  return source.replace(/"[^"\n]*"?|'[^'\n]*'?|\/\/[^\n]*|\/\*[\s\S]*?(?:\*\/|$)/g, (match) =>
    match.startsWith("/") ? match.replace(/[^\n]/g, " ") : match,
  );
}

function parseSize(text: string | undefined): number | null {
  if (text === undefined) return 1;
  return /^\d+$/.test(text) ? Number(text) : null;
}

function lineAt(source: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) if (source.charCodeAt(i) === 10) line++;
  return line;
}

/** Registers in declaration order; a name declared twice is reported once (the first time). */
export function scanRegisters(source: string): DeclaredRegister[] {
  const text = blankComments(source);
  const found: { index: number; register: DeclaredRegister }[] = [];
  for (const match of text.matchAll(OLD_STYLE)) {
    const [, keyword, name, size] = match;
    found.push({
      index: match.index,
      register: {
        name,
        size: parseSize(size),
        kind: keyword === "qreg" ? "qubit" : "bit",
        declaration: `${keyword} ${name}${size === undefined ? "" : `[${size}]`}`,
        line: lineAt(text, match.index),
      },
    });
  }
  for (const match of text.matchAll(NEW_STYLE)) {
    const [, keyword, size, name] = match;
    found.push({
      index: match.index,
      register: {
        name,
        size: parseSize(size),
        kind: keyword === "qubit" ? "qubit" : "bit",
        declaration: `${keyword}${size === undefined ? "" : `[${size}]`} ${name}`,
        line: lineAt(text, match.index),
      },
    });
  }
  found.sort((a, b) => a.index - b.index);
  const seen = new Set<string>();
  const registers: DeclaredRegister[] = [];
  for (const { register } of found) {
    if (seen.has(register.name)) continue;
    seen.add(register.name);
    registers.push(register);
  }
  return registers;
}
