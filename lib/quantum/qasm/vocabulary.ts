/**
 * The OpenQASM vocabulary Ketbook knows: every reserved word with its class, a one-line doc and
 * what the engine does with it. The parser's refusals, the editor's grammar, completion and
 * hover, the read-only highlighter and the sliders all derive from this one table, so the editor
 * never offers a word the engine refuses (tests/unit/quantum/parser/vocabulary.test.ts checks
 * the engine against it).
 *
 * Lookups go through Maps, so a learner's name such as `toString` is never mistaken for a word.
 */

export type WordClass = "keyword" | "modifier" | "type" | "constant";

/**
 * - `supported`: the engine implements it;
 * - `ignored`: accepted and has no effect in simulation (timing), with a note in the run;
 * - `unsupported`: refused with `refusal` where it starts a statement.
 */
export type WordSupport = "supported" | "ignored" | "unsupported";

export interface VocabularyEntry {
  readonly word: string;
  readonly class: WordClass;
  readonly doc: string;
  readonly support: WordSupport;
  /**
   * The "not supported" message given when the word starts a statement. Types the engine knows
   * in some positions only (`int` in `const int`) are `supported` and still have one.
   */
  readonly refusal?: string;
  /** Scalar types an `input` may have; each gets a slider. */
  readonly input?: boolean;
}

const entry = (
  word: string,
  wordClass: WordClass,
  doc: string,
  support: WordSupport = "supported",
  extra: Partial<Pick<VocabularyEntry, "refusal" | "input">> = {},
): VocabularyEntry => ({ word, class: wordClass, doc, support, ...extra });

const refused = (word: string, wordClass: WordClass, doc: string, refusal: string) =>
  entry(word, wordClass, doc, "unsupported", { refusal });

