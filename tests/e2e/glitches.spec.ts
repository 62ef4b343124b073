import { expect, test } from "@playwright/test";

import { LESSON } from "./audited-pages";
import { newUser, signUp } from "./support";

/** Small things a learner noticed in the first lesson, each checked where they saw it. */

// The lesson page is the heaviest (maths, twenty cells, the editor, the simulator): on a loaded
// machine its first load alone can take many seconds.
test.describe.configure({ timeout: 90_000 });
/** Waits for work done by the server or the simulator (grading, a run, loading Monaco). */
const SLOW = { timeout: 30_000 };

test("the sticky header is opaque: text scrolled under it does not show through", async ({
  page,
}) => {
  await page.goto(LESSON);
  await page.locator("#the-born-rule").scrollIntoViewIfNeeded();
  await page.mouse.wheel(0, 400);
  const header = page.locator(".site-header");
  await expect(header).toBeInViewport();
  const look = await header.evaluate((el) => {
    const style = getComputedStyle(el);
    return { background: style.backgroundColor, backdrop: style.backdropFilter };
  });
  // rgb(…) has no alpha channel: fully opaque (rgba(…, 0.88) before).
  expect(look.background).toMatch(/^rgb\(\d+, \d+, \d+\)$/);
  expect(look.backdrop).toBe("none");
});

test("the table of contents marks the section being read, and follows the reader", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(LESSON);
  const toc = page.getByRole("navigation", { name: "On this page" });
  const current = toc.locator('a[aria-current="location"]');

  await page.locator("#the-born-rule").evaluate((h) => h.scrollIntoView());
  await expect(current).toHaveCount(1);
  await expect(current).toHaveText("The Born rule");
  await expect(current).toHaveCSS("font-weight", "600");

  await page.locator("#the-bloch-sphere").evaluate((h) => h.scrollIntoView());
  await expect(current).toHaveText("The Bloch sphere");

  // Following a link of the list marks it too.
  await toc.getByRole("link", { name: "Check your understanding" }).click();
  await expect(current).toHaveText("Check your understanding");

  // Back at the top, before the first section, nothing is marked.
  await page.evaluate(() => window.scrollTo(0, 0));
  await expect(current).toHaveCount(0);
});

test("a failed distribution check captions its table 'Probabilities over classical bits'", async ({
  page,
}) => {
  await page.goto(LESSON);
  const cell = page.locator("#cell-qubits-exercise-three-quarters");
  // The starter measures |0⟩: always 0, not the ¾ the goal asks for.
  await cell.getByRole("button", { name: "Check my answer" }).click();
  const feedback = cell.locator(".feedback");
  await expect(feedback).toContainText("✗ Not yet", SLOW);
  await expect(feedback.getByRole("table")).toContainText(
    "Probabilities over classical bits (Qiskit order, highest index first)",
  );
  await expect(feedback).not.toContainText("Probabilitys");
});

test("a one-qubit state's table says its kets are |q[0]⟩, not |q[0]…q[0]⟩", async ({ page }) => {
  await page.goto(LESSON);
  const cell = page.locator("#cell-qubits-flip");
  await cell.getByRole("button", { name: /^▶ Run/ }).click();
  const caption = cell.locator(".out-state .out-caption");
  await expect(caption).toContainText("Kets are written |q[0]⟩.", SLOW);
  await expect(caption).not.toContainText("…");
  await expect(cell.getByRole("rowheader", { name: "|1⟩" })).toBeVisible();
});

test("a brand-new account is welcomed, not welcomed back", async ({ page }) => {
  const user = newUser("welcome");
  await signUp(page, user, "/me");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Welcome, ${user.name}`);
});

test("how to leave the editor is shown to everyone, not only told to screen readers", async ({
  page,
}) => {
  await page.goto(LESSON);
  await expect(page.getByRole("toolbar", { name: "Notebook" })).toContainText(
    "Esc or Ctrl+M leave the editor",
  );
  const cell = page.locator("#cell-qubits-flip");
  const keys = cell.getByText("Escape or Ctrl+M leaves the editor.");
  // The first click loads the editor (a large download); the second puts the cursor in it.
  await cell.locator(".qasm-editor-slot").click();
  await expect(cell.locator(".monaco-editor")).toBeVisible(SLOW);
  await cell.locator(".view-lines").click();
  await expect(cell.getByRole("textbox", { name: /OpenQASM code of/ })).toBeFocused();
  await expect(keys).toBeVisible();
  const box = await keys.boundingBox();
  expect(box!.width).toBeGreaterThan(100);
  // Escape leaves the editor; the hint stays where it is, so nothing below it moves.
  await page.keyboard.press("Escape");
  await expect(cell).toBeFocused();
  expect(await keys.boundingBox()).toEqual(box);
});
