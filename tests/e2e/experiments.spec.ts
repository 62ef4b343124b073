import { expect, type Locator, type Page, test } from "@playwright/test";

import { newUser, signIn, signUp } from "./support";

/**
 * Replaces the text of one part (spec or circuit) of the experiment cell as a learner would.
 * The first click may land before the page has hydrated (a long lesson), so it is retried until
 * Monaco has taken over the part.
 */
async function replaceCode(page: Page, part: Locator, code: string) {
  const editor = part.locator(".monaco-editor");
  await expect(async () => {
    if ((await editor.count()) === 0) await part.locator(".qasm-editor-slot").click();
    await expect(editor).toBeVisible({ timeout: 3_000 });
  }).toPass({ timeout: 30_000 });
  // The editor's own box, not its `.view-lines`: a long line makes that wider than the editor,
  // and its centre can then lie on whatever sits beside it (the experiment's circuit part).
  await editor.click();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.press("Delete");
  await page.keyboard.insertText(code);
}

const LESSON = "/learn/qml-foundations/quantum-neural-networks";
const CELL = "#cell-qnn-train-iris";

/**
 * The lesson's Iris classifier spec, with `changes` applied (a field: value per entry; a field
 * the spec does not have yet is added at its end).
 */
async function specWith(page: Page, changes: Record<string, string>): Promise<string> {
  const spec = page.locator(
    `${CELL} [data-part=spec] .qasm-editor__static, ${CELL} [data-part=spec] .view-lines`,
  );
  let text = (await spec.first().innerText()).replace(/\u00a0/g, " ");
  // The stand-in shows line numbers before each line; keep only the code.
  text = text
    .split("\n")
    .map((line) => line.replace(/^\d+/, ""))
    .filter((line) => line.trim() !== "")
    .join("\n");
  for (const [field, value] of Object.entries(changes)) {
    const line = new RegExp(`^${field}:.*$`, "m");
    text = line.test(text)
      ? text.replace(line, `${field}: ${value}`)
      : `${text}\n${field}: ${value}`;
  }
  return text;
}

test("a learner edits an experiment, trains it with live progress, cancels, reruns, and finds the result after a reload", async ({
  page,
}) => {
  test.setTimeout(90_000);
  await page.goto(LESSON);
  const cell = page.locator(CELL);
  await cell.scrollIntoViewIfNeeded();

  // A long run, cancelled part-way through. Shots make each step take a good fraction of a
  // second whatever the machine, so the run cannot end before Cancel is pressed (exact, it can
  // finish its 500 steps in seconds).
  await replaceCode(
    page,
    cell.locator("[data-part=spec]"),
    await specWith(page, {
      steps: "500",
      batch: "70",
      gradient: "parameter-shift",
      shots: "1000",
    }),
  );
  await cell.getByRole("button", { name: /Run/ }).first().click();
  const status = cell.getByRole("status");
  await expect(status).toContainText(/step \d+ of 500/);
  await expect(cell.getByRole("img", { name: /Loss so far/ })).toBeVisible();
  await cell.getByRole("button", { name: "Cancel" }).click();
  await expect(status).toHaveCount(0);
  await expect(cell.locator(".experiment-output")).toHaveCount(0);

  // A short run to the end: numbers, curves, decision boundary, baselines and the trace.
  await replaceCode(
    page,
    cell.locator("[data-part=spec]"),
    await specWith(page, { steps: "25", gradient: "finite-difference", shots: "exact" }),
  );
  await page.keyboard.press("Shift+Enter");
  const output = cell.locator(".experiment-output");
  await expect(output).toBeVisible({ timeout: 30_000 });
  await expect(output.getByRole("row", { name: /Test accuracy/ })).toContainText(/\d+\.\d %/);
  await expect(output.getByRole("row", { name: /Baseline: logistic regression/ })).toBeVisible();
  await expect(output.getByRole("img", { name: /Training loss against the step/ })).toBeVisible();
  await expect(output.getByRole("img", { name: /Accuracy against the step/ })).toBeVisible();
  await expect(output.getByRole("img", { name: /Decision regions/ })).toBeVisible();
  await expect(output.getByText("What the hybrid loop did")).toBeVisible();
  await expect(output.getByText(/Step 25: loss/)).toBeVisible();
  const accuracy = await output
    .getByRole("row", { name: /Test accuracy/ })
    .getByRole("cell")
    .innerText();

  // The table twin of the loss curve holds one row per step.
  await output.getByText("Table").first().click();
  await expect(output.locator(".plot-figure__table").first().locator("tbody tr")).toHaveCount(25);

  await page.reload();
  const restored = page.locator(`${CELL} .experiment-output`);
  await expect(restored).toBeVisible();
  await expect(restored.getByRole("row", { name: /Test accuracy/ }).getByRole("cell")).toHaveText(
    accuracy,
  );
});

