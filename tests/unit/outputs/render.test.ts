import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";

import {
  BlochSpheres,
  CellError,
  CellOutput,
  CircuitDiagram,
  Histogram,
  StateTable,
} from "@/app/_components/outputs";
import { compile } from "@/lib/quantum/compile";
import { layoutCircuit } from "@/lib/quantum/layout";
import { simulate } from "@/lib/quantum/simulate";

/**
 * The views rendered to HTML as the server does it, on real engine results: what a screen
 * reader and a test can rely on (names, counts of focusable bars, table rows, list items).
 */
const program = (body: string) => compile(`OPENQASM 3.0;\ninclude "stdgates.inc";\n${body}`);
const count = (html: string, pattern: RegExp): number => html.match(pattern)?.length ?? 0;

describe("server-rendered views", () => {
  it("gives each histogram bar a focusable, named element, with 'others' past the top 16", () => {
    const circuit = program(
      "qubit[8] q;\nbit[8] c;\nfor int i in [0:7] { h q[i]; }\nc = measure q;\n",
    );
    const result = simulate(circuit, { shots: 4000, seed: 5 });
    const html = renderToStaticMarkup(createElement(Histogram, { result }));
    expect(count(html, /class="out-hit" tabindex="0" role="img"/g)).toBe(17);
    expect(html).toMatch(/aria-label="others \(\d+ outcomes\): [\d,]+ shots, [\d.]+%"/);
    expect(html).toContain("Outcome (classical bits c[7] … c[0])");
    // The table alternative has one row per bar.
    expect(count(html, /<tr><th scope="row"/g)).toBe(17);
  });

  it("names the Bell outcomes with exact counts", () => {
    const result = simulate(
      program("qubit[2] q;\nbit[2] c;\nh q[0];\ncx q[0], q[1];\nc = measure q;\n"),
      {
        shots: 1000,
        seed: 9,
      },
    );
    const html = renderToStaticMarkup(createElement(Histogram, { result }));
    const c = result.counts!;
    expect(Object.keys(c).sort()).toEqual(["00", "11"]);
    expect(html).toContain(`aria-label="00: ${c["00"]} shots, ${(c["00"] / 10).toFixed(1)}%"`);
    expect(html).toContain(`aria-label="11: ${c["11"]} shots, ${(c["11"] / 10).toFixed(1)}%"`);
  });

  it("spells out the register order when counts join several registers", () => {
    const circuit = program(
      "qubit[2] q;\nbit[1] a;\nbit[1] b;\nx q[1];\na[0] = measure q[0];\nb[0] = measure q[1];\n",
    );
    const result = simulate(circuit, { shots: 10, seed: 1 });
    expect(Object.keys(result.counts!)).toEqual(["1 0"]);
    const html = renderToStaticMarkup(createElement(Histogram, { result }));
    expect(html).toContain("registers separated by a space, last declared first");
    expect(html).toContain('aria-label="1 0: 10 shots, 100.0%"');
  });

  it("pages the state table at 16 rows and shows Prev/Next", () => {
    const result = simulate(program("qubit[5] q;\nfor int i in [0:4] { h q[i]; }\n"), { seed: 1 });
    const html = renderToStaticMarkup(createElement(StateTable, { result }));
    expect(count(html, /<tr><th scope="row"/g)).toBe(16);
    expect(html).toContain("32 of 32 basis states shown");
    expect(html).toContain("Page 1 of 2 (rows 1–16)");
    expect(html).toMatch(/<button[^>]*disabled=""[^>]*>Prev</);
    expect(html).toContain("0.1768 + 0.0000i");
    expect(html).toContain("global phase");
  });

  it("writes a one-qubit ket as |q[0]⟩, not as a range from q[0] to q[0]", () => {
    const one = simulate(program("qubit[1] q;\nh q[0];\n"), { seed: 1 });
    const oneHtml = renderToStaticMarkup(createElement(StateTable, { result: one }));
    expect(oneHtml).toContain("Kets are written |q[0]⟩.");
    expect(oneHtml).not.toContain("…");
    const three = simulate(program("qubit[3] q;\nh q[2];\n"), { seed: 1 });
    const threeHtml = renderToStaticMarkup(createElement(StateTable, { result: three }));
    expect(threeHtml).toContain("Kets list qubits highest first: |q[2]…q[0]⟩.");
  });

  it("explains a missing state vector instead of showing an empty table", () => {
    const result = simulate(
      program("qubit[1] q;\nbit[1] c;\nh q[0];\nc[0] = measure q[0];\nx q[0];\n"),
      {
        shots: 8,
        seed: 1,
      },
    );
    const html = renderToStaticMarkup(createElement(StateTable, { result }));
    expect(html).toContain("No state vector to show: the final state differs from shot to shot");
    expect(html).toContain("show the state averaged over the shots");
  });

  it("draws one sphere per qubit, each an image with x, y, z in its name", () => {
    const result = simulate(program("qubit[3] q;\nh q[0];\ncx q[0], q[1];\n"), { seed: 1 });
    const html = renderToStaticMarkup(createElement(BlochSpheres, { bloch: result.bloch }));
    expect(count(html, /<svg class="out-bloch__svg"[^>]*role="img"/g)).toBe(3);
    expect(html).toContain("mixed: |r| = 0.00 — this qubit is entangled with others");
    expect(html).toContain(
      'aria-label="Bloch sphere of q[2]: x = 0.000, y = 0.000, z = 1.000, |r| = 1.000"',
    );
  });

  it("draws every operation of the circuit and lists them in words", () => {
    const circuit = program(
      "qubit[2] q;\nbit[2] c;\nh q[0];\ncx q[0], q[1];\nbarrier q;\nc = measure q;\n",
    );
    const layout = layoutCircuit(circuit);
    const html = renderToStaticMarkup(createElement(CircuitDiagram, { layout }));
    expect(count(html, /data-op="/g)).toBe(layout.ops.length);
    expect(count(html, /<li>/g)).toBe(layout.ops.length);
    expect(html).toContain("<li>X on q[1], controlled by q[0]</li>");
    expect(html).toContain('role="img" aria-label="Circuit diagram: 2 qubits, 2 classical bits');
  });

  it("opens the histogram tab for counts and keeps the other panels hidden", () => {
    const circuit = program("qubit[1] q;\nbit[1] c;\nh q[0];\nc[0] = measure q[0];\n");
    const result = simulate(circuit, { shots: 100, seed: 2 });
    const html = renderToStaticMarkup(
      createElement(CellOutput, { result, layout: layoutCircuit(circuit) }),
    );
    expect(count(html, /role="tab"/g)).toBe(4);
    expect(html).toMatch(/aria-selected="true"[^>]*>Histogram</);
    expect(count(html, /role="tabpanel"[^>]*hidden=""/g)).toBe(3);
    expect(html).toContain("100 shots · seed 2 ·");
  });

  it("shows an error with its location, in either prop shape", () => {
    const direct = renderToStaticMarkup(
      createElement(CellError, { message: "unknown gate `hh`", line: 4, column: 1 }),
    );
    expect(direct).toContain('role="alert"');
    expect(direct).toContain("Line 4, column 1: unknown gate `hh`");
    const wrapped = renderToStaticMarkup(
      createElement(CellError, { error: { message: "too many qubits" } }),
    );
    expect(wrapped).toContain("too many qubits");
  });
});
