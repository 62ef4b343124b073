/**
 * Subroutines: `def name(qubit q, float θ) -> bit { ... return measure q; }` and `return`.
 * Calls are parsed as gate calls (`f(q, θ);`, `c = f(q);`); the lowering inlines them.
 */
import { QuantumError } from "../errors";
import type {
  Expression,
  ReturnStatement,
  Statement,
  SubroutineDefinition,
  SubroutineParameter,
} from "./ast";
import type { StatementParser } from "./parse-statements";

/** Types a subroutine's classical parameters may have. */
const VALUE_TYPES: ReadonlySet<string> = new Set(["float", "angle", "int", "uint"]);

/**
 * defStatement: DEF Identifier LPAREN argumentDefinitionList? RPAREN returnSignature? scope
 * returnSignature: ARROW BIT designator?
 */
export function parseDef(parser: StatementParser, topLevel: boolean): Statement {
  const cursor = parser.cursor;
  const keyword = cursor.next();
  if (!topLevel) {
    throw new QuantumError(
      "syntax",
      "subroutines can only be defined at the top level",
      keyword.loc,
    );
  }
  const name = parser.identifier("a subroutine name after `def`");
  cursor.expect("(", `after \`def ${name.name}\``);
  const params: SubroutineParameter[] = [];
  while (!cursor.is(")")) {
    params.push(parseParameter(parser));
    if (!cursor.accept(",")) break;
  }
  cursor.expect(")", "after the subroutine parameters");
  let returns: SubroutineDefinition["returns"];
  if (cursor.is("->")) {
    const arrow = cursor.next();
    const type = cursor.expectIdentifier("a return type after `->`");
    if (type.text !== "bit") {
      throw new QuantumError(
        "unsupported",
        `subroutines returning \`${type.text}\` are not supported; return \`bit\` or \`bit[n]\` from a measurement`,
        type.loc,
      );
    }
    returns = { size: designator(parser), loc: arrow.loc };
  }
  const body = parser.inSubroutine(() => parser.parseScope(`body of subroutine \`${name.name}\``));
  return { kind: "subroutineDefinition", name, params, returns, body, loc: keyword.loc };
}

/** argumentDefinition: qubit designator? Identifier | scalarType Identifier */
function parseParameter(parser: StatementParser): SubroutineParameter {
  const cursor = parser.cursor;
  const type = cursor.expectIdentifier("a parameter type (`qubit`, `float`, `angle`, `int`)");
  if (type.text === "qubit") {
    const size = designator(parser);
    return { name: parser.identifier("a parameter name"), type: "qubit", size };
  }
  if (!VALUE_TYPES.has(type.text)) {
    throw new QuantumError(
      "unsupported",
      `subroutine parameters of type \`${type.text}\` are not supported; use \`qubit\`, \`qubit[n]\`, \`float\`, \`angle\`, \`int\` or \`uint\``,
      type.loc,
    );
  }
  designator(parser);
  return { name: parser.identifier("a parameter name"), type: "value" };
}

function designator(parser: StatementParser): Expression | undefined {
  if (!parser.cursor.accept("[")) return undefined;
  const size = parser.expressions.parseExpression();
  parser.cursor.expect("]", "after the size");
  return size;
}

/** returnStatement: RETURN (measureExpression)? SEMICOLON */
export function parseReturn(parser: StatementParser): ReturnStatement {
  const cursor = parser.cursor;
  const keyword = cursor.next();
  if (cursor.accept(";")) return { kind: "return", loc: keyword.loc };
  if (!cursor.is("measure")) {
    throw new QuantumError(
      "unsupported",
      "a subroutine can only return a measurement (`return measure q;`) or nothing (`return;`)",
      cursor.token.loc,
    );
  }
  cursor.next();
  const measure = parser.parseOperand();
  parser.endOfStatement();
  return { kind: "return", measure, loc: keyword.loc };
}
