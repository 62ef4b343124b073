/**
 * Expressions, by precedence climbing. The grammar is OpenQASM 3's `expression` rule, whose
 * alternatives are listed from loosest to tightest binding:
 *
 *   logicalOrExpression  ||      logicalAndExpression  &&
 *   bitwiseOrExpression  |       bitwiseXorExpression  ^   (OpenQASM 2: `^` is power)
 *   bitwiseAndExpression &       equalityExpression    == !=
 *   comparisonExpression < > <= >=                     bitshiftExpression << >>
 *   additiveExpression   + -     multiplicativeExpression * / %
 *   unaryExpression      - ! ~   powerExpression       ** (right-associative, tighter than unary)
 *
 * Everything is parsed so that errors can name the construct; which operators a program may
 * actually use is decided when the expression is evaluated.
 */
import { QuantumError } from "../errors";
import type { SourceLocation } from "../ir";
import { type BinaryOperator, type Expression, isSelector, type UnaryOperator } from "./ast";
import type { TokenCursor } from "./cursor";
import { parseIndex } from "./parse-index";
import type { Token } from "./tokens";

/** Deeper than this is not a program a learner wrote, and would exhaust the call stack. */
export const MAX_EXPRESSION_DEPTH = 256;

type Level = readonly BinaryOperator[];

export class ExpressionParser {
  private depth = 0;
  private readonly levels: readonly Level[];

  constructor(
    private readonly cursor: TokenCursor,
    /** OpenQASM 2 writes powers as `a^b`. */
    caretIsPower: boolean,
  ) {
    this.levels = [
      ["||"],
      ["&&"],
      ["|"],
      caretIsPower ? [] : ["^"],
      ["&"],
      ["==", "!="],
      ["<", ">", "<=", ">="],
      ["<<", ">>"],
      ["+", "-"],
      ["*", "/", "%"],
    ];
  }

  /** expression */
  parseExpression(): Expression {
    return this.parseBinary(0);
  }

  /** expressionList: expression (COMMA expression)* COMMA? — closed by `close`. */
  parseExpressionList(close: string): Expression[] {
    const list: Expression[] = [];
    while (!this.cursor.is(close)) {
      list.push(this.parseExpression());
      if (!this.cursor.accept(",")) break;
    }
    return list;
  }

  private enter(loc: SourceLocation): void {
    if (++this.depth > MAX_EXPRESSION_DEPTH) {
      throw new QuantumError(
        "syntax",
        `expression is nested too deeply (more than ${MAX_EXPRESSION_DEPTH} levels)`,
        loc,
      );
    }
  }

  private parseBinary(level: number): Expression {
    if (level === this.levels.length) return this.parseUnary();
    const ops = this.levels[level];
    let left = this.parseBinary(level + 1);
    let entered = 0;
    for (;;) {
      const token = this.cursor.token;
      if (token.kind !== "punctuator") break;
      const op = ops.find((o) => o === token.text);
      if (!op) break;
      this.enter(token.loc);
      entered++;
      this.cursor.next();
      const right = this.parseBinary(level + 1);
      left = { kind: "binary", op, left, right, loc: token.loc };
    }
    this.depth -= entered;
    return left;
  }

  /** unaryExpression: (TILDE | EXCLAMATION_POINT | MINUS) expression */
  private parseUnary(): Expression {
    const token = this.cursor.token;
    if (token.kind === "punctuator" && ["-", "+", "!", "~"].includes(token.text)) {
      this.enter(token.loc);
      this.cursor.next();
      const operand = this.parseUnary();
      this.depth--;
      return { kind: "unary", op: token.text as UnaryOperator, operand, loc: token.loc };
    }
    return this.parsePower();
  }

  /** powerExpression: expression DOUBLE_ASTERISK expression (right-associative) */
  private parsePower(): Expression {
    const base = this.parsePrimary();
    const token = this.cursor.token;
    const isPower =
      token.kind === "punctuator" &&
      (token.text === "**" || (token.text === "^" && this.levels[3].length === 0));
    if (!isPower) return base;
    this.enter(token.loc);
    this.cursor.next();
    const exponent = this.parseUnary();
    this.depth--;
    return { kind: "binary", op: "**", left: base, right: exponent, loc: token.loc };
  }

  /**
   * parenthesisExpression: LPAREN expression RPAREN
   * callExpression: Identifier LPAREN expressionList? RPAREN
   * indexExpression: expression indexOperator
   * literalExpression: Identifier | DecimalIntegerLiteral | FloatLiteral | ...
   */
  private parsePrimary(): Expression {
    const cursor = this.cursor;
    const token = cursor.token;
    if (token.kind === "integer" || token.kind === "float") {
      cursor.next();
      return { kind: "number", value: token.value, loc: token.loc };
    }
    if (cursor.is("(") && token.kind === "punctuator") {
      this.enter(token.loc);
      cursor.next();
      const inner = this.parseExpression();
      cursor.expect(")", "to close `(`");
      this.depth--;
      return inner;
    }
    if (token.kind === "identifier") {
      cursor.next();
      if (cursor.is("(")) return this.parsePrimaryCall(token);
      if (cursor.is("[")) {
        this.enter(token.loc);
        const index = parseIndex(cursor, this, token.text);
        this.depth--;
        const target = { name: token.text, loc: token.loc };
        if (CAST_TYPES.has(token.text) && cursor.is("(")) {
          // `int[2](c)`: a cast with a width; casts.ts decides what the width does.
          if (isSelector(index)) {
            throw new QuantumError(
              "syntax",
              `a cast's width is one integer: \`${token.text}[4](…)\``,
              index.loc,
            );
          }
          return this.parsePrimaryCall(token, index);
        }
        return { kind: "index", target, index, loc: token.loc };
      }
      return { kind: "identifier", name: token.text, loc: token.loc };
    }
    if (token.kind === "duration") {
      throw new QuantumError(
        "unsupported",
        `duration literals (\`${token.text}\`) are only allowed in \`delay[...]\`, \`box[...]\` and \`duration\` declarations`,
        token.loc,
      );
    }
    if (token.kind === "hardwareQubit") {
      throw new QuantumError(
        "unsupported",
        `physical qubits (\`${token.text}\`) are not supported`,
        token.loc,
      );
    }
    throw cursor.unexpected("an expression");
  }

  /** callExpression: Identifier LPAREN expressionList? RPAREN, with the cursor on `(`. */
  private parsePrimaryCall(token: Token, width?: Expression): Expression {
    const cursor = this.cursor;
    this.enter(token.loc);
    cursor.next();
    const args = this.parseExpressionList(")");
    cursor.expect(")", "after function arguments");
    this.depth--;
    const callee = { name: token.text, loc: token.loc };
    return width === undefined
      ? { kind: "call", callee, args, loc: token.loc }
      : { kind: "call", callee, args, width, loc: token.loc };
  }
}

/** Types that can be cast with a width: `int[2](c)`. */
const CAST_TYPES: ReadonlySet<string> = new Set(["int", "uint", "bool", "bit", "float", "angle"]);
