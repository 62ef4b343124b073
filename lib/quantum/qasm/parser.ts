/**
 * The parser: tokens → syntax tree. Recursive descent; each `parseX` carries the OpenQASM 3
 * grammar rule it implements (OpenQASM 2 forms are listed beside their OpenQASM 3 rule).
 * Declarations and quantum statements live in parse-statements.ts; this file holds the program
 * structure and the dispatch on the first token of a statement.
 */
import { QuantumError } from "../errors";
import type { Program, Statement } from "./ast";
import { TokenCursor } from "./cursor";
import { lex } from "./lexer";
import { ExpressionParser } from "./parse-expression";
import { StatementParser } from "./parse-statements";

export function parse(source: string): Program {
  const cursor = new TokenCursor(lex(source));
  const header = parseVersion(cursor);
  const expressions = new ExpressionParser(cursor, header.version === "2.0");
  const statements = new StatementParser(cursor, expressions).parseProgramBody();
  return { version: header.version, explicitVersion: header.explicit, statements };
}

/**
 * version: OPENQASM VersionSpecifier SEMICOLON
 *
 * Optional: a program without it is OpenQASM 3. Any 3.x is read as 3.0.
 */
function parseVersion(cursor: TokenCursor): { version: Program["version"]; explicit: boolean } {
  if (!cursor.is("OPENQASM")) return { version: "3.0", explicit: false };
  cursor.next();
  const token = cursor.token;
  if (token.kind !== "integer" && token.kind !== "float") {
    throw cursor.unexpected("a version number after `OPENQASM`");
  }
  cursor.next();
  const major = Math.floor(token.value);
  let version: Program["version"];
  if (major === 2 && token.value === 2) version = "2.0";
  else if (major === 3) version = "3.0";
  else {
    throw new QuantumError(
      "unsupported",
      `OpenQASM version ${token.text} is not supported; use 2.0 or 3.0`,
      token.loc,
    );
  }
  cursor.expect(";", "after the version");
  return { version, explicit: true };
}

export type { Statement };
