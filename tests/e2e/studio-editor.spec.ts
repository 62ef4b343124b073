import { randomUUID } from "node:crypto";

import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";

import { E2E_ADMIN } from "./servers/admin";
import { signIn } from "./support";

/** The studio's own route, called from the page (same origin, the instructor's cookies). */
async function api(page: Page, method: string, url: string, body?: unknown) {
  return page.evaluate(
    async ({ method, url, body }) => {
      const response = await fetch(url, {
        method,
        headers: { "content-type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: response.status, body: await response.json() };
    },
    { method, url, body },
  );
}

test("an instructor edits a lesson: autosave, cells from the toolbar, a live preview, a quiz from templates, a conflict", async ({
  page,
}) => {
  test.slow(); // Monaco, a preview and several saves on a shared machine
  await signIn(page, E2E_ADMIN, "/studio");
  const id = `editor-${randomUUID().slice(0, 8)}`;
  const created = await api(page, "POST", "/api/studio/courses", { id, title: "Editor test" });
  expect(created.status).toBe(201);

  await page.goto(`/studio/courses/${id}/lessons/01-welcome`);
  await expect(page.getByRole("heading", { level: 1, name: "Welcome" })).toBeVisible();
  // The save state (other status regions on the page, such as a running cell's, say other things).
  const status = page.getByRole("status").filter({ hasText: /saved|saving|conflict/i });
  await expect(status).toHaveText("Saved");

  // The preview is the real notebook: its cell runs.
  const preview = page.getByRole("region", { name: "Preview" });
  await expect(preview.getByText("Preview up to date")).toBeVisible({ timeout: 30_000 });
  await preview.getByRole("button", { name: "▶▶ Run all" }).click();
  await expect(
    preview
      .locator(`#cell-${id}-first-circuit`)
      .getByRole("img", { name: /^[01]: / })
      .first(),
  ).toBeVisible({ timeout: 30_000 });

  // Typing autosaves, and the preview follows.
  const source = page.locator(".studio-split__source .monaco-editor");
  await expect(source).toBeVisible({ timeout: 30_000 });
  await source.click();
  await page.keyboard.press("ControlOrMeta+End");
  await page.keyboard.insertText("\nA sentence written in the studio.\n");
  await expect(status).toHaveText(/Unsaved changes|Saving…/);
  await expect(status).toHaveText("Saved", { timeout: 15_000 });
  await expect(preview.getByText("A sentence written in the studio.")).toBeVisible({
    timeout: 15_000,
  });

  // A cell from the toolbar, after the cell at the cursor (the last one).
  await page.getByRole("button", { name: "Add qasm cell" }).click();
  await expect(page.getByText(`Added qasm cell welcome-cell-1.`)).toBeAttached();
  await expect(status).toHaveText("Saved", { timeout: 15_000 });
  await expect(preview.locator("#cell-welcome-cell-1")).toBeVisible({ timeout: 15_000 });

  // Saved for real: a new page load shows it.
  await page.reload();
  await expect(
    page.getByRole("region", { name: "Preview" }).getByText("A sentence written in the studio."),
  ).toBeVisible({ timeout: 30_000 });

  // A quiz from templates; a question pointing at a section the lesson lacks is a located problem.
  await page.getByRole("tab", { name: /Quiz/ }).click();
  await page.getByRole("button", { name: "Create quiz file" }).click();
  await expect(status).toHaveText("Saved", { timeout: 15_000 });
  await page.getByRole("button", { name: /Insert question/ }).click();
  await page.getByRole("button", { name: "True or false" }).click();
  await expect(status).toHaveText("Saved", { timeout: 15_000 });
  const problems = page.getByRole("region", { name: "Problems in 01-welcome.quiz.yaml" });
  await expect(
    problems.getByRole("button", { name: /^Line \d+: .*section/ }).first(),
  ).toBeVisible();

  // Another tab changes the lesson; this tab's next save is a conflict the author settles.
  const draft = await api(page, "GET", `/api/studio/courses/${id}/draft`);
  const theirs = (draft.body.files["01-welcome.md"] as string).replace(
    "A sentence written in the studio.",
    "A sentence from another tab.",
  );
  const other = await api(page, "PUT", `/api/studio/courses/${id}/draft/files/01-welcome.md`, {
    text: theirs,
    baseRevision: draft.body.revision,
  });
  expect(other.status).toBe(200);
  await page.getByRole("tab", { name: /Lesson/ }).click();
  await source.click();
  await page.keyboard.press("ControlOrMeta+End");
  await page.keyboard.insertText("Mine.\n");
  await expect(
    page.getByRole("alert").filter({ hasText: "Conflict: this file changed in another tab" }),
  ).toBeVisible({ timeout: 15_000 });
  await page.getByRole("button", { name: "Use theirs" }).click();
  await expect(status).toHaveText("Saved");
  await expect(
    page.getByRole("region", { name: "Preview" }).getByText("A sentence from another tab."),
  ).toBeVisible({ timeout: 15_000 });

  // Offline: the edit is kept in this browser and retried; after a reload it is offered back.
  const saves = `**/api/studio/courses/${id}/draft/files/**`;
  await page.route(saves, (route) => route.abort());
  await source.click();
  await page.keyboard.press("ControlOrMeta+End");
  await page.keyboard.insertText("Written while offline.\n");
  await expect(status).toHaveText("Not saved — retrying (kept in this browser)", {
    timeout: 15_000,
  });
  page.on("dialog", (dialog) => void dialog.accept());
  await page.reload();
  const offer = page.getByRole("region", { name: "Unsaved copy of 01-welcome.md" });
  await expect(offer).toBeVisible();
  await page.unroute(saves);
  await offer.getByRole("button", { name: "Restore my copy" }).click();
  await expect(status).toHaveText("Saved", { timeout: 15_000 });
  const saved = await api(page, "GET", `/api/studio/courses/${id}/draft`);
  expect(saved.body.files["01-welcome.md"]).toContain("Written while offline.");
});

test("axe: no serious or critical violation in the lesson editor, on each tab", async ({
  page,
}) => {
  test.setTimeout(180_000);
  await signIn(page, E2E_ADMIN, "/studio");
  const id = `editor-a11y-${randomUUID().slice(0, 8)}`;
  expect((await api(page, "POST", "/api/studio/courses", { id, title: "A11y" })).status).toBe(201);
  // A lesson the draft does not have is a 404.
  expect((await page.goto(`/studio/courses/${id}/lessons/02-missing`))?.status()).toBe(404);
  await page.goto(`/studio/courses/${id}/lessons/01-welcome`);
  await expect(page.locator(".studio-split__source .monaco-editor")).toBeVisible({
    timeout: 30_000,
  });
  await expect(page.getByText("Preview up to date")).toBeVisible({ timeout: 30_000 });
  const blocking = async () =>
    (await new AxeBuilder({ page }).analyze()).violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(await blocking()).toEqual([]);
  await page.getByRole("tab", { name: /Exercises/ }).click();
  await page.getByRole("button", { name: "Create exercises file" }).click();
  await page.getByRole("button", { name: /Insert exercise/ }).click();
  expect(await blocking()).toEqual([]);
});
