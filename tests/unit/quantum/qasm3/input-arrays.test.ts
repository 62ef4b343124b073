/**
 * `input array[float[64], n] x;`: each element is an input of its own, `x[0]` … `x[n-1]`, bound
 * by that name (a slider each on the page) and read as `x[i]` in angles.
 */
import { describe, expect, it } from "vitest";
import { scanCellInputs } from "@/lib/notebook/cell-inputs";
import { compile, listInputs } from "@/lib/quantum/compile";
import { compileParametric } from "@/lib/quantum/diff";
import { exportQasm3 } from "@/lib/quantum/export";
import { failure } from "./support";

const HEAD = 'OPENQASM 3.0;\ninclude "stdgates.inc";\n';
const SOURCE = `${HEAD}input array[float[64], 3] x;\n// @range x -pi pi 0\nqubit[3] q;\nfor int i in [0:2] { ry(x[i]) q[i]; }\nrz(x[0] + x[2]) q[0];`;
const params = { "x[0]": 0.1, "x[1]": 0.2, "x[2]": 0.3 };

describe("input arrays", () => {
  it("binds one input per element and reads them by index", () => {
    const circuit = compile(SOURCE, { params });
    expect(circuit.inputs).toEqual([
      { name: "x[0]", value: 0.1 },
      { name: "x[1]", value: 0.2 },
      { name: "x[2]", value: 0.3 },
    ]);
    expect(circuit.ops.map((op) => (op.kind === "gate" ? op.params[0] : NaN))).toEqual([
      0.1,
      0.2,
      0.3,
      0.1 + 0.3,
    ]);
  });

  it("gets a slider per element, with the array's range, and lists its elements as inputs", () => {
    expect(scanCellInputs(SOURCE)).toEqual(
      ["x[0]", "x[1]", "x[2]"].map((name) => ({
        name,
        min: -Math.PI,
        max: Math.PI,
        defaultValue: 0,
      })),
    );
    expect(listInputs(SOURCE).map((i) => [i.name, i.type])).toEqual([
      ["x[0]", "float[64]"],
      ["x[1]", "float[64]"],
      ["x[2]", "float[64]"],
    ]);
  });

  it("stays symbolic in a program compiled for rebinding", () => {
    const compiled = compileParametric(SOURCE);
    expect(compiled.parameters).toEqual(["x[0]", "x[1]", "x[2]"]);
  });

  it("gives located errors for misuse", () => {
    expect(failure(SOURCE, { params: { "x[0]": 1, "x[1]": 2 } })).toBe(
      "unbound-input 3:27: input `x[2]` has no value",
    );
    expect(
      failure(`${HEAD}input array[angle, 2] a;\nqubit q;\nrx(a[2]) q;`, {
        params: { "a[0]": 1, "a[1]": 2 },
      }),
    ).toBe("semantic 5:6: a[2] is out of range: input array `a` has 2 elements (0..1)");
    expect(
      failure(`${HEAD}input array[angle, 2] a;\nqubit q;\nrx(a) q;`, {
        params: { "a[0]": 1, "a[1]": 2 },
      }),
    ).toBe("semantic 5:4: `a` is an input array (index it: `a[0]`), not a number");
    expect(failure(`${HEAD}input array[int, 2] a;`)).toBe(
      "unsupported 3:13: `input int` is not supported; inputs must be `float` or `angle` (e.g. `input float theta;`)",
    );
    expect(failure(`${HEAD}input array[float, 0] a;`)).toBe(
      "semantic 3:20: an input array has 1 to 64 elements, got 0",
    );
  });
});

describe("exporting a program with an input array", () => {
  it("declares the array again in OpenQASM 3, and the export compiles to the same angles", () => {
    const text = exportQasm3(compileParametric(SOURCE, { params }).template);
    expect(text).toContain("input array[float, 3] x;");
    const again = compile(text, { params });
    expect(again.ops.map((op) => (op.kind === "gate" ? op.params[0] : NaN))).toEqual(
      compile(SOURCE, { params }).ops.map((op) => (op.kind === "gate" ? op.params[0] : NaN)),
    );
  });
});
