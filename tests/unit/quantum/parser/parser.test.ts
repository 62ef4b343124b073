import { describe, expect, it } from "vitest";
import { QuantumError } from "@/lib/quantum/errors";
import { type Expression, isSelector, type Statement } from "@/lib/quantum/qasm/ast";
import { parse } from "@/lib/quantum/qasm/parser";

function statements(source: string): readonly Statement[] {
  return parse(source).statements;
}

/** `code LINE:COL: message` of the error parse() throws. */
function parseError(source: string): string {
  try {
    parse(source);
  } catch (e) {
    if (!(e instanceof QuantumError)) throw e;
    return `${e.code} ${e.loc?.line}:${e.loc?.column}: ${e.message}`;
  }
  throw new Error("expected parse() to throw");
}

/** An expression printed fully parenthesised, to check precedence and associativity. */
function show(e: Expression): string {
  switch (e.kind) {
    case "number":
      return String(e.value);
    case "identifier":
      return e.name;
    case "index":
      return `${e.target.name}[${isSelector(e.index) ? e.index.kind : show(e.index)}]`;
    case "unary":
      return `(${e.op}${show(e.operand)})`;
    case "binary":
      return `(${show(e.left)} ${e.op} ${show(e.right)})`;
    case "call":
      return `${e.callee.name}(${e.args.map(show).join(", ")})`;
  }
}

function angle(source: string, version = "3"): string {
  const [call] = statements(`OPENQASM ${version}; rx(${source}) q;`);
  if (call.kind !== "gateCall") throw new Error("not a gate call");
  return show(call.args[0]);
}

describe("parser: program and version", () => {
  it("reads the version, defaulting to 3.0 without an OPENQASM line", () => {
    expect(parse("OPENQASM 2.0;").version).toBe("2.0");
    expect(parse("OPENQASM 3.0;").version).toBe("3.0");
    expect(parse("OPENQASM 3;").version).toBe("3.0");
    expect(parse("qubit q;")).toMatchObject({ version: "3.0", explicitVersion: false });
  });

  it("refuses other versions and a version line that is not first", () => {
    expect(parseError("OPENQASM 1.0;")).toBe(
      "unsupported 1:10: OpenQASM version 1.0 is not supported; use 2.0 or 3.0",
    );
    expect(parseError("qubit q;\nOPENQASM 3;")).toBe(
      "syntax 2:1: the `OPENQASM` version line must be the first statement",
    );
    expect(parseError("OPENQASM;")).toBe(
      "syntax 1:9: expected a version number after `OPENQASM`, found `;`",
    );
  });
});

