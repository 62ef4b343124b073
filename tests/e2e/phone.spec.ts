import { expect, type Page, test } from "@playwright/test";

import { GUEST_PAGES, LESSON, SIGNED_IN_STOPS } from "./audited-pages";
import { newUser, signUp } from "./support";

/** A common phone: 390 × 844 CSS pixels. */
const PHONE = { width: 390, height: 844 };
test.use({ viewport: PHONE });

const pageWidth = (page: Page) => page.evaluate(() => document.scrollingElement!.scrollWidth);

/** What sticks out past the right edge of the screen, for a failure message that says where. */
const overflowing = (page: Page) =>
  page.evaluate((width) => {
    const wide = [...document.querySelectorAll("body *")].filter(
      (el) => el.getBoundingClientRect().right > width + 0.5,
    );
    return wide.slice(0, 8).map((el) => `${el.tagName.toLowerCase()}.${el.className}`);
  }, PHONE.width);

async function expectFitsPhone(page: Page, name: string) {
  const width = await pageWidth(page);
  expect(width, `${name} is ${width} px wide: ${(await overflowing(page)).join(", ")}`).toBe(
    PHONE.width,
  );
}

for (const { name, path } of GUEST_PAGES) {
  test(`the ${name} page is no wider than a 390 px phone`, async ({ page }) => {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
    await expectFitsPhone(page, name);
  });
}

test("the quiz results, /review, /me and the careers page signed in are no wider than a 390 px phone", async ({
  page,
}) => {
  test.setTimeout(90_000);
  for (const stop of SIGNED_IN_STOPS) {
    await stop.open(page);
    await expectFitsPhone(page, stop.name);
  }
});

test("on a phone the header folds into a menu: a disclosure that opens, closes on Escape and keeps focus in order", async ({
  page,
}) => {
  await page.goto("/");
  const menu = page.getByRole("button", { name: "Menu" });
  const nav = page.getByRole("navigation", { name: "Main" });
  const careers = nav.getByRole("link", { name: "Careers" });
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(careers).toBeHidden();

  await menu.click();
  await expect(menu).toHaveAttribute("aria-expanded", "true");
  for (const reachable of [
    careers,
    page.getByRole("link", { name: "Sign in" }),
    page.getByRole("link", { name: "Sign up" }),
    page.getByRole("button", { name: /^Switch to (dark|light) theme$/ }),
  ]) {
    await expect(reachable).toBeInViewport();
  }
  await expectFitsPhone(page, "home with the menu open");

  // Focus stays on the button; Tab goes into the menu, Escape closes it and comes back.
  await expect(menu).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(nav.getByRole("link", { name: "Library" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(menu).toBeFocused();
  await expect(careers).toBeHidden();

  // A link in the menu goes there and the menu closes behind it.
  await menu.click();
  await careers.click();
  await expect(page).toHaveURL(/\/careers$/);
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(careers).toBeHidden();

  // The theme toggle works from the menu; a click outside closes it.
  await menu.click();
  await page.getByRole("button", { name: "Switch to dark theme" }).click();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  // The open menu covers the top of the page: click near the bottom of the screen.
  await page.mouse.click(PHONE.width / 2, PHONE.height - 20);
  await expect(menu).toHaveAttribute("aria-expanded", "false");
});

test("on a phone a signed-in learner signs out from the menu", async ({ page }) => {
  await signUp(page, newUser("phone"), "/me");
  const menu = page.getByRole("button", { name: "Menu" });
  await menu.click();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/$/);
  // Signing out ends in a full page load, which may close a menu opened just before it.
  await expect(async () => {
    if ((await menu.getAttribute("aria-expanded")) !== "true") await menu.click();
    await expect(page.getByRole("link", { name: "Sign in" })).toBeInViewport({ timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
});

test("on a wide screen the links sit in the header and there is no menu button", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto("/");
  await expect(page.getByRole("button", { name: "Menu" })).toBeHidden();
  await expect(page.getByRole("link", { name: "Careers" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
});

test("on a phone the table of contents is at the top of the lesson, folded, and its links work", async ({
  page,
}) => {
  await page.goto(LESSON);
  const summary = page.locator("summary", { hasText: "On this page" });
  await expect(summary).toBeInViewport();
  // Above the objectives and the first cell, not after the article.
  const objectives = page.getByRole("region", { name: "You will be able to" });
  expect((await summary.boundingBox())!.y).toBeLessThan((await objectives.boundingBox())!.y);

  const toc = page.getByRole("navigation", { name: "On this page" });
  await summary.click();
  await expect(toc).toBeVisible();
  await toc.getByRole("link", { name: "The Bloch sphere" }).click();
  await expect(page).toHaveURL(/#the-bloch-sphere$/);
  await expect(page.locator("#the-bloch-sphere")).toBeInViewport();
  await expect(toc.locator('a[aria-current="location"]')).toHaveText("The Bloch sphere");
});
