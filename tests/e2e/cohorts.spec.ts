import { randomUUID } from "node:crypto";

import { expect, test } from "@playwright/test";

import { E2E_ADMIN } from "./servers/admin";
import { newUser, signIn, signUp } from "./support";

test("an instructor starts a cohort; a learner joins by code with consent, shows on the roster, and leaves", async ({
  browser,
}) => {
  test.slow(); // two people, three sign-ins and a dozen pages on one shared machine
  const teacherContext = await browser.newContext();
  const teacher = await teacherContext.newPage();
  await signIn(teacher, E2E_ADMIN, "/studio");
  const name = `Cohort ${randomUUID().slice(0, 6)}`;
  const start = teacher.getByRole("form", { name: "Start a cohort" });
  await start.getByLabel("Name").fill(name);
  await start.getByRole("button", { name: "Start cohort" }).click();
  await expect(teacher.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(teacher.getByText("No one has joined yet.")).toBeVisible();
  const code = (await teacher.getByTestId("join-code").textContent())!;
  const invite = (await teacher.getByTestId("invite-link").getAttribute("href"))!;
  const cohortPage = teacher.url();
  expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);

  const learnerContext = await browser.newContext();
  const learnerPage = await learnerContext.newPage();
  const learner = newUser("cohort-learner");
  await signUp(learnerPage, learner, "/join");
  // Typed by hand: lower case, no dash.
  await learnerPage.getByLabel("Join code").fill(code.toLowerCase().replace("-", ""));
  await learnerPage.getByRole("button", { name: "Continue" }).click();
  await learnerPage.waitForURL(new RegExp(`${invite}$`));
  await expect(learnerPage.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(learnerPage.getByText(/instructors will see your progress/)).toBeVisible();
  // No tick, no joining: the browser holds the form until consent is given.
  await learnerPage.getByRole("button", { name: "Join cohort" }).click();
  await expect(learnerPage.getByRole("button", { name: "Join cohort" })).toBeVisible();
  await learnerPage.getByRole("checkbox", { name: /I agree that the instructors/ }).check();
  await learnerPage.getByRole("button", { name: "Join cohort" }).click();
  await expect(learnerPage.getByRole("status")).toContainText("You joined this cohort.");

  await learnerPage.goto("/learn/qml-foundations/qubits");
  await learnerPage.getByRole("button", { name: "Mark lesson complete" }).click();
  await expect(learnerPage.getByText(/✓ Lesson completed on/)).toBeVisible();

  await teacher.reload();
  const row = teacher.getByRole("row", { name: new RegExp(learner.name) });
  await expect(row).toContainText(/1 of \d+/);
  await expect(row).not.toContainText("not yet");

  // Another learner cannot see the roster, nor tell that it exists.
  const outsiderContext = await browser.newContext();
  const outsider = await outsiderContext.newPage();
  await signUp(outsider, newUser("outsider"));
  expect((await outsider.goto(cohortPage))?.status()).toBe(404);
  expect((await outsider.goto("/studio"))?.status()).toBe(404);

  await learnerPage.goto("/me");
  const mine = learnerPage.getByRole("region", { name: "Cohorts" });
  await expect(mine).toContainText(name);
  await mine.getByRole("button", { name: `Leave ${name}` }).click();
  await expect(learnerPage.getByRole("status")).toContainText("You left the cohort");
  await expect(learnerPage.getByRole("region", { name: "Cohorts" })).toContainText(
    "You are in no cohort.",
  );
  await teacher.reload();
  await expect(teacher.getByText("No one has joined yet.")).toBeVisible();

  for (const context of [teacherContext, learnerContext, outsiderContext]) await context.close();
});

test("a wrong join code says what a code looks like", async ({ page }) => {
  await signUp(page, newUser(), "/join");
  await page.getByLabel("Join code").fill("NOPE-NOPE");
  await page.getByRole("button", { name: "Continue" }).click();
  // (Next's route announcer is an alert too, so the message is found by its text.)
  await expect(
    page.getByRole("alert").filter({ hasText: "No cohort has this code" }),
  ).toBeVisible();
});
