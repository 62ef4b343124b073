import { describe, expect, it } from "vitest";

import { lessonToIpynb } from "@/lib/notebook/ipynb";
import { IpynbImportError, lessonFromIpynb, MAX_NOTEBOOK_CELLS } from "@/lib/notebook/ipynb-import";
import { parseLesson } from "@/lib/notebook/parse-lesson";
import { notebookCode } from "@/lib/tasks/export-code";

const SKILLS = new Set(["qubits-superposition", "measurement"]);
const options = { slug: "bell-states", skills: ["qubits-superposition"] };

const markdown = (source: string | string[]) => ({ cell_type: "markdown", metadata: {}, source });
const code = (source: string | string[], outputs: unknown[] = []) => ({
  cell_type: "code",
  metadata: {},
  execution_count: 1,
  outputs,
  source,
});
const notebook = (cells: unknown[], metadata: Record<string, unknown> = {}) => ({
  nbformat: 4,
  nbformat_minor: 5,
  metadata,
  cells,
});

const parse = (text: string, stem = "03-bell-states") =>
  parseLesson({ text, file: `courses/c/${stem}.md`, courseId: "c", position: 1, stem }, SKILLS);

function refusal(json: unknown, opts = options): string {
  try {
    lessonFromIpynb(json, opts);
  } catch (error) {
    expect(error).toBeInstanceOf(IpynbImportError);
    return (error as Error).message;
  }
  throw new Error("the notebook was imported");
}

describe("importing a plain Jupyter notebook", () => {
  const plain = notebook([
    markdown(["# Bell states\n", "\n", "Two qubits, **maximally** entangled.\n", "Read on.\n"]),
    code("from qiskit import QuantumCircuit\nqc = QuantumCircuit(2)\nqc.h(0)\n", [
      { output_type: "stream", name: "stdout", text: ["a lot of output"] },
    ]),
    code("   \n"),
    markdown("## Measuring\n\nCounts come out 50/50.\n\n\n"),
    { cell_type: "raw", metadata: {}, source: "Raw text." },
    markdown("# Part two\n\n```python\n# not a heading\n```"),
    code("OPENQASM 3.0;\nqubit[1] q;\n"),
  ]);

  it("makes prose of Markdown, qasm cells with generated ids of code, and drops outputs", () => {
    const { markdown: text } = lessonFromIpynb(plain, options);
    expect(text).toBe(`---
id: bell-states
title: Bell states
summary: Two qubits, **maximally** entangled. Read on.
minutes: 5
skills:
  - qubits-superposition
objectives:
  - Work through “Bell states”, running and changing each cell.
---

Two qubits, **maximally** entangled.
Read on.

\`\`\`qasm {#bell-states-cell-1}
from qiskit import QuantumCircuit
qc = QuantumCircuit(2)
qc.h(0)
\`\`\`

## Measuring

Counts come out 50/50.

Raw text.

## Part two

\`\`\`python
# not a heading
\`\`\`

\`\`\`qasm {#bell-states-cell-2}
OPENQASM 3.0;
qubit[1] q;
\`\`\`
`);
  });

  it("gives a lesson file the content loader reads", () => {
    const lesson = parse(lessonFromIpynb(plain, options).markdown);
    expect(lesson.meta).toMatchObject({ id: "bell-states", title: "Bell states", minutes: 5 });
    expect(lesson.toc.map((t) => t.text)).toEqual(["Measuring", "Part two"]);
    expect(lesson.blocks.flatMap((b) => (b.kind === "code" ? [b.id] : []))).toEqual([
      "bell-states-cell-1",
      "bell-states-cell-2",
    ]);
  });

  it("gives the same ids every time, and a cell id the lesson id option names", () => {
    const once = lessonFromIpynb(plain, { ...options, lessonId: "bell-pairs" }).markdown;
    expect(lessonFromIpynb(plain, { ...options, lessonId: "bell-pairs" }).markdown).toBe(once);
    expect(once).toMatch(/^---\nid: bell-pairs\n/);
  });

  it("fences a cell that holds a fence with a longer one", () => {
    const source = "// a comment\n```\nnot the end\n```";
    const text = lessonFromIpynb(notebook([markdown("Intro."), code(source)]), options).markdown;
    expect(text).toContain(`\`\`\`\`qasm {#bell-states-cell-1}\n${source}\n\`\`\`\``);
    const cell = parse(text).blocks.find((b) => b.kind === "code");
    expect(cell).toMatchObject({ source });
  });

  it("titles a notebook without headings after its slug", () => {
    const text = lessonFromIpynb(notebook([markdown("Just text.")]), options).markdown;
    expect(text).toMatch(/\ntitle: Bell states\nsummary: Just text.\n/);
  });
});

