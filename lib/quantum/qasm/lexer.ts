/**
 * The lexer: source text → tokens with 1-based line and column.
 *
 * Columns count UTF-16 code units, as JavaScript strings and the Monaco editor do, so an error
 * location can be handed to the editor unchanged. `\r\n`, `\n` and a lone `\r` each end a line.
 * Comments (`//`, `/* *\/`) and whitespace are skipped; pragmas keep the rest of their line.
 */
import { QuantumError } from "../errors";
import type { SourceLocation } from "../ir";
import { PUNCTUATORS, type Token, type TokenKind } from "./tokens";
import { DURATION_UNITS } from "./vocabulary";

/** Characters learners paste from documents, with the ASCII they meant. */
const LOOKALIKES: ReadonlyMap<string, string> = new Map([
  ["\u2212", "-"],
  ["\u2013", "-"],
  ["\u00d7", "*"],
  ["\u2018", "'"],
  ["\u2019", "'"],
  ["\u201c", '"'],
  ["\u201d", '"'],
  ["\uff1b", ";"],
]);

/** Punctuators grouped by first character, longest first, so each token tries only a few. */
const PUNCTUATORS_BY_FIRST = new Map<string, string[]>();
for (const p of PUNCTUATORS) {
  const group = PUNCTUATORS_BY_FIRST.get(p[0]) ?? [];
  group.push(p);
  PUNCTUATORS_BY_FIRST.set(p[0], group);
}

const IDENT_START = /[\p{L}_]/u;
const IDENT_PART = /[\p{L}\p{N}_]/u;

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isAsciiIdentStart(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || code === 95;
}

export function lex(source: string): Token[] {
  return new Lexer(source).run();
}

class Lexer {
  private pos = 0;
  private line = 1;
  private lineStart = 0;
  /** True until the first token of the current line, for `pragma` detection. */
  private atLineStart = true;
  private readonly tokens: Token[] = [];

  constructor(private readonly src: string) {}

  /**
   * A lexical error does not throw here: it becomes an "invalid" token that throws when the
   * parser reaches it, so an earlier construct is reported first (`delay[100ns]` is refused
   * for `delay`, not for the duration literal). Lexing stops at the first such token.
   */
  run(): Token[] {
    for (;;) {
      const offset = this.pos;
      const loc = this.here();
      try {
        this.skipTrivia();
        if (this.pos >= this.src.length) {
          this.tokens.push(this.make("eof", "", this.pos, this.here(), 0));
          return this.tokens;
        }
        this.readToken();
      } catch (error) {
        if (!(error instanceof QuantumError)) throw error;
        const at = error.loc ?? loc;
        this.tokens.push({ ...this.make("invalid", "", offset, at, 0), error });
        this.tokens.push(this.make("eof", "", this.src.length, at, 0));
        return this.tokens;
      }
      this.atLineStart = false;
    }
  }

  private here(): SourceLocation {
    return { line: this.line, column: this.pos - this.lineStart + 1 };
  }

  private make(kind: TokenKind, text: string, offset: number, loc: SourceLocation, value: number) {
    return { kind, text, value, loc, offset };
  }

  private newline(): void {
    // `\r\n` is one line end: consume the `\n` with it.
    if (this.src.charCodeAt(this.pos) === 13 && this.src.charCodeAt(this.pos + 1) === 10) {
      this.pos++;
    }
    this.pos++;
    this.line++;
    this.lineStart = this.pos;
    this.atLineStart = true;
  }

  private skipTrivia(): void {
    const src = this.src;
    while (this.pos < src.length) {
      const c = src.charCodeAt(this.pos);
      if (c === 10 || c === 13) {
        this.newline();
      } else if (c === 32 || c === 9 || c === 12 || c === 11 || c === 0xfeff || c === 0xa0) {
        this.pos++;
      } else if (c === 47 && src.charCodeAt(this.pos + 1) === 47) {
        while (this.pos < src.length && !this.isLineEnd(src.charCodeAt(this.pos))) this.pos++;
      } else if (c === 47 && src.charCodeAt(this.pos + 1) === 42) {
        this.skipBlockComment();
      } else {
        return;
      }
    }
  }