export const VOCABULARY: readonly VocabularyEntry[] = [
  entry("OPENQASM", "keyword", "Version header: `OPENQASM 3.0;` or `OPENQASM 2.0;`."),
  entry(
    "include",
    "keyword",
    'Includes a file: `include "stdgates.inc";` (v3) or `"qelib1.inc"` (v2).',
  ),
  entry("gate", "keyword", "Defines a gate: `gate name(params) qubits { … }`."),
  refused(
    "opaque",
    "keyword",
    "Declares a gate without a body (OpenQASM 2).",
    "`opaque` gates are not supported: a gate needs a body Ketbook can simulate",
  ),
  entry("measure", "keyword", "Measures qubits into bits: `c = measure q;` or `measure q -> c;`."),
  entry("reset", "keyword", "Resets a qubit to |0⟩."),
  entry("barrier", "keyword", "Stops gates from being moved across this point."),
  entry(
    "if",
    "keyword",
    "Runs a statement when a condition on measured bits or integers holds: `if (c == 1)`, `if (n >= 2 && !c[0])`.",
  ),
  entry("else", "keyword", "The branch taken when the `if` condition is false."),
  entry("for", "keyword", "Loops over a range or a set: `for int i in [0:3] { … }`."),
  entry("in", "keyword", "Separates a loop variable from what it ranges over."),
  entry(
    "while",
    "keyword",
    "Loops while a condition holds, to a bound: `while (c == 0) { … }`, `while (n < 3) { … n += 1; }`.",
  ),
  entry("def", "keyword", "Defines a subroutine: `def f(qubit q, angle θ) -> bit { … }`."),
  entry("return", "keyword", "Ends a subroutine: `return measure q;` or `return;`.", "supported", {
    refusal: "`return` is only allowed as the last statement of a subroutine (`def`)",
  }),
  entry("input", "keyword", "Declares a parameter bound when the program runs: `input float θ;`."),
  refused(
    "output",
    "keyword",
    "Declares a value the program outputs.",
    "`output` declarations are not supported",
  ),
  entry("const", "keyword", "Declares a compile-time constant: `const int n = 3;`."),
  entry("ctrl", "modifier", "Modifier: `ctrl @ x a, b;` adds a control qubit (state 1)."),
  entry("negctrl", "modifier", "Modifier: `negctrl @ x a, b;` adds a control that fires on |0⟩."),
  entry("inv", "modifier", "Modifier: `inv @ s q;` applies the inverse of the gate."),
  entry("pow", "modifier", "Modifier: `pow(0.5) @ x q;` applies a power of the gate."),
  entry("gphase", "keyword", "Global phase: `gphase(θ);` multiplies the state by e^{iθ}."),
  entry("qreg", "keyword", "Declares qubits (OpenQASM 2): `qreg q[2];`."),
  entry("creg", "keyword", "Declares classical bits (OpenQASM 2): `creg c[2];`."),
  refused(
    "let",
    "keyword",
    "Gives a name to a slice of a register.",
    "aliases (`let`) are not supported",
  ),
  refused("break", "keyword", "Leaves the innermost loop.", "`break` is not supported"),
  refused(
    "continue",
    "keyword",
    "Starts the next iteration of the innermost loop.",
    "`continue` is not supported",
  ),
  refused("end", "keyword", "Ends the program.", "`end` is not supported"),
  entry("box", "keyword", "Groups statements for timing.", "ignored"),
  entry("delay", "keyword", "Waits for a duration on qubits.", "ignored"),
  refused(
    "extern",
    "keyword",
    "Declares a function provided by the host.",
    "`extern` functions are not supported",
  ),
  refused(
    "cal",
    "keyword",
    "Pulse-level calibration block.",
    "pulse-level calibration (`cal`) is not supported",
  ),
  refused(
    "defcal",
    "keyword",
    "Pulse-level gate calibration.",
    "pulse-level calibration (`defcal`) is not supported",
  ),
  refused(
    "defcalgrammar",
    "keyword",
    "Names the pulse grammar of `defcal` blocks.",
    "pulse-level calibration (`defcalgrammar`) is not supported",
  ),
  refused(
    "switch",
    "keyword",
    "Chooses a branch by an integer value.",
    "`switch` statements are not supported",
  ),

  entry("qubit", "type", "Declares qubits: `qubit[2] q;`."),
  entry("bit", "type", "Declares classical bits: `bit[2] c;`."),
  entry(
    "int",
    "type",
    "Signed integer variable, 1 to 32 bits (`int` is `int[32]`): `int[8] n = 0; n += int(c);`. It may change at run time, e.g. count measurements, and be tested in `if`/`while`; gate angles need compile-time values. `x[i]` is bit i of its value. As a cast, `int[4](c)` reads bits as an integer (c[0] least significant) and `int[n](x)` keeps the low n bits of an integer, two's complement.",
  ),
  entry(
    "uint",
    "type",
    "Unsigned integer variable, 1 to 32 bits (`uint` is `uint[32]`): `uint tries = 0; tries += 1;`. It may change at run time and be tested in `if`/`while`; gate angles need compile-time values. `x[i]` is bit i of its value. As a cast, `uint[4](c)` reads bits as an integer (c[0] least significant) and `uint[n](x)` keeps the low n bits of an integer.",
  ),
  entry("float", "type", "Floating-point number: `input float θ;`.", "supported", {
    refusal:
      "classical variables (`float`) are not supported; use `const float x = ...;` for a constant",
    input: true,
  }),
  entry("angle", "type", "An angle (radians): `input angle θ;` gets a slider.", "supported", {
    refusal: "`angle` variables are not supported; use `const float` or `input angle`",
    input: true,
  }),
  entry(
    "bool",
    "type",
    "true or false. As a cast, `bool(x)` is true when x is nonzero: `if (bool(n[0])) x q;`.",
    "supported",
    { refusal: "`bool` variables are not supported; `bool(...)` casts are" },
  ),
  refused(
    "complex",
    "type",
    "Complex number: `complex[float[64]]`.",
    "`complex` variables are not supported",
  ),
  entry("duration", "type", "A length of time, e.g. `100ns`.", "ignored"),
  entry("stretch", "type", "A duration fixed later by the scheduler.", "ignored"),
  entry(
    "array",
    "type",
    "An array: `input array[float[64], 4] x;` is one input per element, `x[0]` …",
    "supported",
    {
      refusal: "arrays are only supported as inputs: `input array[float[64], 4] x;`",
    },
  ),

  entry("pi", "constant", "π ≈ 3.14159."),
  entry("π", "constant", "π ≈ 3.14159."),
  entry("tau", "constant", "τ = 2π."),
  entry("τ", "constant", "τ = 2π."),
  entry("euler", "constant", "e ≈ 2.71828."),
  entry("ℇ", "constant", "e ≈ 2.71828."),
  entry("true", "constant", "Boolean true."),
  entry("false", "constant", "Boolean false."),
];

export const VOCABULARY_BY_WORD: ReadonlyMap<string, VocabularyEntry> = new Map(
  VOCABULARY.map((e) => [e.word, e]),
);

/** Words that start a statement the engine does not implement, with the message that names it. */
export const UNSUPPORTED_STATEMENTS: ReadonlyMap<string, string> = new Map(
  VOCABULARY.flatMap((e) => (e.refusal === undefined ? [] : [[e.word, e.refusal] as const])),
);

/** The scalar types an `input` may have (`input float θ;`). */
export const INPUT_TYPES: readonly string[] = VOCABULARY.filter((e) => e.input).map((e) => e.word);

/** Suffixes that turn a number into an OpenQASM 3 duration literal (`100ns`). */
export const DURATION_UNITS: ReadonlySet<string> = new Set([
  "dt",
  "ns",
  "us",
  "\u00b5s",
  "ms",
  "s",
]);

export function wordsOfClass(wordClass: WordClass): VocabularyEntry[] {
  return VOCABULARY.filter((e) => e.class === wordClass);
}

/** One line saying what the engine does with a word, for hover. */
export function supportNote(e: VocabularyEntry): string {
  switch (e.support) {
    case "supported":
      return "";
    case "ignored":
      return "Accepted; it has no effect in Ketbook's simulation (a note says so in the run).";
    case "unsupported":
      return `Not supported by Ketbook: ${e.refusal ?? "the engine refuses it"}.`;
  }
}
