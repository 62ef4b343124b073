/**
 * Declarations of registers, constants and inputs. Split from parse-statements.ts because the
 * type syntax (`float[64]`, designators) is its own small grammar.
 */
import { QuantumError } from "../errors";
import type { Expression, GateCall, MeasureStatement, Statement } from "./ast";
import type { StatementParser } from "./parse-statements";
import type { Token } from "./tokens";
import { INPUT_TYPES, UNSUPPORTED_STATEMENTS } from "./vocabulary";

/** Called with the cursor on `qreg`, `creg`, `qubit`, `bit`, `const`, `input`, `int` or `uint`. */
export function parseDeclaration(parser: StatementParser): Statement {
  const word = parser.cursor.token.text;
  switch (word) {
    case "qreg":
    case "creg":
      return parseOldStyleDeclaration(parser);
    case "qubit":
      return parseQuantumDeclaration(parser);
    case "bit":
      return parseBitDeclaration(parser);
    case "const":
      return parseConstDeclaration(parser);
    case "input":
      return parseInputDeclaration(parser);
    case "int":
    case "uint":
      return parseVariableDeclaration(parser);
    default:
      throw parser.cursor.unexpected("a declaration");
  }
}

/** designator: LBRACKET expression RBRACKET */
function parseDesignator(parser: StatementParser): Expression | undefined {
  if (!parser.cursor.accept("[")) return undefined;
  const size = parser.expressions.parseExpression();
  parser.cursor.expect("]", "after the size");
  return size;
}

/** oldStyleDeclarationStatement: (CREG | QREG) Identifier designator? SEMICOLON */
function parseOldStyleDeclaration(parser: StatementParser): Statement {
  const keyword = parser.cursor.next();
  const name = parser.identifier(`a register name after \`${keyword.text}\``);
  const size = parseDesignator(parser);
  parser.endOfStatement();
  if (keyword.text === "qreg") {
    return { kind: "qubitDeclaration", style: "qreg", name, size, loc: keyword.loc };
  }
  return { kind: "bitDeclaration", style: "creg", name, size, loc: keyword.loc };
}

/** quantumDeclarationStatement: qubitType Identifier SEMICOLON; qubitType: QUBIT designator? */
function parseQuantumDeclaration(parser: StatementParser): Statement {
  const keyword = parser.cursor.next();
  const size = parseDesignator(parser);
  const name = parser.identifier("a name for the qubits");
  parser.endOfStatement();
  return { kind: "qubitDeclaration", style: "qubit", name, size, loc: keyword.loc };
}

/**
 * classicalDeclarationStatement: scalarType Identifier (EQUALS measureExpression)? SEMICOLON,
 * with scalarType BIT designator?. Bits start at 0, so `= 0` and `= "00"` are accepted too.
 */
function parseBitDeclaration(parser: StatementParser): Statement {
  const cursor = parser.cursor;
  const keyword = cursor.next();
  const size = parseDesignator(parser);
  const name = parser.identifier("a name for the bits");
  let measure: MeasureStatement | undefined;
  let call: GateCall | undefined;
  if (cursor.accept("=")) {
    const value = cursor.token;
    if (cursor.is("measure")) {
      const word = cursor.next();
      const qubit = parser.parseOperand();
      measure = {
        kind: "measure",
        qubit,
        target: { name: name.name, loc: name.loc },
        loc: word.loc,
      };
    } else if (value.kind === "identifier" && cursor.is("(", cursor.peek())) {
      call = parser.parseGateCall({ name: name.name, loc: name.loc });
      return { kind: "bitDeclaration", style: "bit", name, size, call, loc: keyword.loc };
    } else if (isZero(value)) {
      cursor.next();
    } else {
      throw new QuantumError(
        "unsupported",
        `a \`bit\` can only be initialised with \`measure ...\`, a subroutine call or 0 (bits start at 0); declare \`${name.name}\` and measure into it`,
        value.loc,
      );
    }
  }
  parser.endOfStatement();
  return { kind: "bitDeclaration", style: "bit", name, size, measure, loc: keyword.loc };
}

/** `0`, `"0"`, `"000"`: the value bits have anyway. */
function isZero(token: Token): boolean {
  if (token.kind === "integer") return token.value === 0;
  return token.kind === "string" && /^[0_]+$/.test(token.text);
}