describe("importing a notebook Ketbook exported", () => {
  const LESSON = `---
# A comment the front matter keeps.
id: tiny-bell
title: A Bell pair
summary: Entangle two qubits.
minutes: 10
skills: [qubits-superposition]
objectives:
  - Prepare a Bell pair.
---

Prose before the cell.

\`\`\`qasm {#tiny-bell-pair}
OPENQASM 3.0;
include "stdgates.inc";
qubit[2] q;
h q[0];
cx q[0], q[1];
\`\`\`

## Your turn

\`\`\`qasm {#tiny-bell-exercise exercise}
OPENQASM 3.0;
include "stdgates.inc";
qubit[2] q;
\`\`\`
`;
  const lesson = parse(LESSON, "01-tiny-bell");
  const cells = Object.fromEntries(
    lesson.blocks.flatMap((b) =>
      b.kind === "code" ? [[b.id, { source: b.source, language: b.language }]] : [],
    ),
  );
  const translated = notebookCode({ cells });
  const exported = lessonToIpynb(lesson, {
    toQiskit: (_source, id) => translated[id],
    exercises: [{ cell: "tiny-bell-exercise", title: "Your Bell pair", goal: "Make one." }],
  });

  it("gives the lesson file back, front matter comments included", () => {
    expect(lessonFromIpynb(structuredClone(exported), { slug: "tiny-bell", skills: [] })).toEqual({
      markdown: LESSON,
    });
  });

  it("keeps prose edited in Jupyter and gives a code cell added there a new id", () => {
    const edited = structuredClone(exported);
    const prose = edited.cells.findIndex((c) => c.source.join("") === "Prose before the cell.");
    edited.cells[prose].source = ["Prose, edited in Jupyter.\n"];
    edited.cells.push({
      cell_type: "code",
      id: "added",
      metadata: {},
      execution_count: null,
      outputs: [],
      source: ["OPENQASM 3.0;\n", "qubit q;"],
    });
    const { markdown: text } = lessonFromIpynb(edited, { slug: "tiny-bell", skills: [] });
    expect(text).toContain("\n\nProse, edited in Jupyter.\n\n```qasm {#tiny-bell-pair}\n");
    expect(
      text.endsWith("```\n\n```qasm {#tiny-bell-cell-1}\nOPENQASM 3.0;\nqubit q;\n```\n"),
    ).toBe(true);
    expect(parse(text, "01-tiny-bell").blocks.filter((b) => b.kind === "code")).toHaveLength(3);
  });

  it("leaves out the title, install, goal and quiz cells the export added", () => {
    const { markdown: text } = lessonFromIpynb(exported, { slug: "tiny-bell", skills: [] });
    expect(text).not.toMatch(/pip install|### Exercise|Check your understanding/);
  });
});

describe("refusing a notebook", () => {
  it("that is not a notebook or not nbformat 4", () => {
    expect(refusal("just text")).toMatch(/not a Jupyter notebook/);
    expect(refusal(null)).toMatch(/not a Jupyter notebook/);
    expect(refusal({ nbformat: 3, worksheets: [] })).toMatch(
      /nbformat 3; Ketbook imports nbformat 4: open it in a current Jupyter and save it again/,
    );
    expect(refusal({ nbformat: 4, cells: [{ cell_type: "widget", source: "" }] })).toMatch(
      /not a valid nbformat 4 notebook \(cells\.0\.cell_type/,
    );
    expect(refusal({ nbformat: 4 })).toMatch(/not a valid nbformat 4 notebook \(cells:/);
  });

  it("that is too large", () => {
    const many = notebook(Array.from({ length: MAX_NOTEBOOK_CELLS + 1 }, () => markdown("x")));
    expect(refusal(many)).toMatch(/2001 cells; a lesson may come from at most 2000/);
    const long = notebook([markdown("word ".repeat(120_000))]);
    expect(refusal(long)).toMatch(/a lesson file may be at most 512 KiB/);
  });

  it("with nothing in it, or for a slug that is not kebab-case", () => {
    expect(refusal(notebook([code("  ")]))).toMatch(/no Markdown or code/);
    expect(refusal(notebook([markdown("x")]), { slug: "Bell States", skills: [] })).toMatch(
      /must be kebab-case/,
    );
  });
});