describe("parser: statements", () => {
  it("parses declarations in both spellings", () => {
    const [qreg, creg, qubits, qubit, bits, bit] = statements(
      "qreg q[2]; creg c[2]; qubit[3] r; qubit s; bit[3] d; bit e;",
    );
    expect(qreg).toMatchObject({ kind: "qubitDeclaration", style: "qreg", name: { name: "q" } });
    expect(creg).toMatchObject({ kind: "bitDeclaration", style: "creg", name: { name: "c" } });
    expect(qubits).toMatchObject({ kind: "qubitDeclaration", style: "qubit", name: { name: "r" } });
    expect(qubit).toMatchObject({ kind: "qubitDeclaration", size: undefined });
    expect(bits).toMatchObject({ kind: "bitDeclaration", style: "bit", name: { name: "d" } });
    expect(bit).toMatchObject({ kind: "bitDeclaration", size: undefined });
  });

  it("parses const and input declarations", () => {
    const [c, i1, i2] = statements("const int n = 3; input float[64] theta; input float phi;");
    expect(c).toMatchObject({ kind: "constDeclaration", type: "int", name: { name: "n" } });
    expect(i1).toMatchObject({ kind: "inputDeclaration", typeText: "float[64]" });
    expect(i2).toMatchObject({
      kind: "inputDeclaration",
      typeText: "float",
      name: { name: "phi" },
    });
  });

  it("parses a gate call with modifiers, arguments and operands", () => {
    const [call] = statements("inv @ ctrl(2) @ negctrl @ pow(0.5) @ rx(pi/2) a, b[1], c, d;");
    expect(call).toMatchObject({
      kind: "gateCall",
      name: { name: "rx", loc: { line: 1, column: 38 } },
      modifiers: [{ kind: "inv" }, { kind: "ctrl" }, { kind: "negctrl" }, { kind: "pow" }],
      operands: [
        { name: "a" },
        { name: "b", index: { kind: "number", value: 1 } },
        { name: "c" },
        { name: "d" },
      ],
    });
  });

  it("parses gphase with and without operands", () => {
    const [plain, controlled] = statements("gphase(0.5); ctrl @ gphase(pi) q;");
    expect(plain).toMatchObject({ kind: "gateCall", name: { name: "gphase" }, operands: [] });
    expect(controlled).toMatchObject({ kind: "gateCall", operands: [{ name: "q" }] });
  });

  it("parses all three measurement spellings to the same statement", () => {
    const forms = statements("measure q[0] -> c[0]; c[0] = measure q[0]; c = measure q;");
    expect(forms.map((s) => s.kind)).toEqual(["measure", "measure", "measure"]);
    expect(forms[0]).toMatchObject({ qubit: { name: "q" }, target: { name: "c" } });
    expect(forms[1]).toMatchObject({ qubit: { name: "q" }, target: { name: "c" } });
  });

  it("parses a gate definition", () => {
    const [gate] = statements("gate g(a, b) x, y { rz(a) x; cx x, y; }");
    expect(gate).toMatchObject({
      kind: "gateDefinition",
      name: { name: "g" },
      params: [{ name: "a" }, { name: "b" }],
      qubits: [{ name: "x" }, { name: "y" }],
    });
    if (gate.kind !== "gateDefinition") throw new Error();
    expect(gate.body.map((s) => s.kind)).toEqual(["gateCall", "gateCall"]);
  });

  it("parses if/else with blocks and single statements", () => {
    const [withElse, single] = statements("if (c[0] == 1) { x q; } else h q; if (c == 3) z q;");
    expect(withElse).toMatchObject({ kind: "if", elseLoc: { line: 1, column: 25 } });
    if (withElse.kind !== "if" || single.kind !== "if") throw new Error();
    expect(withElse.then).toHaveLength(1);
    expect(withElse.else).toHaveLength(1);
    expect(show(single.condition)).toBe("(c == 3)");
  });

  it("parses for loops over ranges with and without step, and over sets", () => {
    const loops = statements(
      "for uint i in [0:3] { h q[i]; } for int j in [0:2:8] x q[j]; for k in {1, 5} z q[k]; for int[32] m in [1:2] {}",
    );
    expect(loops[0]).toMatchObject({
      kind: "for",
      variable: { name: "i" },
      iterable: { kind: "range", step: undefined },
    });
    expect(loops[1]).toMatchObject({
      iterable: { kind: "range", step: { value: 2 }, end: { value: 8 } },
    });
    expect(loops[2]).toMatchObject({ iterable: { kind: "set" } });
    expect(loops[3]).toMatchObject({ variable: { name: "m" } });
  });

  it("parses reset, barrier with and without operands, pragmas and blocks", () => {
    const kinds = statements("reset q; barrier q, r[0]; barrier;\n#pragma expect Z0\n{ x q; }").map(
      (s) => s.kind,
    );
    expect(kinds).toEqual(["reset", "barrier", "barrier", "pragma", "block"]);
  });
});

describe("parser: expressions", () => {
  it("follows OpenQASM precedence and associativity", () => {
    expect(angle("1 + 2 * 3")).toBe("(1 + (2 * 3))");
    expect(angle("1 - 2 - 3")).toBe("((1 - 2) - 3)");
    expect(angle("2 ** 3 ** 2")).toBe("(2 ** (3 ** 2))");
    expect(angle("-2 ** 2")).toBe("(-(2 ** 2))");
    expect(angle("2 ** -1")).toBe("(2 ** (-1))");
    expect(angle("(1 + 2) * sin(pi / 2)")).toBe("((1 + 2) * sin((pi / 2)))");
  });

  it("reads ^ as power in OpenQASM 2 and as xor in OpenQASM 3", () => {
    expect(angle("2 ^ 3 * 4", "2.0")).toBe("((2 ** 3) * 4)");
    expect(angle("2 ^ 3 * 4", "3")).toBe("(2 ^ (3 * 4))");
  });

  it("refuses expressions nested beyond the limit instead of overflowing the stack", () => {
    const deep = "(".repeat(5000) + "1" + ")".repeat(5000);
    expect(parseError(`rx(${deep}) q;`)).toBe(
      "syntax 1:260: expression is nested too deeply (more than 256 levels)",
    );
    const long = Array.from({ length: 5000 }, () => "1").join("+");
    expect(parseError(`rx(${long}) q;`)).toMatch(/^syntax 1:\d+: expression is nested too deeply/);
    expect(parseError("{".repeat(100))).toBe(
      "syntax 1:65: blocks are nested too deeply (more than 64 levels)",
    );
  });
});

