/**
 * Statements: one `parseX` per OpenQASM 3 grammar rule. The parser accepts the constructs Ketbook
 * implements and stops with a "not supported" error at the first token of any other OpenQASM 3
 * construct, so the learner is told what to change rather than where the parser got lost.
 */
import { QuantumError } from "../errors";
import type { SourceLocation } from "../ir";
import type {
  AssignmentOperator,
  Expression,
  GateCall,
  GateDefinition,
  GateModifier,
  Identifier,
  IndexedIdentifier,
  Statement,
} from "./ast";
import { TokenCursor } from "./cursor";
import { parseFor, parseIf, parseWhile } from "./parse-control-flow";
import { parseTiming, TIMING_WORDS } from "./parse-timing";
import { parseDeclaration } from "./parse-declarations";
import { parseIndex } from "./parse-index";
import { parseDef, parseReturn } from "./parse-subroutine";
import type { ExpressionParser } from "./parse-expression";
import type { Token } from "./tokens";
import { UNSUPPORTED_STATEMENTS } from "./vocabulary";

/** Blocks nested deeper than this are not a learner's program and would exhaust the stack. */
export const MAX_NESTING = 64;

const MODIFIERS = new Set(["inv", "pow", "ctrl", "negctrl"]);
const DECLARATION_KEYWORDS = new Set([
  "qreg",
  "creg",
  "qubit",
  "bit",
  "const",
  "input",
  "int",
  "uint",
]);
/** Casts that start an expression on the right of `=` (`x = int(c);`), not a subroutine call. */
const CAST_WORDS = new Set(["int", "uint", "bool", "bit", "float", "angle"]);
const ASSIGNMENT_OPERATORS: ReadonlySet<string> = new Set<AssignmentOperator>([
  "=",
  "+=",
  "-=",
  "*=",
  "/=",
  "%=",
  "&=",
  "|=",
  "^=",
  "<<=",
  ">>=",
]);
const GATE_BODY_HINT = "only gate calls, `gphase` and `barrier` may appear in a gate body";

export class StatementParser {
  private depth = 0;
  private inGate = false;
  private inDef = false;

  constructor(
    readonly cursor: TokenCursor,
    readonly expressions: ExpressionParser,
  ) {}

  /** program: version? statementOrScope* EOF */
  parseProgramBody(): Statement[] {
    const statements: Statement[] = [];
    while (!this.cursor.atEnd()) statements.push(this.parseStatementOrScope());
    return statements;
  }

  /** statementOrScope: statement | scope */
  parseStatementOrScope(): Statement {
    return this.cursor.is("{") ? this.parseBlock() : this.parseStatement();
  }

  /** scope: LBRACE statementOrScope* RBRACE */
  private parseBlock(): Statement {
    const loc = this.cursor.token.loc;
    return { kind: "block", body: this.parseScope("block"), loc };
  }

  parseScope(what: string): Statement[] {
    const open = this.cursor.expect("{", `to open the ${what}`);
    if (++this.depth > MAX_NESTING) {
      throw new QuantumError(
        "syntax",
        `blocks are nested too deeply (more than ${MAX_NESTING} levels)`,
        open.loc,
      );
    }
    const body: Statement[] = [];
    while (!this.cursor.is("}")) {
      if (this.cursor.atEnd()) {
        throw new QuantumError(
          "syntax",
          `expected \`}\` to close the ${what} opened at line ${open.loc.line}, found end of input`,
          this.cursor.token.loc,
        );
      }
      body.push(this.parseStatementOrScope());
    }
    this.cursor.next();
    this.depth--;
    return body;
  }

