/**
 * The one vocabulary table (lib/quantum/qasm/vocabulary.ts) against the engine and the editor:
 * every refusal it lists is the engine's, every input type it lists compiles, and the editor
 * offers only words the engine accepts.
 */
import { describe, expect, it } from "vitest";
import { qasmCompletions } from "@/app/_components/editor/qasm-completions";
import { qasmWordHover } from "@/app/_components/editor/qasm-words";
import { scanCellInputs } from "@/lib/notebook/cell-inputs";
import { highlightQasm } from "@/lib/notebook/highlight-qasm";
import { compile } from "@/lib/quantum/compile";
import { QuantumError } from "@/lib/quantum/errors";
import { INPUT_TYPES, VOCABULARY } from "@/lib/quantum/qasm/vocabulary";

function failure(source: string): string {
  try {
    compile(source);
  } catch (e) {
    if (!(e instanceof QuantumError)) throw e;
    return `${e.code} ${e.loc?.line}:${e.loc?.column}: ${e.message}`;
  }
  throw new Error("expected compile() to throw");
}

const refusals = VOCABULARY.filter((e) => e.refusal !== undefined);

describe("the vocabulary table", () => {
  it.each(refusals)("the engine refuses a statement starting with `$word` as listed", (e) => {
    expect(failure(`OPENQASM 3.0;\n${e.word} x;`)).toBe(`unsupported 2:1: ${e.refusal}`);
  });

  it("lists a refusal for every unsupported word that can start a statement", () => {
    for (const e of VOCABULARY) {
      if (e.support === "unsupported" && e.class !== "constant") {
        expect({ word: e.word, refusal: e.refusal }).toEqual({
          word: e.word,
          refusal: expect.any(String),
        });
      }
    }
  });

  it.each(INPUT_TYPES)("`input %s` compiles, and the page offers it a slider", (type) => {
    const source = `OPENQASM 3.0;\ninclude "stdgates.inc";\ninput ${type} x;\nqubit q;\nrx(x) q;`;
    const circuit = compile(source, { params: { x: 0.5 } });
    expect(circuit.inputs).toEqual([{ name: "x", value: 0.5 }]);
    expect(circuit.ops).toMatchObject([{ name: "rx", params: [0.5] }]);
    expect(scanCellInputs(source).map((i) => i.name)).toEqual(["x"]);
  });

  it("completion offers no word the engine refuses, and hover says which ones it refuses", () => {
    const offered = new Set(qasmCompletions("").map((item) => item.label));
    for (const e of VOCABULARY) {
      expect({ word: e.word, offered: offered.has(e.word) }).toEqual({
        word: e.word,
        offered: e.support !== "unsupported",
      });
      const hover = qasmWordHover(e.word) ?? "";
      expect(hover).toContain(e.doc);
      if (e.support === "unsupported") expect(hover).toContain("Not supported by Ketbook");
    }
  });

  it("the read-only highlighter classes every word as the table does", () => {
    for (const e of VOCABULARY) {
      const kind = e.class === "modifier" ? "keyword" : e.class;
      expect({ word: e.word, kind: highlightQasm(e.word)[0].kind }).toEqual({ word: e.word, kind });
    }
  });
});
