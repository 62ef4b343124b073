import { describe, expect, it } from "vitest";
import { compile } from "@/lib/quantum/compile";
import { GATE_CATALOG, GATES_BY_NAME } from "@/lib/quantum/gate-catalog";
import { gateMatrix } from "@/lib/quantum/gates";
import type { GateDefinition } from "@/lib/quantum/qasm/ast";
import { QELIB1_INC, STDGATES_INC } from "@/lib/quantum/qasm/includes";
import { parse } from "@/lib/quantum/qasm/parser";
import { distanceUpToPhase, unitaryOf } from "./unitary-helper";

function definitions(text: string): GateDefinition[] {
  return parse(text).statements.filter((s): s is GateDefinition => s.kind === "gateDefinition");
}

const FILES = [
  { file: "qelib1.inc", text: QELIB1_INC, sources: ["qelib1", "both"] },
  { file: "stdgates.inc", text: STDGATES_INC, sources: ["stdgates", "both"] },
] as const;

describe.each(FILES)("$file", ({ file, text, sources }) => {
  const defs = definitions(text);

  it("declares exactly the catalog gates it is the source of (plus built-ins and u0)", () => {
    const expected = GATE_CATALOG.filter((g) =>
      (sources as readonly string[]).includes(g.source),
    ).map((g) => g.name);
    const declared = defs.map((d) => d.name.name).filter((n) => n !== "u0" && n !== "CX");
    expect(new Set(declared)).toEqual(new Set(expected));
  });

  it("declares each gate with the catalog's parameter and qubit counts", () => {
    for (const d of defs) {
      const signature = GATES_BY_NAME.get(d.name.name);
      if (signature === undefined) continue;
      expect([d.params.length, d.qubits.length], d.name.name).toEqual([
        signature.params.length,
        signature.qubits,
      ]);
    }
  });

  it("defines each gate as the simulator's matrix, up to a global phase", () => {
    // Each body is compiled as a renamed user gate, so it is inlined instead of kept by name.
    const version = file === "qelib1.inc" ? "2.0" : "3.0";
    for (const d of defs) {
      const name = d.name.name;
      if (!GATES_BY_NAME.has(name)) continue;
      const angles = [0.37, -1.21, 2.05, 0.66].slice(0, d.params.length);
      const n = d.qubits.length;
      const start = text.search(new RegExp(`^gate ${name}\\b`, "m"));
      const body = text.slice(start).split(/\ngate /)[0];
      const renamed = body.replace(`gate ${name}`, `gate my_${name}`);
      const args = angles.length ? `(${angles.join(", ")})` : "";
      const operands = Array.from({ length: n }, (_, i) => `q[${i}]`).join(", ");
      const source = `OPENQASM ${version};\ninclude "${file}";\n${renamed}\nqubit[${n}] q;\nmy_${name}${args} ${operands};`;
      const circuit = compile(source);
      expect(circuit.ops.every((op) => op.kind !== "gate" || op.definedIn === `my_${name}`)).toBe(
        true,
      );
      const product = unitaryOf(circuit.ops, n);
      const d2 = distanceUpToPhase(product, gateMatrix(name, angles));
      expect(d2, `${file}: ${name}`).toBeLessThan(1e-9);
    }
  });
});

describe("include statements", () => {
  it("make the file's gates callable; including twice is harmless", () => {
    const circuit = compile(
      'OPENQASM 2.0;\ninclude "qelib1.inc";\ninclude "qelib1.inc";\nqreg q[1];\nsxdg q[0];',
    );
    expect(circuit.ops).toHaveLength(1);
  });
});