  /** statement: one of the rules below, chosen by the first token. */
  parseStatement(): Statement {
    const cursor = this.cursor;
    const token = cursor.token;
    if (token.kind === "pragma") {
      cursor.next();
      return {
        kind: "pragma",
        text: token.text,
        loc: token.loc,
        textLoc: token.textLoc ?? token.loc,
      };
    }
    if (token.kind === "punctuator" && token.text === "@") {
      throw new QuantumError("unsupported", "annotations (`@...`) are not supported", token.loc);
    }
    if (token.kind !== "identifier") throw cursor.unexpected("a statement");
    const word = token.text;
    if (this.inGate && !this.isGateBodyStatement(word)) {
      throw new QuantumError("syntax", `${GATE_BODY_HINT}, found \`${word}\``, token.loc);
    }
    if (word === "OPENQASM") {
      throw new QuantumError(
        "syntax",
        "the `OPENQASM` version line must be the first statement",
        token.loc,
      );
    }
    if (word === "include") return this.parseInclude();
    if (DECLARATION_KEYWORDS.has(word) && !this.isCallOrAssignment()) {
      return parseDeclaration(this);
    }
    if (word === "gate") return this.parseGateDefinition();
    if (word === "measure") return this.parseMeasureArrow();
    if (word === "reset") return this.parseReset();
    if (word === "barrier") return this.parseBarrier();
    if (word === "if") return parseIf(this);
    if (word === "for") return parseFor(this);
    if (word === "while") return parseWhile(this);
    if (word === "def" && !this.isCallOrAssignment()) return parseDef(this, this.depth === 0);
    if (word === "return" && this.inDef && !this.isCallOrAssignment()) return parseReturn(this);
    if (TIMING_WORDS.has(word) && !this.isCallOrAssignment()) return parseTiming(this);
    const unsupported = UNSUPPORTED_STATEMENTS.get(word);
    if (unsupported !== undefined && !this.isCallOrAssignment()) {
      throw new QuantumError("unsupported", unsupported, token.loc);
    }
    const next = cursor.peek();
    if (cursor.is("=", next) || cursor.is("[", next) || isCompoundAssignment(next)) {
      return this.parseAssignment();
    }
    return this.parseGateCall();
  }

  private isGateBodyStatement(word: string): boolean {
    if (word === "barrier" || MODIFIERS.has(word)) return true;
    const next = this.cursor.peek();
    const isDeclaration = DECLARATION_KEYWORDS.has(word) || UNSUPPORTED_STATEMENTS.has(word);
    const isControlFlow = ["measure", "reset", "if", "for", "while", "gate", "include"].includes(
      word,
    );
    return !(isDeclaration || isControlFlow) && !this.cursor.is("=", next);
  }

  /** A declaration keyword used as a gate or bit name (`bit = measure q;` is not a declaration). */
  private isCallOrAssignment(): boolean {
    const next = this.cursor.peek();
    return this.cursor.is("=", next) || this.cursor.is("@", next);
  }

  /** Parses a subroutine body, where `return` is allowed. */
  inSubroutine<T>(parse: () => T): T {
    this.inDef = true;
    try {
      return parse();
    } finally {
      this.inDef = false;
    }
  }

  /** Parsing nested statements (bodies of `if`, `for`) counts towards the nesting limit. */
  nested<T>(loc: SourceLocation, parse: () => T): T {
    if (++this.depth > MAX_NESTING) {
      throw new QuantumError(
        "syntax",
        `statements are nested too deeply (more than ${MAX_NESTING} levels)`,
        loc,
      );
    }
    const result = parse();
    this.depth--;
    return result;
  }

  /** includeStatement: INCLUDE StringLiteral SEMICOLON */
  private parseInclude(): Statement {
    const keyword = this.cursor.next();
    const path = this.cursor.token;
    if (path.kind !== "string")
      throw this.cursor.unexpected('a file name in quotes, like "qelib1.inc"');
    this.cursor.next();
    this.endOfStatement();
    return { kind: "include", path: path.text, loc: keyword.loc };
  }

