/**
 * A cursor over the token list with the helpers every parsing function needs: look ahead,
 * consume what is expected, and build "expected X, found Y" errors that point at Y.
 */
import { QuantumError } from "../errors";
import type { SourceLocation } from "../ir";
import { describeToken, type Token } from "./tokens";

export class TokenCursor {
  private index = 0;

  constructor(private readonly tokens: readonly Token[]) {}

  /** The current token (the end-of-input token once everything is consumed). */
  get token(): Token {
    const token = this.tokens[this.index];
    if (token.error !== undefined) throw token.error;
    return token;
  }

  peek(ahead = 1): Token {
    return this.tokens[Math.min(this.index + ahead, this.tokens.length - 1)];
  }

  next(): Token {
    const token = this.token;
    if (token.kind !== "eof") this.index++;
    return token;
  }

  atEnd(): boolean {
    return this.token.kind === "eof";
  }

  /** Is the current token the punctuator or bare word `text`? */
  is(text: string, token: Token = this.token): boolean {
    return (token.kind === "punctuator" || token.kind === "identifier") && token.text === text;
  }

  /** Consume the token if it is `text`. */
  accept(text: string): Token | undefined {
    return this.is(text) ? this.next() : undefined;
  }

  /** Consume `text` or fail with "expected `text` <context>, found ...". */
  expect(text: string, context = ""): Token {
    if (this.is(text)) return this.next();
    throw this.unexpected(`\`${text}\`${context ? ` ${context}` : ""}`);
  }

  expectIdentifier(what: string): Token {
    if (this.token.kind === "identifier") return this.next();
    throw this.unexpected(what);
  }

  /** A syntax error at the current token: "expected <what>, found <token>". */
  unexpected(what: string, token: Token = this.token): QuantumError {
    return new QuantumError("syntax", `expected ${what}, found ${describeToken(token)}`, token.loc);
  }

  static unsupported(message: string, loc: SourceLocation): QuantumError {
    return new QuantumError("unsupported", message, loc);
  }
}
