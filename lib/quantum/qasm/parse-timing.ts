/**
 * Timing constructs: `delay[t] q;`, `box[t] { ... }`, `duration d = 100ns;`, `stretch s;`.
 * The simulation has no clock, so their times are read past without being evaluated; the
 * lowering keeps the body of a `box` and notes that the timing was ignored.
 */
import { QuantumError } from "../errors";
import type { IndexedIdentifier, Statement } from "./ast";
import type { StatementParser } from "./parse-statements";

export const TIMING_WORDS: ReadonlySet<string> = new Set(["delay", "box", "duration", "stretch"]);

/** Called with the cursor on one of TIMING_WORDS. */
export function parseTiming(parser: StatementParser): Statement {
  const cursor = parser.cursor;
  const keyword = cursor.next();
  switch (keyword.text) {
    case "delay": {
      if (!cursor.is("[")) throw cursor.unexpected("`[` and a duration after `delay`");
      skipBracketed(parser);
      const operands: IndexedIdentifier[] = [];
      while (!cursor.is(";")) {
        operands.push(parser.parseOperand());
        if (!cursor.accept(",")) break;
      }
      parser.endOfStatement();
      return { kind: "timing", construct: "delay", operands, loc: keyword.loc };
    }
    case "box": {
      if (cursor.is("[")) skipBracketed(parser);
      const body = parser.parseScope("box");
      return { kind: "box", body, loc: keyword.loc };
    }
    default: {
      // `duration d = 100ns;`, `stretch s;`: nothing to keep.
      while (!cursor.is(";")) {
        if (cursor.atEnd()) throw cursor.unexpected("`;` after statement");
        cursor.next();
      }
      parser.endOfStatement();
      const construct = keyword.text === "duration" ? "duration" : "stretch";
      return { kind: "timing", construct, operands: [], loc: keyword.loc };
    }
  }
}

/** `[ ... ]` with nested brackets, read past: a duration the simulation does not use. */
function skipBracketed(parser: StatementParser): void {
  const cursor = parser.cursor;
  const open = cursor.expect("[");
  let depth = 1;
  while (depth > 0) {
    if (cursor.atEnd()) {
      throw new QuantumError(
        "syntax",
        `expected \`]\` to close the \`[\` at line ${open.loc.line}, found end of input`,
        cursor.token.loc,
      );
    }
    const token = cursor.next();
    if (token.kind === "punctuator" && token.text === "[") depth++;
    if (token.kind === "punctuator" && token.text === "]") depth--;
  }
}