  private isLineEnd(code: number): boolean {
    return code === 10 || code === 13;
  }

  private skipBlockComment(): void {
    const start = this.here();
    this.pos += 2;
    while (this.pos < this.src.length) {
      const c = this.src.charCodeAt(this.pos);
      if (c === 42 && this.src.charCodeAt(this.pos + 1) === 47) {
        this.pos += 2;
        return;
      }
      if (this.isLineEnd(c)) this.newline();
      else this.pos++;
    }
    throw new QuantumError("syntax", "unterminated comment: `/*` has no closing `*/`", start);
  }

  private readToken(): void {
    const src = this.src;
    const c = src.charCodeAt(this.pos);
    const loc = this.here();
    const start = this.pos;
    if (isDigit(c) || (c === 46 && isDigit(src.charCodeAt(this.pos + 1)))) {
      this.readNumber(loc);
    } else if (c === 34 || c === 39) {
      this.readString(loc);
    } else if (c === 35) {
      this.readHash(loc);
    } else if (c === 36) {
      this.pos++;
      while (isDigit(src.charCodeAt(this.pos))) this.pos++;
      if (this.pos === start + 1) {
        throw new QuantumError("syntax", "expected a number after `$`", loc);
      }
      const text = src.slice(start, this.pos);
      this.tokens.push(this.make("hardwareQubit", text, start, loc, Number(text.slice(1))));
    } else if (isAsciiIdentStart(c) || (c > 127 && this.identStartAt(this.pos))) {
      this.readIdentifier(loc);
    } else {
      this.readPunctuator(loc);
    }
  }

  private identStartAt(pos: number): boolean {
    const ch = String.fromCodePoint(this.src.codePointAt(pos) ?? 0);
    return IDENT_START.test(ch);
  }

  private readIdentifier(loc: SourceLocation): void {
    const start = this.pos;
    const src = this.src;
    while (this.pos < src.length) {
      const c = src.charCodeAt(this.pos);
      if (isAsciiIdentStart(c) || isDigit(c)) {
        this.pos++;
      } else if (c > 127) {
        const cp = src.codePointAt(this.pos) ?? 0;
        const ch = String.fromCodePoint(cp);
        if (!IDENT_PART.test(ch)) break;
        this.pos += ch.length;
      } else {
        break;
      }
    }
    const text = src.slice(start, this.pos);
    if (text === "pragma" && this.atLineStart) {
      this.tokens.push(this.pragma(start, loc));
      return;
    }
    this.tokens.push(this.make("identifier", text, start, loc, 0));
  }

  private readHash(loc: SourceLocation): void {
    const start = this.pos;
    if (this.src.startsWith("#pragma", this.pos) && this.atLineStart) {
      this.pos += "#pragma".length;
      this.tokens.push(this.pragma(start, loc));
      return;
    }
    throw new QuantumError(
      "syntax",
      "unexpected character `#` (only `#pragma` lines may start with `#`)",
      loc,
    );
  }

  /** A pragma token: the rest of the line, with where that text starts (for located errors). */
  private pragma(start: number, loc: SourceLocation): Token {
    while (this.pos < this.src.length && /[ \t]/.test(this.src[this.pos])) this.pos++;
    const textLoc = this.here();
    return { ...this.make("pragma", this.restOfLine(), start, loc, 0), textLoc };
  }

  private restOfLine(): string {
    const start = this.pos;
    while (this.pos < this.src.length && !this.isLineEnd(this.src.charCodeAt(this.pos))) {
      this.pos++;
    }
    return this.src.slice(start, this.pos).trim();
  }

  private readString(loc: SourceLocation): void {
    const quote = this.src.charCodeAt(this.pos);
    const start = ++this.pos;
    while (this.pos < this.src.length && this.src.charCodeAt(this.pos) !== quote) {
      if (this.isLineEnd(this.src.charCodeAt(this.pos))) break;
      this.pos++;
    }
    if (this.src.charCodeAt(this.pos) !== quote) {
      throw new QuantumError("syntax", "unterminated string: missing closing quote", loc);
    }
    const text = this.src.slice(start, this.pos);
    this.pos++;
    this.tokens.push(this.make("string", text, start - 1, loc, 0));
  }