describe("parser: errors", () => {
  it("says what was expected and what was found", () => {
    expect(parseError("qreg q[2]\nh q;")).toBe(
      "syntax 2:1: expected `;` after statement, found `h`",
    );
    expect(parseError("h q")).toBe("syntax 1:4: expected `;` after statement, found end of input");
    expect(parseError("rx(0.5 q;")).toBe(
      "syntax 1:8: expected `)` after the gate arguments, found `q`",
    );
    expect(parseError("gate g { x a; }")).toBe(
      "syntax 1:8: expected at least one qubit argument, found `{`",
    );
    expect(parseError("qubit[2];")).toBe("syntax 1:9: expected a name for the qubits, found `;`");
    expect(parseError("include qelib1;")).toBe(
      'syntax 1:9: expected a file name in quotes, like "qelib1.inc", found `qelib1`',
    );
    expect(parseError("for uint i in [0:3 { }")).toBe(
      "syntax 1:20: expected `]` to close the range, found `{`",
    );
    expect(parseError("if c == 1 x q;")).toBe("syntax 1:4: expected `(` after `if`, found `c`");
    expect(parseError("pow @ x q;")).toBe("syntax 1:5: expected `(` after `pow`, found `@`");
    expect(parseError("ctrl @ ;")).toBe("syntax 1:8: expected a gate name after `@`, found `;`");
    expect(parseError("3 q;")).toBe("syntax 1:1: expected a statement, found `3`");
    expect(parseError("gate g a { measure a -> c; }")).toBe(
      "syntax 1:12: only gate calls, `gphase` and `barrier` may appear in a gate body, found `measure`",
    );
    expect(parseError("{ gate g a { x a; } }")).toBe(
      "syntax 1:3: gates can only be defined at the top level",
    );
  });

  it("names each unsupported construct", () => {
    const cases: [string, string][] = [
      ["return;", "`return` is only allowed as the last statement of a subroutine (`def`)"],
      ["extern f(int) -> int;", "`extern` functions are not supported"],
      ["defcal x $0 {}", "pulse-level calibration (`defcal`) is not supported"],
      ["cal {}", "pulse-level calibration (`cal`) is not supported"],
      ["let a = q;", "aliases (`let`) are not supported"],
      ["switch (i) {}", "`switch` statements are not supported"],
      [
        "array[int[8], 2] a;",
        "arrays are only supported as inputs: `input array[float[64], 4] x;`",
      ],
      ["complex[float] z;", "`complex` variables are not supported"],
      ["angle[20] a;", "`angle` variables are not supported; use `const float` or `input angle`"],
      [
        "float x = 1;",
        "classical variables (`float`) are not supported; use `const float x = ...;` for a constant",
      ],
      ["output float y;", "`output` declarations are not supported"],
      ["opaque g a;", "`opaque` gates are not supported: a gate needs a body Ketbook can simulate"],
      ["break;", "`break` is not supported"],
    ];
    for (const [source, message] of cases) {
      expect(parseError(source)).toBe(`unsupported 1:1: ${message}`);
    }
  });

  it("names unsupported forms inside statements at their first token", () => {
    expect(parseError("h q[0, 2];")).toBe(
      "unsupported 1:6: multi-dimensional indexing (`q[a, b]`) is not supported; write one index, a slice `q[a:b]` or a set `q[{a, b}]`",
    );
    expect(parseError("h q[0][1];")).toBe(
      "unsupported 1:7: multi-dimensional indexing (`q[..][..]`) is not supported",
    );
    expect(parseError("h $0;")).toBe("unsupported 1:3: physical qubits (`$0`) are not supported");
    expect(parseError("measure q;")).toBe(
      "unsupported 1:1: `measure` without a target bit is not supported; write `measure q -> c;` or `c = measure q;`",
    );
    expect(parseError("c **= 2;")).toBe(
      "unsupported 1:3: `**=` is not supported; integers support `=`, `+=`, `-=`, `*=`, `/=`, `%=`, `&=`, `|=`, `^=`, `<<=` and `>>=`",
    );
    expect(parseError("c[0] = 1;")).toBe(
      "unsupported 1:6: assigning a value to bits (`c[...] = ...`) is not supported; bits take `measure`",
    );
    expect(parseError("const angle a = 1;")).toBe(
      "unsupported 1:7: `const angle` is not supported; use `const int`, `const uint` or `const float`",
    );
    expect(parseError("input int n;")).toBe(
      "unsupported 1:7: `input int` is not supported; inputs must be `float` or `angle` (e.g. `input float theta;`)",
    );
    expect(parseError("bit c = 1;")).toBe(
      "unsupported 1:9: a `bit` can only be initialised with `measure ...`, a subroutine call or 0 (bits start at 0); declare `c` and measure into it",
    );
    expect(parseError("for float x in [0:1] {}")).toBe(
      "unsupported 1:5: `for` loops over `float` are not supported; use `int` or `uint`",
    );
    expect(parseError("for int i in c {}")).toBe(
      "unsupported 1:14: `for` loops can only run over a range `[a:b]` or a set `{a, b}`",
    );
    expect(parseError("@bind x\nh q;")).toBe(
      "unsupported 1:1: annotations (`@...`) are not supported",
    );
    expect(parseError("h[100] q;")).toBe(
      "unsupported 1:3: gate durations (`name[...]`) are not supported",
    );
  });
});
