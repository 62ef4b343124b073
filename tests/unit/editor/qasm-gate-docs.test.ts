import { describe, expect, it } from "vitest";

import {
  GATE_FORMULAS,
  gateHoverMarkdown,
  gateMatrixSection,
  gateSignatureLabel,
} from "@/app/_components/editor/qasm-gate-docs";
import { GATE_CATALOG, GATES_BY_NAME } from "@/lib/quantum/gate-catalog";

const gate = (name: string) => {
  const found = GATES_BY_NAME.get(name);
  if (!found) throw new Error(`no gate ${name} in the catalog`);
  return found;
};

describe("gateSignatureLabel", () => {
  it("shows parameters in parentheses and names controls and targets", () => {
    expect(gateSignatureLabel(gate("rz"))).toBe("rz(θ) q");
    expect(gateSignatureLabel(gate("h"))).toBe("h q");
    expect(gateSignatureLabel(gate("cx"))).toBe("cx c, t");
    expect(gateSignatureLabel(gate("ccx"))).toBe("ccx c1, c2, t");
    expect(gateSignatureLabel(gate("cswap"))).toBe("cswap c, t1, t2");
    expect(gateSignatureLabel(gate("swap"))).toBe("swap a, b");
    expect(gateSignatureLabel(gate("cu"))).toBe("cu(θ, φ, λ, γ) c, t");
  });
});

describe("gate hover", () => {
  it("has a matrix formula for every parameterised gate of the catalog, and only for those", () => {
    const parameterised = GATE_CATALOG.filter((g) => g.params.length > 0).map((g) => g.name);
    expect([...GATE_FORMULAS.keys()].sort()).toEqual([...parameterised].sort());
  });

  it("every catalog gate has a hover that starts with its signature and catalog doc", () => {
    for (const g of GATE_CATALOG) {
      const blocks = gateHoverMarkdown(g);
      expect(blocks[0]).toBe(`**\`${gateSignatureLabel(g)}\`** — ${g.doc}`);
      expect(blocks.length).toBeGreaterThanOrEqual(4);
    }
  });

  it("shows RZ as the formula diag(e^{−iθ/2}, e^{iθ/2})", () => {
    expect(gateMatrixSection(gate("rz")).markdown).toBe(
      "```text\nRZ(θ) = diag(e^{−iθ/2}, e^{iθ/2})\n```",
    );
  });

  it("shows the full matrix of CX in Qiskit order (control = least significant bit)", () => {
    const section = gateMatrixSection(gate("cx"));
    expect(section.fullMatrix).toBe(true);
    expect(section.markdown).toBe(
      "```text\n⎡ 1  0  0  0 ⎤\n⎢ 0  0  0  1 ⎥\n⎢ 0  0  1  0 ⎥\n⎣ 0  1  0  0 ⎦\n```",
    );
    expect(gateHoverMarkdown(gate("cx"))).toContain(
      "Rows and columns are basis states in Qiskit order: the first operand is the rightmost (least significant) bit.",
    );
  });

  it("describes gates too large to show by what they do to the target", () => {
    const section = gateMatrixSection(gate("c4x"));
    expect(section.fullMatrix).toBe(false);
    expect(section.markdown).toBe(
      "Its 32×32 matrix is too large to show here. When all 4 controls are |1⟩ it applies this " +
        "to the target:\n\n```text\n⎡ 0  1 ⎤\n⎣ 1  0 ⎦\n```",
    );
    expect(gateMatrixSection(gate("rc3x")).markdown).toBe(
      "Its 16×16 matrix is too large to show here.",
    );
  });

  it("says where a gate is defined", () => {
    expect(gateHoverMarkdown(gate("U")).at(-1)).toBe("Built into the language: no include needed.");
    expect(gateHoverMarkdown(gate("phase")).at(-1)).toBe(
      'Defined in `stdgates.inc` (`include "stdgates.inc";`).',
    );
    expect(gateHoverMarkdown(gate("rxx")).at(-1)).toBe(
      'Defined in `qelib1.inc` (`include "qelib1.inc";`).',
    );
  });
});
