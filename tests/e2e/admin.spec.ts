import { expect, test } from "@playwright/test";

import { E2E_ADMIN } from "./servers/admin";
import { newUser, signIn, signUp } from "./support";

test("an admin finds a learner and makes them an instructor; the studio opens for them at once", async ({
  browser,
}) => {
  test.slow(); // two people, two sign-ins and a dozen pages on one shared machine
  const learnerContext = await browser.newContext();
  const learnerPage = await learnerContext.newPage();
  const learner = newUser("future-instructor");
  await signUp(learnerPage, learner);
  await expect(learnerPage.getByRole("link", { name: "Studio" })).toHaveCount(0);
  expect((await learnerPage.goto("/admin"))?.status()).toBe(404);

  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, E2E_ADMIN);
  await admin.getByRole("link", { name: "Admin", exact: true }).click();
  await expect(admin.getByRole("heading", { level: 1, name: "Admin" })).toBeVisible();
  await expect(admin.getByRole("link", { name: "Studio" })).toBeVisible();

  await admin.getByRole("searchbox", { name: "Email or name" }).fill(learner.email.toUpperCase());
  await admin.getByRole("button", { name: "Search" }).click();
  const row = admin.getByRole("row", { name: new RegExp(learner.name) });
  await expect(row).toHaveCount(1);
  await row.getByRole("combobox", { name: `Role of ${learner.name}` }).selectOption("instructor");
  await row.getByRole("button", { name: `Change role of ${learner.name}` }).click();
  await expect(admin.getByRole("status")).toContainText("Role changed");
  // The search is kept, and the row shows the new role.
  await expect(admin.getByRole("searchbox", { name: "Email or name" })).toHaveValue(
    learner.email.toUpperCase(),
  );
  await expect(admin.getByRole("combobox", { name: `Role of ${learner.name}` })).toHaveValue(
    "instructor",
  );
  // The admin's own role is not offered for change.
  await admin.getByRole("searchbox", { name: "Email or name" }).fill(E2E_ADMIN.email);
  await admin.getByRole("button", { name: "Search" }).click();
  await expect(admin.getByRole("row", { name: /Site Admin/ })).toContainText("(you)");
  await expect(admin.getByRole("combobox", { name: "Role of Site Admin" })).toHaveCount(0);

  // No sign-out, no restart: the learner's next page has the studio.
  await learnerPage.goto("/me");
  await learnerPage.getByRole("link", { name: "Studio" }).click();
  await expect(learnerPage.getByRole("heading", { level: 1, name: "Studio" })).toBeVisible();
  await expect(learnerPage.getByRole("link", { name: "Admin", exact: true })).toHaveCount(0);
  expect((await learnerPage.goto("/admin"))?.status()).toBe(404);

  await learnerContext.close();
  await adminContext.close();
});

test("a guest asking for the admin page is sent to sign in", async ({ page }) => {
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=(%2F|\/)admin$/);
});

test("a search that finds nobody says so and how to widen it", async ({ page }) => {
  await signIn(page, E2E_ADMIN, "/admin");
  await page.getByRole("searchbox", { name: "Email or name" }).fill("no-such-person-zzz");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByText(/No account's email or name contains/)).toBeVisible();
});