test("a mistake in the spec is marked on its line, with a message naming the field", async ({
  page,
}) => {
  test.setTimeout(60_000);
  await page.goto(LESSON);
  const cell = page.locator(CELL);
  await cell.scrollIntoViewIfNeeded();
  const spec = await specWith(page, { loss: "cosine" });
  await replaceCode(page, cell.locator("[data-part=spec]"), spec);
  await page.keyboard.press("ControlOrMeta+Enter");
  const error = cell.getByRole("alert");
  await expect(error).toContainText(/In the experiment spec: loss/);
  // The line named is the line of `loss:` as the learner sees it in the spec editor.
  const shown = (await cell.locator("[data-part=spec] .view-lines").innerText()).split("\n");
  const line = shown.findIndex((l) => l.replace(/\u00a0/g, " ").startsWith("loss:")) + 1;
  await expect(error).toContainText(`Line ${line}, column`);
  await expect(cell.locator("[data-part=spec] .squiggly-error")).toHaveCount(1);
  await expect(cell.locator("[data-part=circuit] .squiggly-error")).toHaveCount(0);
});

test("a mistake in the circuit is marked in the circuit editor, not the spec", async ({ page }) => {
  test.setTimeout(60_000);
  await page.goto(LESSON);
  const cell = page.locator(CELL);
  await cell.scrollIntoViewIfNeeded();
  await replaceCode(
    page,
    cell.locator("[data-part=circuit]"),
    'OPENQASM 3.0;\ninclude "stdgates.inc";\ninput float x0; input float x1;\ninput float w0;\nqubit[2] q;\nryy(x0) q[0];',
  );
  await page.keyboard.press("ControlOrMeta+Enter");
  await expect(cell.getByRole("alert")).toContainText(/Line 6, column 1: In the circuit: .*ryy/);
  await expect(cell.locator("[data-part=circuit] .squiggly-error")).toHaveCount(1);
  await expect(cell.locator("[data-part=spec] .squiggly-error")).toHaveCount(0);
});

test("a member's trained result is kept in the account and shown on another device", async ({
  page,
  browser,
}) => {
  test.setTimeout(90_000);
  const user = newUser("trainer");
  await signUp(page, user, LESSON);
  const cell = page.locator(CELL);
  await cell.scrollIntoViewIfNeeded();
  await replaceCode(page, cell.locator("[data-part=spec]"), await specWith(page, { steps: "10" }));
  await cell.getByRole("button", { name: /Run/ }).first().click();
  const output = cell.locator(".experiment-output");
  await expect(output).toBeVisible({ timeout: 30_000 });
  const accuracy = await output
    .getByRole("row", { name: /Test accuracy/ })
    .getByRole("cell")
    .innerText();

  // A second browser with no local copy: the code and the result come from the account.
  const other = await browser.newContext();
  const second = await other.newPage();
  await signIn(second, user, LESSON);
  const restored = second.locator(`${CELL} .experiment-output`);
  await expect(restored).toBeVisible({ timeout: 15_000 });
  await expect(restored.getByRole("row", { name: /Test accuracy/ }).getByRole("cell")).toHaveText(
    accuracy,
  );
  await other.close();
});
