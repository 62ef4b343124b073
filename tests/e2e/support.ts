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

export async function signUp(page: Page, user: TestUser, callbackUrl = "/me") {
  await page.goto(`/signup?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  await page.getByLabel("Name").fill(user.name);
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel(/^Password/).fill(user.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(callbackUrl);
}

export async function signIn(page: Page, user: TestUser, callbackUrl = "/me") {
  await page.goto(`/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(callbackUrl);
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
  await editor.locator(".view-lines").click();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.press("Delete");
  await page.keyboard.insertText(code);
}
