import { describe, expect, it } from "vitest";

import {
  formatComplex,
  formatReal,
  matrixText,
  symbolicMatrix,
} from "@/app/_components/editor/symbolic-matrix";
import { GATE_CATALOG } from "@/lib/quantum/gate-catalog";
import { gateMatrix } from "@/lib/quantum/gates";
import type { Matrix } from "@/lib/quantum/ir";

/** Reads back the notation symbolic-matrix writes, so every shown matrix can be checked. */
function parseReal(text: string): number {
  const t = text.replace(/−/g, "-").replace(/[()]/g, "");
  if (t.startsWith("-")) return -parseReal(t.slice(1));
  const slash = t.indexOf("/");
  if (slash >= 0) return parseReal(t.slice(0, slash)) / parseReal(t.slice(slash + 1));
  const root = t.indexOf("√");
  if (root >= 0)
    return (root === 0 ? 1 : Number(t.slice(0, root))) * Math.sqrt(Number(t.slice(root + 1)));
  const value = Number(t);
  if (Number.isNaN(value)) throw new Error(`cannot read "${text}"`);
  return value;
}

function parseComplex(text: string): [number, number] {
  const t = text.replace(/−/g, "-");
  const exp = /^e\^\{(-?)(\d*)iπ(?:\/(\d+))?\}$/.exec(t);
  if (exp) {
    const phase = ((exp[1] ? -1 : 1) * Number(exp[2] || 1) * Math.PI) / Number(exp[3] ?? 1);
    return [Math.cos(phase), Math.sin(phase)];
  }
  const pair = /^(?:(.*)\()?(-?)1([+-])i\)?(.*)$/.exec(t);
  if (pair && (t.includes("(") || /^-?1[+-]i$/.test(t))) {
    // s(±1±i) or (±1±i)/d
    const before = pair[1] ? parseReal(pair[1]) : 1;
    const after = pair[4] ? 1 / parseReal(pair[4].slice(1)) : 1;
    const s = before * after;
    return [s * (pair[2] ? -1 : 1), s * (pair[3] === "-" ? -1 : 1)];
  }
  if (t.includes("i")) {
    const body = t.replace("i", "");
    const sign = body.startsWith("-") ? -1 : 1;
    const magnitude = body.replace("-", "");
    return [
      0,
      sign *
        (magnitude === ""
          ? 1
          : magnitude.startsWith("/")
            ? 1 / parseReal(magnitude.slice(1))
            : parseReal(magnitude)),
    ];
  }
  return [parseReal(t), 0];
}

function evaluate(m: ReturnType<typeof symbolicMatrix>): Matrix {
  const dim = m.rows.length;
  const factor = m.factor === null ? 1 : parseReal(m.factor);
  const re = new Float64Array(dim * dim);
  const im = new Float64Array(dim * dim);
  m.rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      const [a, b] = parseComplex(cell);
      re[r * dim + c] = a * factor;
      im[r * dim + c] = b * factor;
    }),
  );
  return { dim, re, im };
}

describe("formatReal / formatComplex", () => {
  it("writes the values standard gates use exactly, with a real minus sign", () => {
    expect(formatReal(0)).toBe("0");
    expect(formatReal(-1)).toBe("−1");
    expect(formatReal(Math.SQRT1_2)).toBe("1/√2");
    expect(formatReal(-0.5)).toBe("−1/2");
    expect(formatComplex(0, 1)).toBe("i");
    expect(formatComplex(0, -1)).toBe("−i");
    expect(formatComplex(0, Math.SQRT1_2)).toBe("i/√2");
    expect(formatComplex(Math.SQRT1_2, Math.SQRT1_2)).toBe("e^{iπ/4}");
    expect(formatComplex(Math.SQRT1_2, -Math.SQRT1_2)).toBe("e^{−iπ/4}");
    expect(formatComplex(-Math.SQRT1_2, Math.SQRT1_2)).toBe("e^{3iπ/4}");
    expect(formatComplex(0.5, 0.5)).toBe("(1+i)/2");
    expect(formatComplex(0.5, -0.5)).toBe("(1−i)/2");
  });

  it("falls back to three decimals rather than hiding a value it cannot name", () => {
    expect(formatReal(0.3)).toBe("0.3");
    expect(formatComplex(Math.cos(0.3), -Math.sin(0.3))).toBe("0.955−0.296i");
  });
});

describe("symbolicMatrix", () => {
  it("pulls out a shared factor: H = 1/√2 · [[1, 1], [1, −1]]", () => {
    const h = symbolicMatrix(gateMatrix("h", []));
    expect(h).toEqual({
      factor: "1/√2",
      rows: [
        ["1", "1"],
        ["1", "−1"],
      ],
    });
    expect(matrixText(h)).toBe("1/√2 · ⎡ 1   1 ⎤\n       ⎣ 1  −1 ⎦");
  });

  it("writes Y and T as textbooks do", () => {
    expect(symbolicMatrix(gateMatrix("y", []))).toEqual({
      factor: null,
      rows: [
        ["0", "−i"],
        ["i", "0"],
      ],
    });
    expect(symbolicMatrix(gateMatrix("t", []))).toEqual({
      factor: null,
      rows: [
        ["1", "0"],
        ["0", "e^{iπ/4}"],
      ],
    });
  });

  it.each(GATE_CATALOG.filter((g) => g.params.length === 0 && g.qubits <= 3).map((g) => g.name))(
    "the matrix shown for %s reads back as the engine's matrix",
    (name) => {
      const matrix = gateMatrix(name, []);
      const shown = evaluate(symbolicMatrix(matrix));
      expect(shown.dim).toBe(matrix.dim);
      for (let k = 0; k < matrix.dim * matrix.dim; k++) {
        expect(shown.re[k]).toBeCloseTo(matrix.re[k], 9);
        expect(shown.im[k]).toBeCloseTo(matrix.im[k], 9);
      }
    },
  );
});
