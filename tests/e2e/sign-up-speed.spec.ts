import { expect, test } from "@playwright/test";

import { newUser } from "./support";

/**
 * Sign-up's path to /me, which took 6.8 s: the destination is rendered once (a client push
 * followed by a refresh rendered it twice), and the time from the click to /me is recorded on
 * the test (`npm run bench:signup` measures it properly, over several runs).
 */
test("sign-up reaches /me with one render of it, signed in", async ({ page }) => {
  const user = newUser();
  await page.goto("/signup?callbackUrl=%2Fme");
  await page.getByLabel("Name").fill(user.name);
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel(/^Password/).fill(user.password);
  const meRequests: string[] = [];
  page.on("request", (r) => {
    if (new URL(r.url()).pathname === "/me" && r.headers()["next-router-prefetch"] !== "1")
      meRequests.push(r.resourceType());
  });
  const started = Date.now();
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL("/me");
  await expect(page.getByRole("heading", { level: 1 })).toContainText(user.name);
  test
    .info()
    .annotations.push({ type: "sign-up to /me", description: `${Date.now() - started} ms` });
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  await page.waitForLoadState("networkidle");
  expect(meRequests).toEqual(["document"]);
});