/**
 * constDeclarationStatement: CONST scalarType Identifier EQUALS declarationExpression SEMICOLON
 * (scalarType limited to `int`, `uint` and `float`, each with an optional designator)
 */
function parseConstDeclaration(parser: StatementParser): Statement {
  const cursor = parser.cursor;
  const keyword = cursor.next();
  const type = cursor.expectIdentifier("a type after `const` (`int`, `uint` or `float`)");
  if (type.text !== "int" && type.text !== "uint" && type.text !== "float") {
    const known = UNSUPPORTED_STATEMENTS.has(type.text) || ["bit", "qubit"].includes(type.text);
    if (!known) throw cursor.unexpected("a type after `const` (`int`, `uint` or `float`)", type);
    throw new QuantumError(
      "unsupported",
      `\`const ${type.text}\` is not supported; use \`const int\`, \`const uint\` or \`const float\``,
      type.loc,
    );
  }
  parseDesignator(parser);
  const name = parser.identifier("a name for the constant");
  cursor.expect("=", `after \`const ${type.text} ${name.name}\``);
  const value = parser.expressions.parseExpression();
  parser.endOfStatement();
  return { kind: "constDeclaration", type: type.text, name, value, loc: keyword.loc };
}

/**
 * classicalDeclarationStatement: scalarType Identifier (EQUALS declarationExpression)? SEMICOLON,
 * with scalarType `int` or `uint`, each with an optional designator.
 */
function parseVariableDeclaration(parser: StatementParser): Statement {
  const cursor = parser.cursor;
  const keyword = cursor.next();
  const size = parseDesignator(parser);
  const name = parser.identifier(`a name for the \`${keyword.text}\``);
  let value: Expression | undefined;
  if (cursor.accept("=")) {
    if (cursor.is("measure")) {
      throw new QuantumError(
        "unsupported",
        `an \`${keyword.text}\` cannot hold a measurement directly; measure into bits and convert: \`bit[2] c = measure q; ${keyword.text} ${name.name} = int(c);\``,
        cursor.token.loc,
      );
    }
    value = parser.expressions.parseExpression();
  }
  parser.endOfStatement();
  const type = keyword.text === "int" ? "int" : "uint";
  return { kind: "variableDeclaration", type, size, name, value, loc: keyword.loc };
}

/**
 * ioDeclarationStatement: INPUT scalarType Identifier SEMICOLON, with scalarType one of the
 * vocabulary's input types (`float`, `angle`) and an optional width.
 */
function parseInputDeclaration(parser: StatementParser): Statement {
  const cursor = parser.cursor;
  const keyword = cursor.next();
  let type = cursor.expectIdentifier("a type after `input`");
  let size: Expression | undefined;
  if (type.text === "array") {
    cursor.expect("[", "after `array`");
    type = cursor.expectIdentifier("an element type (`float` or `angle`)");
    const element = parseInputType(parser, type);
    cursor.expect(",", "after the element type");
    size = parser.expressions.parseExpression();
    cursor.expect("]", "after the array size");
    const name = parser.identifier("a name for the input");
    parser.endOfStatement();
    const typeText = `array[${element}, ${size.kind === "number" ? size.value : "…"}]`;
    return { kind: "inputDeclaration", typeText, size, name, loc: keyword.loc };
  }
  const typeText = parseInputType(parser, type);
  const name = parser.identifier("a name for the input");
  parser.endOfStatement();
  return { kind: "inputDeclaration", typeText, name, loc: keyword.loc };
}

/** A scalar input type with its optional width, as written: `float`, `angle[20]`. */
function parseInputType(parser: StatementParser, type: Token): string {
  const cursor = parser.cursor;
  if (!INPUT_TYPES.includes(type.text)) {
    const allowed = INPUT_TYPES.map((t) => `\`${t}\``).join(" or ");
    throw new QuantumError(
      "unsupported",
      `\`input ${type.text}\` is not supported; inputs must be ${allowed} (e.g. \`input ${INPUT_TYPES[0]} theta;\`)`,
      type.loc,
    );
  }
  let typeText = type.text;
  if (cursor.is("[")) {
    cursor.next();
    const width = cursor.token;
    if (width.kind !== "integer") {
      throw cursor.unexpected(`a width like \`64\` in \`${type.text}[64]\``);
    }
    cursor.next();
    cursor.expect("]", "after the width");
    typeText = `${type.text}[${width.text}]`;
  }
  return typeText;
}