  private digits(test: (code: number) => boolean): void {
    while (this.pos < this.src.length) {
      const c = this.src.charCodeAt(this.pos);
      // `1_000` is allowed in OpenQASM 3, but only between digits.
      if (test(c) || (c === 95 && test(this.src.charCodeAt(this.pos + 1)))) this.pos++;
      else return;
    }
  }

  private readNumber(loc: SourceLocation): void {
    const src = this.src;
    const start = this.pos;
    let kind: TokenKind = "integer";
    const radix =
      src[this.pos] === "0"
        ? ({ x: 16, X: 16, b: 2, B: 2, o: 8 } as const)[src[this.pos + 1] as "x"]
        : undefined;
    if (radix !== undefined) {
      this.pos += 2;
      const digitsStart = this.pos;
      this.digits((code) => !Number.isNaN(parseInt(String.fromCharCode(code), radix)));
      if (this.pos === digitsStart) {
        throw new QuantumError(
          "syntax",
          `expected digits after \`${src.slice(start, this.pos)}\``,
          loc,
        );
      }
    } else {
      this.digits(isDigit);
      if (src.charCodeAt(this.pos) === 46) {
        kind = "float";
        this.pos++;
        this.digits(isDigit);
      }
      const e = src.charCodeAt(this.pos);
      if (e === 101 || e === 69) {
        const sign = src.charCodeAt(this.pos + 1);
        const skip = sign === 43 || sign === 45 ? 2 : 1;
        if (isDigit(src.charCodeAt(this.pos + skip))) {
          kind = "float";
          this.pos += skip;
          this.digits(isDigit);
        }
      }
    }
    const text = src.slice(start, this.pos);
    const clean = text.replace(/_/g, "");
    const value = radix !== undefined ? parseInt(clean.slice(2), radix) : Number(clean);
    const unit = this.numberSuffix(text, loc);
    if (unit !== undefined) {
      this.pos += unit.length;
      this.tokens.push(this.make("duration", text + unit, start, loc, value));
      return;
    }
    this.tokens.push(this.make(kind, text, start, loc, value));
  }

  /**
   * A number glued to a name: a duration unit (`100ns`, returned), or a mistake (`2pi`) or an
   * unsupported literal (`1im`), thrown.
   */
  private numberSuffix(text: string, loc: SourceLocation): string | undefined {
    const c = this.src.charCodeAt(this.pos);
    if (!(isAsciiIdentStart(c) || (c > 127 && this.identStartAt(this.pos)))) return undefined;
    const save = this.pos;
    const before = this.tokens.length;
    this.readIdentifier(this.here());
    const suffix = this.tokens[before]?.text ?? "";
    this.tokens.length = before;
    this.pos = save;
    if (DURATION_UNITS.has(suffix)) return suffix;
    if (suffix === "im") {
      throw new QuantumError(
        "unsupported",
        `complex numbers (\`${text}im\`) are not supported`,
        loc,
      );
    }
    throw new QuantumError(
      "syntax",
      `a number cannot be followed directly by \`${suffix}\`; did you mean \`${text}*${suffix}\`?`,
      loc,
    );
  }

  private readPunctuator(loc: SourceLocation): void {
    const src = this.src;
    for (const p of PUNCTUATORS_BY_FIRST.get(src[this.pos]) ?? []) {
      if (src.startsWith(p, this.pos)) {
        this.tokens.push(this.make("punctuator", p, this.pos, loc, 0));
        this.pos += p.length;
        return;
      }
    }
    const cp = src.codePointAt(this.pos) ?? 0;
    const ch = String.fromCodePoint(cp);
    const hex = cp.toString(16).toUpperCase().padStart(4, "0");
    const meant = LOOKALIKES.get(ch);
    const hint = meant ? `; did you mean \`${meant}\`?` : "";
    throw new QuantumError("syntax", `unexpected character \`${ch}\` (U+${hex})${hint}`, loc);
  }
}
