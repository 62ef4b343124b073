/**
 * indexOperator: LBRACKET (setExpression | (expression | rangeExpression)) RBRACKET, one
 * dimension: `q[2]`, `q[1:3]`, `q[0:2:6]`, `q[:2]`, `q[{0, 3}]`. Shared by operands and
 * expressions; called with the cursor on `[`.
 */
import { QuantumError } from "../errors";
import type { Expression, IndexSelector } from "./ast";
import type { TokenCursor } from "./cursor";
import type { ExpressionParser } from "./parse-expression";

export function parseIndex(
  cursor: TokenCursor,
  expressions: ExpressionParser,
  name: string,
): Expression | IndexSelector {
  const open = cursor.expect("[");
  let index: Expression | IndexSelector;
  if (cursor.accept("{")) {
    const values = expressions.parseExpressionList("}");
    cursor.expect("}", "to close the index set");
    index = { kind: "set", values, loc: open.loc };
  } else {
    const first = cursor.is(":") ? undefined : expressions.parseExpression();
    if (cursor.accept(":")) {
      const second = cursor.is(":") || cursor.is("]") ? undefined : expressions.parseExpression();
      if (cursor.accept(":")) {
        const end = cursor.is("]") ? undefined : expressions.parseExpression();
        index = { kind: "range", start: first, step: second, end, loc: open.loc };
      } else {
        index = { kind: "range", start: first, end: second, loc: open.loc };
      }
    } else if (first === undefined) {
      throw cursor.unexpected("an index");
    } else {
      index = first;
    }
  }
  if (cursor.is(",")) {
    throw new QuantumError(
      "unsupported",
      `multi-dimensional indexing (\`${name}[a, b]\`) is not supported; write one index, a slice \`${name}[a:b]\` or a set \`${name}[{a, b}]\``,
      cursor.token.loc,
    );
  }
  cursor.expect("]", "after the index");
  if (cursor.is("[")) {
    throw new QuantumError(
      "unsupported",
      `multi-dimensional indexing (\`${name}[..][..]\`) is not supported`,
      cursor.token.loc,
    );
  }
  return index;
}
