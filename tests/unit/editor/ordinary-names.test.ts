/**
 * In the editor and the page, names that are also properties of every JavaScript object are
 * ordinary identifiers: sliders, completion, hover, highlighting and gate docs never find
 * Object.prototype's members.
 */
import { describe, expect, it } from "vitest";
import { qasmCompletions } from "@/app/_components/editor/qasm-completions";
import { GATE_FORMULAS } from "@/app/_components/editor/qasm-gate-docs";
import { qasmWordHover } from "@/app/_components/editor/qasm-words";
import { paramValue, scanCellInputs } from "@/lib/notebook/cell-inputs";
import { highlightQasm } from "@/lib/notebook/highlight-qasm";
import { compile } from "@/lib/quantum/compile";
import { layoutCircuit } from "@/lib/quantum/layout";
import { gateNoiseFor } from "@/lib/quantum/noise";
import { VOCABULARY_BY_WORD } from "@/lib/quantum/qasm/vocabulary";

const NAMES = ["toString", "constructor", "__proto__", "hasOwnProperty", "valueOf"] as const;

describe.each(NAMES)("`%s`", (name) => {
  it("is an input with a slider, and has no value until one is set", () => {
    const source = `OPENQASM 3.0;\ninput float ${name};\n// @range ${name} 0 pi 1\n`;
    expect(scanCellInputs(source)).toEqual([{ name, min: 0, max: Math.PI, defaultValue: 1 }]);
    expect(paramValue({}, name)).toBeUndefined();
    expect(paramValue(Object.fromEntries([[name, 0.25]]), name)).toBe(0.25);
  });

  it("is a register for completion, and no reserved word for hover or highlighting", () => {
    const items = qasmCompletions(`qubit[2] ${name};`);
    expect(items[0]).toMatchObject({ label: name, kind: "register" });
    expect(qasmWordHover(name)).toBeNull();
    expect(VOCABULARY_BY_WORD.get(name)).toBeUndefined();
    expect(highlightQasm(name)).toEqual([{ kind: "identifier", text: name }]);
  });

  it("has no gate formula, no gate noise and its own label in diagrams", () => {
    expect(GATE_FORMULAS.get(name)).toBeUndefined();
    expect(gateNoiseFor({ gates: { x: { depolarizing: 0.1 } } }, name)).toBeUndefined();
    const circuit = compile(
      `OPENQASM 3.0;\nqubit q;\ngate ${name} a { U(1, 0, 0) a; }\n${name} q;`,
    );
    expect(layoutCircuit(circuit).columns).toBeGreaterThan(0);
  });
});
