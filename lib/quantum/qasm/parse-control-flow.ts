/**
 * Control flow: `if`/`else` and `for` loops, whose bodies are a scope or a single statement.
 */
import { QuantumError } from "../errors";
import type { Expression, ForIterable, IfStatement, Statement } from "./ast";
import type { StatementParser } from "./parse-statements";

/**
 * ifStatement: IF LPAREN expression RPAREN if_body=statementOrScope
 *   (ELSE else_body=statementOrScope)?
 */
export function parseIf(parser: StatementParser): IfStatement {
  const keyword = parser.cursor.next();
  parser.cursor.expect("(", "after `if`");
  const condition = parser.expressions.parseExpression();
  parser.cursor.expect(")", "after the `if` condition");
  const then = parser.nested(keyword.loc, () => parseBody(parser));
  const elseToken = parser.cursor.accept("else");
  if (!elseToken) return { kind: "if", condition, then, loc: keyword.loc };
  const otherwise = parser.nested(elseToken.loc, () => parseBody(parser));
  return {
    kind: "if",
    condition,
    then,
    else: otherwise,
    elseLoc: elseToken.loc,
    loc: keyword.loc,
  };
}

/** whileStatement: WHILE LPAREN expression RPAREN body=statementOrScope */
export function parseWhile(parser: StatementParser): Statement {
  const keyword = parser.cursor.next();
  parser.cursor.expect("(", "after `while`");
  const condition = parser.expressions.parseExpression();
  parser.cursor.expect(")", "after the `while` condition");
  const body = parser.nested(keyword.loc, () => parseBody(parser));
  return { kind: "while", condition, body, loc: keyword.loc };
}

/** The body of `if`/`for`/`while`: a scope, or one statement. */
function parseBody(parser: StatementParser): Statement[] {
  if (parser.cursor.is("{")) return parser.parseScope("block");
  return [parser.parseStatement()];
}

/**
 * forStatement: FOR scalarType Identifier IN (setExpression | LBRACKET rangeExpression
 *   RBRACKET) body=statementOrScope
 * rangeExpression: expression COLON expression (COLON expression)?
 */
export function parseFor(parser: StatementParser): Statement {
  const cursor = parser.cursor;
  const keyword = cursor.next();
  if (cursor.token.kind === "identifier" && !cursor.is("in", cursor.peek())) {
    const type = cursor.next();
    if (type.text !== "int" && type.text !== "uint") {
      throw new QuantumError(
        "unsupported",
        `\`for\` loops over \`${type.text}\` are not supported; use \`int\` or \`uint\``,
        type.loc,
      );
    }
    if (cursor.accept("[")) {
      parser.expressions.parseExpression();
      cursor.expect("]", "after the type width");
    }
  }
  const variable = parser.identifier("a loop variable name");
  cursor.expect("in", "after the loop variable");
  const iterable = parseIterable(parser);
  const body = parser.nested(keyword.loc, () => parseBody(parser));
  return { kind: "for", variable, iterable, body, loc: keyword.loc };
}

function parseIterable(parser: StatementParser): ForIterable {
  const cursor = parser.cursor;
  const open = cursor.token;
  if (cursor.accept("{")) {
    const values = parser.expressions.parseExpressionList("}");
    cursor.expect("}", "to close the set");
    return { kind: "set", values, loc: open.loc };
  }
  if (!cursor.accept("[")) {
    throw new QuantumError(
      "unsupported",
      "`for` loops can only run over a range `[a:b]` or a set `{a, b}`",
      open.loc,
    );
  }
  const start = parser.expressions.parseExpression();
  cursor.expect(":", "in the range (write `[start:end]`)");
  let end = parser.expressions.parseExpression();
  let step: Expression | undefined;
  if (cursor.accept(":")) {
    step = end;
    end = parser.expressions.parseExpression();
  }
  cursor.expect("]", "to close the range");
  return { kind: "range", start, step, end, loc: open.loc };
}