  /**
   * gateStatement: GATE Identifier (LPAREN params=identifierList? RPAREN)? qubits=identifierList
   *   body=scope
   */
  private parseGateDefinition(): GateDefinition {
    const keyword = this.cursor.next();
    if (this.depth > 0) {
      throw new QuantumError("syntax", "gates can only be defined at the top level", keyword.loc);
    }
    const name = this.identifier("a gate name after `gate`");
    let params: Identifier[] = [];
    if (this.cursor.accept("(")) {
      params = this.identifierList(")", "a parameter name");
      this.cursor.expect(")", "after the gate parameters");
    }
    const qubits = this.identifierList("{", "a qubit argument name");
    if (qubits.length === 0) throw this.cursor.unexpected("at least one qubit argument");
    this.inGate = true;
    const body = this.parseScope(`body of gate \`${name.name}\``);
    this.inGate = false;
    return { kind: "gateDefinition", name, params, qubits, body, loc: keyword.loc };
  }

  /** identifierList: Identifier (COMMA Identifier)* COMMA? */
  private identifierList(close: string, what: string): Identifier[] {
    const list: Identifier[] = [];
    while (!this.cursor.is(close) && this.cursor.token.kind === "identifier") {
      list.push(this.identifier(what));
      if (!this.cursor.accept(",")) break;
    }
    return list;
  }

  identifier(what: string): Identifier {
    const token = this.cursor.expectIdentifier(what);
    return { name: token.text, loc: token.loc };
  }

  /**
   * gateCallStatement: gateModifier* Identifier (LPAREN expressionList? RPAREN)? designator?
   *   gateOperandList? SEMICOLON
   * gateModifier: (INV | POW LPAREN expression RPAREN | (CTRL | NEGCTRL) (LPAREN expression
   *   RPAREN)?) AT
   */
  parseGateCall(target?: IndexedIdentifier): GateCall {
    const cursor = this.cursor;
    const loc = cursor.token.loc;
    const modifiers: GateModifier[] = [];
    while (cursor.token.kind === "identifier" && MODIFIERS.has(cursor.token.text)) {
      const next = cursor.peek();
      if (!cursor.is("@", next) && !cursor.is("(", next)) break;
      modifiers.push(this.parseModifier());
    }
    const name = this.identifier(modifiers.length > 0 ? "a gate name after `@`" : "a statement");
    let args: Expression[] = [];
    if (cursor.accept("(")) {
      args = this.expressions.parseExpressionList(")");
      cursor.expect(")", "after the gate arguments");
    }
    if (cursor.is("[")) {
      throw new QuantumError(
        "unsupported",
        "gate durations (`name[...]`) are not supported",
        cursor.token.loc,
      );
    }
    const operands: IndexedIdentifier[] = [];
    while (cursor.token.kind === "identifier" || cursor.token.kind === "hardwareQubit") {
      operands.push(this.parseOperand());
      if (!cursor.accept(",")) break;
    }
    this.endOfStatement();
    return { kind: "gateCall", modifiers, name, args, operands, target, loc };
  }

  private parseModifier(): GateModifier {
    const cursor = this.cursor;
    const token = cursor.next();
    const kind = token.text as GateModifier["kind"];
    let argument: Expression | undefined;
    if (cursor.accept("(")) {
      if (kind === "inv") throw cursor.unexpected("`@` after `inv`", cursor.peek(-1));
      argument = this.expressions.parseExpression();
      cursor.expect(")", `after the \`${kind}\` argument`);
    } else if (kind === "pow") {
      throw cursor.unexpected("`(` after `pow`");
    }
    cursor.expect("@", `after the \`${kind}\` modifier`);
    if (kind === "inv") return { kind, loc: token.loc };
    if (kind === "pow") return { kind, exponent: argument as Expression, loc: token.loc };
    return { kind, count: argument, loc: token.loc };
  }

  /** gateOperand: indexedIdentifier | HardwareQubit; indexedIdentifier: Identifier indexOperator* */
  parseOperand(): IndexedIdentifier {
    const cursor = this.cursor;
    const token = cursor.token;
    if (token.kind === "hardwareQubit") {
      throw new QuantumError(
        "unsupported",
        `physical qubits (\`${token.text}\`) are not supported`,
        token.loc,
      );
    }
    const name = this.identifier("a qubit or register name");
    if (!cursor.is("[")) return { name: name.name, loc: name.loc };
    return {
      name: name.name,
      index: parseIndex(cursor, this.expressions, name.name),
      loc: name.loc,
    };
  }

