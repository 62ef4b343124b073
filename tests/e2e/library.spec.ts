import path from "node:path";

import { expect, test } from "@playwright/test";

import { loadContent } from "../../lib/notebook/load-content";

// The expectations come from the real content/, so the test follows the course as it grows.
const contentPromise = loadContent(path.join(process.cwd(), "content"));

test("the library lists courses with lesson counts, and a lesson renders prose, math and cells", async ({
  page,
}) => {
  const { courses } = await contentPromise;
  const course = courses[0];

  await page.goto("/learn");
  await expect(page.getByRole("heading", { level: 1, name: "Library" })).toBeVisible();
  const card = page
    .getByRole("listitem")
    .filter({ has: page.getByRole("link", { name: course.title }) });
  await expect(card).toContainText(`${course.lessons.length} lesson`);

  await card.getByRole("link", { name: course.title }).click();
  await page.waitForURL(`/learn/${course.id}`);
  await expect(page.getByRole("heading", { level: 1, name: course.title })).toBeVisible();

  const first = course.lessons[0];
  await page.getByRole("link", { name: new RegExp(first.title) }).click();
  await page.waitForURL(`/learn/${course.id}/${first.slug}`);
  await expect(page.getByRole("heading", { level: 1, name: first.title })).toBeVisible();

  // KaTeX rendered on the server: MathML for screen readers plus the visual HTML.
  await expect(page.locator(".prose .katex").first()).toBeVisible();
  await expect(page.locator(".prose .katex-mathml math").first()).toBeAttached();
  // Code cells show their OpenQASM (highlighted on the server, then an editor).
  const cell = page.locator("section.cell").first();
  await expect(cell).toBeVisible();
  await expect(cell).toContainText(/OPENQASM|include|qreg|qubit/);
  // Table of contents links to real headings.
  const tocLink = page.getByRole("navigation", { name: "On this page" }).getByRole("link").first();
  const target = await tocLink.getAttribute("href");
  expect(target).toMatch(/^#/);
  await expect(page.locator(`[id="${target!.slice(1)}"]`)).toBeAttached();
});

test("the next lesson is one key away: `n` and Tab + Enter on the pager", async ({ page }) => {
  const { courses } = await contentPromise;
  const course = courses[0];
  const [first, second] = course.lessons;
  expect(second, "the first course needs at least two lessons").toBeDefined();

  const firstUrl = `/learn/${course.id}/${first.slug}`;
  const secondUrl = `/learn/${course.id}/${second.slug}`;
  const html = page.locator("html");
  await page.goto(firstUrl);
  // A key pressed before hydration is lost, as for any reader; wait until the keys are live.
  await expect(html).toHaveAttribute("data-pager-next", secondUrl);
  await page.keyboard.press("n");
  await page.waitForURL(`/learn/${course.id}/${second.slug}`);
  await expect(page.getByRole("heading", { level: 1, name: second.title })).toBeVisible();

  await expect(html).toHaveAttribute("data-pager-previous", firstUrl);
  await page.keyboard.press("p");
  await page.waitForURL(`/learn/${course.id}/${first.slug}`);

  // Keyboard only: focus the pager's Next link and activate it.
  const next = page
    .getByRole("navigation", { name: "Lessons" })
    .getByRole("link", { name: /Next/ });
  await next.focus();
  await expect(next).toBeFocused();
  await page.keyboard.press("Enter");
  await page.waitForURL(`/learn/${course.id}/${second.slug}`);
});

test("the theme toggle switches to dark and the choice survives a reload", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto("/");
  await page.getByRole("button", { name: "Switch to dark theme" }).click();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  await expect(page.getByRole("button", { name: "Switch to light theme" })).toBeVisible();
});

test("an unknown lesson is a 404 page with a way back", async ({ page }) => {
  const response = await page.goto("/learn/no-such-course/nothing");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("link", { name: "Go to the library" })).toBeVisible();
});
