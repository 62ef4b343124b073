/**
 * The editor knows Ketbook's pragmas: completion offers `#pragma noise` and `#pragma expect` as
 * snippets, each compiles as inserted (placeholders at their defaults, each choice tried), and
 * hovering a pragma's words explains them.
 */
import { describe, expect, it } from "vitest";

import { qasmCompletions } from "@/app/_components/editor/qasm-completions";
import { PRAGMA_DOCS, pragmaHover } from "@/app/_components/editor/qasm-pragmas";
import { compile } from "@/lib/quantum/compile";

/** Every text a snippet can insert: each `${n|a,b|}` choice, `${n:default}` at its default. */
function expansions(snippet: string): string[] {
  const choice = /\$\{\d+\|([^|]*)\|\}/.exec(snippet);
  if (choice) {
    return choice[1].split(",").flatMap((option) => expansions(snippet.replace(choice[0], option)));
  }
  return [snippet.replace(/\$\{\d+:([^}]*)\}/g, "$1").replace(/\$0/g, "")];
}

describe("pragma completion", () => {
  it("offers both pragmas as snippets", () => {
    const items = qasmCompletions("OPENQASM 3.0;\nqubit q;\n").filter((i) => i.kind === "pragma");
    expect(items.map((i) => [i.label, i.snippet])).toEqual([
      ["#pragma noise", true],
      ["#pragma expect", true],
    ]);
    expect(items[0].documentation).toContain("`#pragma noise cx depolarizing 0.02`");
  });

  it("inserts pragmas that compile, for every channel", () => {
    const texts = PRAGMA_DOCS.flatMap((doc) => expansions(doc.snippet));
    expect(texts).toEqual([
      "#pragma noise depolarizing 0.01",
      "#pragma noise amplitude_damping 0.01",
      "#pragma noise phase_damping 0.01",
      "#pragma noise readout 0.01",
      "#pragma expect Z0",
    ]);
    for (const text of texts) {
      expect(() =>
        compile(`OPENQASM 3.0;\ninclude "stdgates.inc";\n${text}\nqubit q;\nh q;`),
      ).not.toThrow();
    }
  });
});

describe("pragma hover", () => {
  it("explains the pragma and its channels on pragma lines only", () => {
    expect(pragmaHover("#pragma noise cx depolarizing 0.02", "noise")).toContain(
      "**`#pragma noise`**",
    );
    expect(pragmaHover("  pragma noise readout 0.1", "readout")).toContain(
      "only the counts change",
    );
    expect(pragmaHover("#pragma noise cx depolarizing 0.02", "depolarizing")).toContain(
      "depolarizing_error(p, k)",
    );
    expect(pragmaHover("#pragma expect Z0", "expect")).toContain("#pragma expect <pauli sum>");
    expect(pragmaHover("h q; // depolarizing", "depolarizing")).toBeNull();
    expect(pragmaHover("#pragma noise cx depolarizing 0.02", "cx")).toBeNull();
  });
});