  /**
   * measureArrowAssignmentStatement: measureExpression (ARROW indexedIdentifier)? SEMICOLON
   * (OpenQASM 2: `measure q -> c;`)
   */
  private parseMeasureArrow(): Statement {
    const keyword = this.cursor.next();
    const qubit = this.parseOperand();
    if (!this.cursor.accept("->")) {
      if (this.cursor.is(";")) {
        throw new QuantumError(
          "unsupported",
          "`measure` without a target bit is not supported; write `measure q -> c;` or `c = measure q;`",
          keyword.loc,
        );
      }
      throw this.cursor.unexpected("`->` after the measured qubit");
    }
    const target = this.parseOperand();
    this.endOfStatement();
    return { kind: "measure", qubit, target, loc: keyword.loc };
  }

  /**
   * assignmentStatement: indexedIdentifier assignmentOperator (expression | measureExpression)
   * SEMICOLON. Bits take a measurement or a subroutine's result; integers take an expression.
   */
  private parseAssignment(): Statement {
    const target = this.parseOperand();
    const op = this.cursor.token;
    if (op.kind === "identifier" && target.index !== undefined) {
      // `h[100] q;`: a gate call with a duration, not an assignment.
      throw new QuantumError(
        "unsupported",
        "gate durations (`name[...]`) are not supported",
        target.index.loc,
      );
    }
    if (isCompoundAssignment(op) && !ASSIGNMENT_OPERATORS.has(op.text)) {
      throw new QuantumError(
        "unsupported",
        `\`${op.text}\` is not supported; integers support \`=\`, \`+=\`, \`-=\`, \`*=\`, \`/=\`, \`%=\`, \`&=\`, \`|=\`, \`^=\`, \`<<=\` and \`>>=\``,
        op.loc,
      );
    }
    if (!isCompoundAssignment(op)) this.cursor.expect("=", "after the assignment target");
    else this.cursor.next();
    const value = this.cursor.token;
    const isCall =
      value.kind === "identifier" &&
      !CAST_WORDS.has(value.text) &&
      this.cursor.is("(", this.cursor.peek());
    if (op.text === "=" && isCall) {
      // `c = f(q);`: a subroutine call whose result goes into c.
      return this.parseGateCall(target);
    }
    if (op.text === "=" && this.cursor.is("measure")) {
      this.cursor.next();
      const qubit = this.parseOperand();
      this.endOfStatement();
      return { kind: "measure", qubit, target, loc: target.loc };
    }
    if (target.index !== undefined) {
      throw new QuantumError(
        "unsupported",
        `assigning a value to bits (\`${target.name}[...] ${op.text} ...\`) is not supported; bits take \`measure\``,
        op.loc,
      );
    }
    const expression = this.expressions.parseExpression();
    this.endOfStatement();
    return {
      kind: "assignment",
      target: { name: target.name, loc: target.loc },
      op: op.text as AssignmentOperator,
      value: expression,
      loc: target.loc,
    };
  }

  /** resetStatement: RESET gateOperand SEMICOLON */
  private parseReset(): Statement {
    const keyword = this.cursor.next();
    const operand = this.parseOperand();
    this.endOfStatement();
    return { kind: "reset", operand, loc: keyword.loc };
  }

  /** barrierStatement: BARRIER gateOperandList? SEMICOLON */
  private parseBarrier(): Statement {
    const keyword = this.cursor.next();
    const operands: IndexedIdentifier[] = [];
    while (!this.cursor.is(";")) {
      operands.push(this.parseOperand());
      if (!this.cursor.accept(",")) break;
    }
    this.endOfStatement();
    return { kind: "barrier", operands, loc: keyword.loc };
  }

  endOfStatement(): void {
    this.cursor.expect(";", "after statement");
  }
}

function isCompoundAssignment(token: Token): boolean {
  return (
    token.kind === "punctuator" &&
    token.text.length >= 2 &&
    token.text.endsWith("=") &&
    !["==", "!=", "<=", ">="].includes(token.text)
  );
}
