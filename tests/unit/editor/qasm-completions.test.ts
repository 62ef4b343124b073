import { describe, expect, it } from "vitest";

import {
  escapeSnippetText,
  gateSnippet,
  qasmCompletions,
} from "@/app/_components/editor/qasm-completions";
import { scanRegisters } from "@/app/_components/editor/qasm-registers";
import { GATE_CATALOG, GATES_BY_NAME } from "@/lib/quantum/gate-catalog";

const gate = (name: string) => GATES_BY_NAME.get(name)!;

describe("gate snippets", () => {
  it("has placeholders for parameters and qubits, named after the signature", () => {
    expect(gateSnippet(gate("rz"))).toBe("rz(${1:θ}) ${2:q};$0");
    expect(gateSnippet(gate("cx"))).toBe("cx ${1:c}, ${2:t};$0");
    expect(gateSnippet(gate("u3"))).toBe("u3(${1:θ}, ${2:φ}, ${3:λ}) ${4:q};$0");
  });

  it("uses the first declared qubit register so the inserted call is valid as is", () => {
    const [q] = scanRegisters("qubit[3] q;");
    expect(gateSnippet(gate("ccx"), q)).toBe("ccx ${1:q[0]}, ${2:q[1]}, ${3:q[2]};$0");
    const [single] = scanRegisters("qubit a;");
    expect(gateSnippet(gate("h"), single)).toBe("h ${1:a};$0");
    expect(gateSnippet(gate("cx"), single)).toBe("cx ${1:a}, ${2:t};$0");
  });

  it("escapes the characters that are special inside a snippet placeholder", () => {
    expect(escapeSnippetText("a$b}c\\d")).toBe("a\\$b\\}c\\\\d");
  });
});

describe("qasmCompletions", () => {
  const source = "OPENQASM 2.0;\nqreg q[2];\ncreg c[2];\n";
  const items = qasmCompletions(source);

  it("offers every catalog gate with its signature as detail", () => {
    const gates = items.filter((item) => item.kind === "gate");
    expect(gates.map((item) => item.label)).toEqual(GATE_CATALOG.map((g) => g.name));
    const cx = gates.find((item) => item.label === "cx");
    expect(cx).toMatchObject({
      detail: "cx c, t",
      insertText: "cx ${1:q[0]}, ${2:q[1]};$0",
      snippet: true,
    });
  });

  it("offers the declared registers first, with where they were declared", () => {
    expect(items.slice(0, 2)).toEqual([
      {
        label: "q",
        kind: "register",
        detail: "qreg q[2]",
        documentation: "Qubit register of 2, declared on line 2: `qreg q[2];`",
        insertText: "q",
        snippet: false,
        sortText: "0q",
      },
      {
        label: "c",
        kind: "register",
        detail: "creg c[2]",
        documentation: "Classical register of 2, declared on line 3: `creg c[2];`",
        insertText: "c",
        snippet: false,
        sortText: "0c",
      },
    ]);
    const sorted = [...items].sort((a, b) => a.sortText.localeCompare(b.sortText));
    expect(sorted[0].kind).toBe("register");
  });

  it("offers keywords, types and constants as plain words", () => {
    const byLabel = new Map(items.map((item) => [item.label, item]));
    expect(byLabel.get("measure")).toMatchObject({ kind: "keyword", snippet: false });
    expect(byLabel.get("qubit")).toMatchObject({ kind: "type", insertText: "qubit" });
    expect(byLabel.get("pi")).toMatchObject({ kind: "constant", documentation: "π ≈ 3.14159." });
  });
});
