import { expect, test } from "@playwright/test";

import { newUser } from "./support";

/**
 * Sign-up to /me took 6.8 s, most of it the first /me after a start parsing every lesson again
 * (now loaded once per process and warmed at start-up). Its speed is measured by
 * `npm run bench:signup`, not asserted here; this checks the path end to end and records its
 * time on the test's report.
 */
test("sign-up reaches /me, signed in, with the learner's name", async ({ page }) => {
  const user = newUser();
  await page.goto("/signup?callbackUrl=%2Fme");
  await page.getByLabel("Name").fill(user.name);
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel(/^Password/).fill(user.password);
  const started = Date.now();
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL("/me", { waitUntil: "commit" });
  await expect(page.getByRole("heading", { level: 1 })).toContainText(user.name);
  const elapsed = Date.now() - started;
  test.info().annotations.push({ type: "sign-up to /me", description: `${elapsed} ms` });
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
});
