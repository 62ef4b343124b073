import { randomUUID } from "node:crypto";

import { expect, type Locator, type Page } from "@playwright/test";

export interface TestUser {
  name: string;
  email: string;
  password: string;
}

export function newUser(prefix = "learner"): TestUser {
  const id = randomUUID().slice(0, 8);
  return {
    name: `${prefix} ${id}`,
    email: `${prefix}-${id}@example.test`,
    password: `correct horse ${id}`,
  };
}

/**
 * Signs up through the form. The form creates the account (a server action), signs in (Auth.js
 * credentials) and only then moves to `callbackUrl` with a client navigation, which commits
 * once that page's server render has arrived and been rendered: on a loaded machine the chain
 * takes many seconds, most of it after the sign-in. So this waits for each event in turn rather
 * than for the URL within a fixed time. (A refused sign-up never signs in: the failure's page
 * snapshot then shows the form's alert.)
 */
export async function signUp(page: Page, user: TestUser, callbackUrl = "/me") {
  await page.goto(`/signup?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  await page.getByLabel("Name").fill(user.name);
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel(/^Password/).fill(user.password);
  await submitAndFollow(page, page.getByRole("button", { name: "Create account" }), callbackUrl);
}

export async function signIn(page: Page, user: TestUser, callbackUrl = "/me") {
  await page.goto(`/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await submitAndFollow(page, page.getByRole("button", { name: "Sign in" }), callbackUrl);
}

/** Submits a sign-up or sign-in form, waits for the sign-in's answer, then for `callbackUrl`. */
async function submitAndFollow(page: Page, submit: Locator, callbackUrl: string) {
  const signedIn = page.waitForResponse(
    (r) => r.url().endsWith("/api/auth/callback/credentials") && r.request().method() === "POST",
  );
  await submit.click();
  const answer = await signedIn;
  // Auth.js answers a refusal with 401 and the reason in the URL it would send the browser to.
  // An accepted sign-in is followed at once by a navigation, which discards the response body,
  // so the body is read only for a refusal (the page stays put then).
  if (answer.status() !== 200) {
    const { url } = (await answer.json()) as { url: string };
    const reason = new URL(url, page.url()).searchParams.get("error");
    expect(answer.status(), `sign-in refused: ${reason}`).toBe(200);
  }
  await page.waitForURL(callbackUrl);
}

export async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
}

/** Replaces a cell's code the way a learner would: click into Monaco, select all, type. */
export async function replaceCode(page: Page, cell: Locator, code: string) {
  await cell.locator(".qasm-editor-slot").click();
  const editor = cell.locator(".monaco-editor");
  await expect(editor).toBeVisible();
  // The editor's own box, not its `.view-lines`: a long line makes that wider than the editor,
  // and its centre can then lie on whatever sits beside it (the experiment's circuit part).
  await editor.click();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.press("Delete");
  await page.keyboard.insertText(code);
}
