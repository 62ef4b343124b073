/**
 * Tokens produced by the lexer. Keywords are not a separate kind: OpenQASM keywords are only
 * reserved in some positions (`gate`, `measure`, `ctrl` ...), so the parser recognises them by
 * text, which keeps error messages simple ("found `measure`").
 */
import type { QuantumError } from "../errors";
import type { SourceLocation } from "../ir";

export type TokenKind =
  | "identifier"
  | "integer"
  | "float"
  | "string"
  | "punctuator"
  /** `#pragma ...` or `pragma ...`; `text` is the rest of the line, trimmed. */
  | "pragma"
  /** `100ns`, `2.5us`: a duration literal (only timing constructs use them). */
  | "duration"
  /** `$0`, `$12`: a physical qubit. */
  | "hardwareQubit"
  /** A lexical error, thrown by the parser when it reaches this point (see lexer.ts). */
  | "invalid"
  | "eof";

export interface Token {
  readonly kind: TokenKind;
  /** The source text of the token (for strings: the content without quotes). */
  readonly text: string;
  /** Numeric value of integer and float literals. */
  readonly value: number;
  readonly loc: SourceLocation;
  /** Offset of the first character, in UTF-16 code units. */
  readonly offset: number;
  /** Pragmas: where the text after `#pragma` starts, so its parts can be located. */
  readonly textLoc?: SourceLocation;
  /** The error of an "invalid" token. */
  readonly error?: QuantumError;
}

/**
 * Every punctuator the lexer knows, longest first so that the lexer can take the first match.
 * Some (`%`, `<<`, `+=` ...) exist only so that the parser can name them in an "unsupported"
 * message instead of reporting a stray character.
 */
export const PUNCTUATORS: readonly string[] = [
  "**=",
  "<<=",
  ">>=",
  "->",
  "**",
  "==",
  "!=",
  "<=",
  ">=",
  "&&",
  "||",
  "<<",
  ">>",
  "+=",
  "-=",
  "*=",
  "/=",
  "%=",
  "&=",
  "|=",
  "^=",
  ";",
  ",",
  "(",
  ")",
  "[",
  "]",
  "{",
  "}",
  ":",
  "=",
  "+",
  "-",
  "*",
  "/",
  "%",
  "^",
  "!",
  "~",
  "&",
  "|",
  "<",
  ">",
  "@",
];

/** How a token is shown in an error message: "`h`", "`;`", "end of input". */
export function describeToken(token: Token): string {
  switch (token.kind) {
    case "eof":
    case "invalid":
      return "end of input";
    case "string":
      return `\`"${token.text}"\``;
    case "pragma":
      return "`#pragma`";
    case "identifier":
    case "integer":
    case "float":
    case "duration":
    case "punctuator":
    case "hardwareQubit":
      return `\`${token.text}\``;
  }
}
