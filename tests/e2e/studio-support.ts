import { randomUUID } from "node:crypto";

import { type Browser, expect, type Page } from "@playwright/test";

import { E2E_ADMIN } from "./servers/admin";
import { newUser, signIn, signUp, type TestUser } from "./support";

/** A new user whom the e2e admin makes an instructor in the browser, signed in on `page`. */
export async function newInstructor(browser: Browser, page: Page): Promise<TestUser> {
  const user = newUser("instructor");
  await signUp(page, user);
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, E2E_ADMIN, "/admin");
  await admin.getByRole("searchbox", { name: "Email or name" }).fill(user.email);
  await admin.getByRole("button", { name: "Search" }).click();
  const row = admin.getByRole("row", { name: new RegExp(user.name) });
  await row.getByRole("combobox", { name: `Role of ${user.name}` }).selectOption("instructor");
  await row.getByRole("button", { name: `Change role of ${user.name}` }).click();
  await expect(admin.getByRole("status")).toContainText("Role changed");
  await adminContext.close();
  return user;
}

/** Starts a studio course from /studio; returns its id (the course page is open). */
export async function startCourse(page: Page, title = `Course ${randomUUID().slice(0, 6)}`) {
  await page.goto("/studio");
  await page.getByText("Start a course").click();
  const form = page.getByRole("form", { name: "Start a course" });
  await form.getByLabel("Course title").fill(title);
  const id = await form.getByLabel(/Course id/).inputValue();
  await form.getByRole("button", { name: "Create course" }).click();
  await page.waitForURL(`/studio/courses/${id}`);
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  return { id, title };
}
