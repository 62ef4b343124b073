import { readFile } from "node:fs/promises";
import path from "node:path";

import { expect, type Locator, type Page, test } from "@playwright/test";

import { loadContent } from "../../lib/notebook/load-content";
import { replaceCode } from "./support";

const contentPromise = loadContent(path.join(process.cwd(), "content"));

/** The first lesson and its first (non-exercise) cell: what a learner meets first. */
async function firstCell(page: Page): Promise<Locator> {
  const { courses, lessons } = await contentPromise;
  const course = courses[0];
  const lesson = lessons.get(`${course.id}/${course.lessons[0].slug}`)!;
  const cell = lesson.blocks.find((b) => b.kind === "code" && !b.exercise)!;
  await page.goto(`/learn/${course.id}/${course.lessons[0].slug}`);
  return page.locator(`#cell-${cell.kind === "code" ? cell.id : ""}`);
}

const BELL = `OPENQASM 3.0;
include "stdgates.inc";
qubit[2] q;
bit[2] c;
h q[0];
cx q[0], q[1];
c = measure q;`;

test("Shift+Enter runs an edited cell: a Bell pair gives only 00 and 11, counts summing to the shots", async ({
  page,
}) => {
  const cell = await firstCell(page);
  await replaceCode(page, cell, BELL);
  await page.keyboard.press("Shift+Enter");

  const bars = cell.getByRole("img", { name: /^(\d+|others).*: [\d,]+ shots?, / });
  await expect(bars).toHaveCount(2);
  const labels = await bars.evaluateAll((nodes) =>
    nodes.map((n) => n.getAttribute("aria-label") ?? ""),
  );
  expect(labels.map((l) => l.split(":")[0]).sort()).toEqual(["00", "11"]);
  const total = labels
    .map((l) => Number(/: ([\d,]+) shots?/.exec(l)![1].replace(/,/g, "")))
    .reduce((a, b) => a + b, 0);
  expect(total).toBe(1024);
  await expect(cell.locator(".cell__prompt")).toHaveText("[1]");

  // The edit and the output survive a reload.
  await page.reload();
  await expect(cell.getByRole("img", { name: /^00: / })).toBeVisible();
  await expect(cell.locator(".qasm-editor-slot")).toContainText("cx q[0], q[1];");
});

test("a syntax error is shown on its line with a readable message", async ({ page }) => {
  const cell = await firstCell(page);
  await replaceCode(
    page,
    cell,
    'OPENQASM 3.0;\ninclude "stdgates.inc";\nqubit[2] q;\nh q[0]\ncx q[0], q[1];',
  );
  await page.keyboard.press("ControlOrMeta+Enter");
  const alert = cell.getByRole("alert");
  await expect(alert).toContainText(/Line [45], column \d+: .*expected/i);
  const squiggle = cell.locator(".squiggly-error");
  await expect(squiggle).toHaveCount(1);
});

test("a parameter slider re-runs the cell and moves a probability", async ({ page }) => {
  const cell = await firstCell(page);
  await replaceCode(
    page,
    cell,
    'OPENQASM 3.0;\ninclude "stdgates.inc";\ninput float theta; // @range theta 0 pi 0\nqubit[1] q;\nry(theta) q[0];',
  );
  await page.keyboard.press("ControlOrMeta+Enter");
  await expect(cell.getByRole("tab", { name: "Histogram" })).toBeVisible();
  await cell.getByRole("tab", { name: "Histogram" }).click();
  await expect(cell.getByRole("img", { name: /^0: probability 1\.0000/ })).toBeVisible();

  const slider = cell.getByRole("slider", { name: "theta" });
  await slider.focus();
  await page.keyboard.press("End"); // theta = π: the qubit is flipped
  await expect(cell.getByRole("img", { name: /^1: probability 1\.0000/ })).toBeVisible();
});

test("export to Qiskit copies code with the circuit, and .ipynb download is valid nbformat 4", async ({
  page,
  context,
}) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const cell = await firstCell(page);
  await replaceCode(page, cell, BELL);
  await cell.getByText("Export").click();
  await cell.getByRole("button", { name: "Qiskit" }).click();
  await expect(cell.getByRole("status")).toHaveText("Copied Qiskit code to the clipboard.");
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain("QuantumCircuit");
  expect(copied).toMatch(/\.h\(/);
  expect(copied).toMatch(/\.cx\(/);

  const downloading = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download .ipynb" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.ipynb$/);
  const notebook = JSON.parse(await readFile((await download.path())!, "utf8"));
  expect(notebook.nbformat).toBe(4);
  expect(notebook.nbformat_minor).toBeGreaterThanOrEqual(4);
  expect(notebook.metadata.kernelspec.language).toBe("python");
  const code = notebook.cells.filter((c: { cell_type: string }) => c.cell_type === "code");
  expect(code.length).toBeGreaterThan(1);
  for (const c of notebook.cells) {
    expect(c.id).toMatch(/^[a-zA-Z0-9-_]{1,64}$/);
    expect(Array.isArray(c.source)).toBe(true);
  }
  // The edited cell went into the notebook as Qiskit code.
  expect(code.some((c: { source: string[] }) => c.source.join("").includes(".cx("))).toBe(true);
});
