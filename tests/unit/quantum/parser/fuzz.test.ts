/**
 * Robustness: whatever text arrives, compile() either returns a circuit or throws a QuantumError
 * located at line ≥ 1, column ≥ 1 — never another exception, never a hang. Inputs are random
 * mutations of the valid fixtures (characters or tokens deleted, inserted, replaced) and random
 * soups of OpenQASM tokens. Runs are seeded so a failure reproduces.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compile } from "@/lib/quantum/compile";
import { QuantumError } from "@/lib/quantum/errors";

const DIR = join(process.cwd(), "tests/fixtures/qasm/valid");
const SEEDS = readdirSync(DIR)
  .filter((f) => f.endsWith(".qasm"))
  .sort()
  .map((f) => readFileSync(join(DIR, f), "utf8"));

const VOCABULARY = [
  "OPENQASM",
  "2.0",
  "3",
  "include",
  '"qelib1.inc"',
  '"stdgates.inc"',
  "qreg",
  "creg",
  "qubit",
  "bit",
  "const",
  "int",
  "uint",
  "float",
  "input",
  "gate",
  "opaque",
  "measure",
  "reset",
  "barrier",
  "if",
  "else",
  "for",
  "in",
  "while",
  "def",
  "ctrl",
  "negctrl",
  "inv",
  "pow",
  "gphase",
  "@",
  "U",
  "CX",
  "h",
  "x",
  "cx",
  "ccx",
  "rz",
  "u3",
  "swap",
  "c4x",
  "rccx",
  "q",
  "c",
  "r",
  "i",
  "theta",
  "pi",
  "π",
  "τ",
  "0",
  "1",
  "2",
  "3",
  "0.5",
  "1e-3",
  "1000000",
  "-1",
  "(",
  ")",
  "[",
  "]",
  "{",
  "}",
  ";",
  ",",
  ":",
  "->",
  "=",
  "==",
  "!",
  "+",
  "-",
  "*",
  "/",
  "**",
  "^",
  "%",
  "sin",
  "sqrt",
  "ln",
  "#pragma expect Z0\n",
  "/*",
  "*/",
  "//",
  "\n",
  "$0",
  '"',
  "'",
  "\u2212",
  "?",
  "100ns",
];

const TOKEN =
  /\s+|[A-Za-z_\u0080-\uffff][\w\u0080-\uffff]*|\d+(?:\.\d*)?(?:e[-+]?\d+)?|->|\*\*|==|[^\s\w]/gu;

function tokensOf(source: string): string[] {
  return source.match(TOKEN) ?? [source];
}

/** compile() must end in a circuit or a located QuantumError, quickly. */
function checkCompiles(source: string): void {
  const started = performance.now();
  try {
    compile(source, { params: { theta: 0.5, phi: 1 } });
  } catch (e) {
    if (!(e instanceof QuantumError)) {
      throw new Error(`non-QuantumError for ${JSON.stringify(source)}: ${String(e)}`);
    }
    expect(e.loc?.line ?? 0).toBeGreaterThanOrEqual(1);
    expect(e.loc?.column ?? 0).toBeGreaterThanOrEqual(1);
  }
  expect(performance.now() - started).toBeLessThan(2000);
}

type Edit = { at: number; kind: "delete" | "insert" | "replace" | "duplicate"; text: string };

const edit = (alphabet: fc.Arbitrary<string>): fc.Arbitrary<Edit> =>
  fc.record({
    at: fc.nat(),
    kind: fc.constantFrom("delete", "insert", "replace", "duplicate"),
    text: alphabet,
  });

function applyEdits<T>(items: T[], edits: Edit[], make: (text: string) => T): T[] {
  const out = [...items];
  for (const e of edits) {
    const i = out.length === 0 ? 0 : e.at % out.length;
    switch (e.kind) {
      case "delete":
        out.splice(i, 1);
        break;
      case "insert":
        out.splice(i, 0, make(e.text));
        break;
      case "replace":
        out.splice(i, 1, make(e.text));
        break;
      case "duplicate":
        if (out.length > 0) out.splice(i, 0, out[i]);
        break;
    }
  }
  return out;
}

const seed = fc.constantFrom(...SEEDS);
const character = fc.oneof(
  fc.constantFrom(..."{}[]();:,=-+*/^!@#$\"'<>|&%~ \n\t0123456789.qchxπ"),
  fc.string({ minLength: 1, maxLength: 1, unit: "binary" }),
);

describe("fuzzing compile()", () => {
  it("survives character mutations of valid programs", () => {
    fc.assert(
      fc.property(
        seed,
        fc.array(edit(character), { minLength: 1, maxLength: 6 }),
        (source, edits) => {
          checkCompiles(applyEdits([...source], edits, (t) => t).join(""));
        },
      ),
      { seed: 20240611, numRuns: 400 },
    );
  });

  it("survives token mutations of valid programs", () => {
    const token = fc.constantFrom(...VOCABULARY);
    fc.assert(
      fc.property(seed, fc.array(edit(token), { minLength: 1, maxLength: 6 }), (source, edits) => {
        checkCompiles(applyEdits(tokensOf(source), edits, (t) => ` ${t} `).join(""));
      }),
      { seed: 7, numRuns: 400 },
    );
  });

  it("survives random token soup", () => {
    const soup = fc.array(fc.constantFrom(...VOCABULARY), { maxLength: 60 });
    fc.assert(
      fc.property(soup, fc.constantFrom(" ", "\n", ""), (tokens, separator) => {
        checkCompiles(tokens.join(separator));
        checkCompiles(
          `OPENQASM 3;\ninclude "stdgates.inc";\nqubit[3] q;\n${tokens.join(separator)}`,
        );
      }),
      { seed: 99, numRuns: 400 },
    );
  });

  it("survives arbitrary strings", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200, unit: "binary" }), (text) => checkCompiles(text)),
      { seed: 1, numRuns: 300 },
    );
  });
});
