import { describe, expect, it } from "vitest";
import { QuantumError } from "@/lib/quantum/errors";
import { lex } from "@/lib/quantum/qasm/lexer";

/** `kind:text@line:column` for each token, the end-of-input token left out. */
function tokens(source: string): string[] {
  return lex(source)
    .filter((t) => t.kind !== "eof")
    .map((t) => `${t.kind}:${t.text}@${t.loc.line}:${t.loc.column}`);
}

function lexError(source: string): string {
  const invalid = lex(source).find((t) => t.kind === "invalid");
  if (invalid?.error === undefined) throw new Error("expected a lexical error");
  const e = invalid.error;
  expect(e).toBeInstanceOf(QuantumError);
  return `${e.code} ${e.loc?.line}:${e.loc?.column}: ${e.message}`;
}

describe("lexer", () => {
  it("produces identifiers, numbers, strings and punctuators with 1-based positions", () => {
    expect(tokens('OPENQASM 2.0;\ninclude "qelib1.inc";\n  cx q[0], q[1];')).toEqual([
      "identifier:OPENQASM@1:1",
      "float:2.0@1:10",
      "punctuator:;@1:13",
      "identifier:include@2:1",
      "string:qelib1.inc@2:9",
      "punctuator:;@2:21",
      "identifier:cx@3:3",
      "identifier:q@3:6",
      "punctuator:[@3:7",
      "integer:0@3:8",
      "punctuator:]@3:9",
      "punctuator:,@3:10",
      "identifier:q@3:12",
      "punctuator:[@3:13",
      "integer:1@3:14",
      "punctuator:]@3:15",
      "punctuator:;@3:16",
    ]);
  });

  it("takes the longest punctuator", () => {
    expect(tokens("a->b**c==d<=e>=f!=g&&h||i+=j")).toEqual([
      "identifier:a@1:1",
      "punctuator:->@1:2",
      "identifier:b@1:4",
      "punctuator:**@1:5",
      "identifier:c@1:7",
      "punctuator:==@1:8",
      "identifier:d@1:10",
      "punctuator:<=@1:11",
      "identifier:e@1:13",
      "punctuator:>=@1:14",
      "identifier:f@1:16",
      "punctuator:!=@1:17",
      "identifier:g@1:19",
      "punctuator:&&@1:20",
      "identifier:h@1:22",
      "punctuator:||@1:23",
      "identifier:i@1:25",
      "punctuator:+=@1:26",
      "identifier:j@1:28",
    ]);
  });

  it("reads number forms and their values", () => {
    const values = lex("1 1.5 .25 2. 1e-3 1.5E+2 1_000 0x1F 0b101 0o17")
      .filter((t) => t.kind !== "eof")
      .map((t) => [t.kind, t.value]);
    expect(values).toEqual([
      ["integer", 1],
      ["float", 1.5],
      ["float", 0.25],
      ["float", 2],
      ["float", 0.001],
      ["float", 150],
      ["integer", 1000],
      ["integer", 31],
      ["integer", 5],
      ["integer", 15],
    ]);
  });

  it("reads Unicode identifiers such as π, θ and ℇ", () => {
    expect(tokens("rx(θ) π τ ℇ x_1")).toEqual([
      "identifier:rx@1:1",
      "punctuator:(@1:3",
      "identifier:θ@1:4",
      "punctuator:)@1:5",
      "identifier:π@1:7",
      "identifier:τ@1:9",
      "identifier:ℇ@1:11",
      "identifier:x_1@1:13",
    ]);
  });

  it("skips line and block comments but keeps counting lines", () => {
    expect(tokens("a // one\n/* two\nthree */ b\r\nc\rd")).toEqual([
      "identifier:a@1:1",
      "identifier:b@3:10",
      "identifier:c@4:1",
      "identifier:d@5:1",
    ]);
  });

  it("keeps the rest of a pragma line, with or without #, only at the start of a line", () => {
    expect(tokens("#pragma expect 0.5*Z0 - X1 \nh q;\npragma foo bar")).toEqual([
      "pragma:expect 0.5*Z0 - X1@1:1",
      "identifier:h@2:1",
      "identifier:q@2:3",
      "punctuator:;@2:4",
      "pragma:foo bar@3:1",
    ]);
    expect(tokens("x pragma y")).toEqual([
      "identifier:x@1:1",
      "identifier:pragma@1:3",
      "identifier:y@1:10",
    ]);
  });

  it("counts columns in UTF-16 code units, as the editor does", () => {
    expect(tokens("π 𝜃x")).toEqual(["identifier:π@1:1", "identifier:𝜃x@1:3"]);
  });

  it("turns lexical errors into an invalid token at the offending character", () => {
    expect(lexError("h q;\n  x ? q;")).toBe("syntax 2:5: unexpected character `?` (U+003F)");
    expect(lexError("rx(\u22120.5)")).toBe(
      "syntax 1:4: unexpected character `\u2212` (U+2212); did you mean `-`?",
    );
    expect(lexError('include "qelib1.inc;\n')).toBe(
      "syntax 1:9: unterminated string: missing closing quote",
    );
    expect(lexError("a /* b\n c")).toBe(
      "syntax 1:3: unterminated comment: `/*` has no closing `*/`",
    );
    expect(lexError("rz(2pi) q;")).toBe(
      "syntax 1:4: a number cannot be followed directly by `pi`; did you mean `2*pi`?",
    );
    expect(lexError("x = 2im;")).toBe("unsupported 1:5: complex numbers (`2im`) are not supported");
    expect(lexError("x # y")).toBe(
      "syntax 1:3: unexpected character `#` (only `#pragma` lines may start with `#`)",
    );
    expect(lexError("h $;")).toBe("syntax 1:3: expected a number after `$`");
  });

  it("stops after the first invalid token", () => {
    const kinds = lex("a ? b c").map((t) => t.kind);
    expect(kinds).toEqual(["identifier", "invalid", "eof"]);
  });
});
