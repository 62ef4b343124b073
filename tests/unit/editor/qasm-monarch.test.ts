import { describe, expect, it } from "vitest";

import { qasmMonarch } from "@/app/_components/editor/qasm-monarch";
import {
  QASM_CONSTANTS,
  QASM_KEYWORDS,
  QASM_MODIFIERS,
  QASM_TYPES,
} from "@/app/_components/editor/qasm-words";
import { highlightQasm } from "@/lib/notebook/highlight-qasm";
import { GATE_CATALOG } from "@/lib/quantum/gate-catalog";

/** Every regex of the tokenizer, as Monarch will compile it (with the `u` flag). */
function rules(): RegExp[] {
  return Object.values(qasmMonarch.tokenizer as Record<string, unknown[]>)
    .flat()
    .flatMap((rule) => (Array.isArray(rule) && rule[0] instanceof RegExp ? [rule[0]] : []));
}

describe("OpenQASM Monarch grammar", () => {
  it("knows every gate of the catalog", () => {
    expect(qasmMonarch.gates).toEqual(GATE_CATALOG.map((g) => g.name));
  });

  it("classifies words as the server-side highlighter does, so loading the editor changes no colour", () => {
    const classes: [readonly { word: string }[], string][] = [
      [QASM_KEYWORDS, "keyword"],
      [QASM_TYPES, "type"],
      [QASM_CONSTANTS, "constant"],
    ];
    for (const [list, kind] of classes) {
      for (const { word } of list) {
        expect({ word, kind: highlightQasm(word)[0].kind }).toEqual({ word, kind });
      }
    }
  });

  it("splits modifiers from the other keywords", () => {
    expect(qasmMonarch.modifiers).toEqual(["ctrl", "negctrl", "inv", "pow"]);
    for (const modifier of QASM_MODIFIERS) expect(qasmMonarch.keywords).not.toContain(modifier);
    expect(qasmMonarch.keywords).toContain("measure");
  });

  it("has rules that compile with the unicode flag Monarch adds", () => {
    expect(qasmMonarch.unicode).toBe(true);
    const all = rules();
    expect(all.length).toBeGreaterThan(15);
    for (const rule of all) expect(() => new RegExp(rule.source, "u")).not.toThrow();
  });

  it("reads the number forms of OpenQASM 3 as numbers", () => {
    const numberRules = Object.values(qasmMonarch.tokenizer)
      .flat()
      .filter(
        (rule): rule is [RegExp, string] =>
          Array.isArray(rule) && typeof rule[1] === "string" && rule[1].startsWith("number"),
      );
    const sticky = numberRules.map(([re, token]) => [new RegExp(`^(?:${re.source})`, "u"), token]);
    const tokenOf = (text: string) =>
      sticky.find(([re]) => (re as RegExp).exec(text)?.[0] === text)?.[1];
    expect(tokenOf("0x1F")).toBe("number.hex");
    expect(tokenOf("0b1010")).toBe("number.binary");
    expect(tokenOf("0o17")).toBe("number.octal");
    expect(tokenOf("3.14")).toBe("number.float");
    expect(tokenOf(".5e-3")).toBe("number.float");
    expect(tokenOf("1_000")).toBe("number");
    expect(tokenOf("100ns")).toBe("number.duration");
    expect(tokenOf("2im")).toBe("number");
    expect(tokenOf("$3")).toBe("number.physical");
  });
});
