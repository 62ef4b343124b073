import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";

import { expect, test } from "@playwright/test";

import { E2E_ADMIN } from "./servers/admin";
import { newUser, replaceCode, signIn, signUp } from "./support";

const WRONG_ANSWER = 'OPENQASM 3.0;\ninclude "stdgates.inc";\nqubit[1] q;\nx q[0];';

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
  // A wrong answer to the first exercise: |1⟩ instead of the asked-for amplitudes.
  const cell = learnerPage.locator("#cell-qubits-exercise-amplitudes");
  await cell.locator(".qasm-editor-slot").click();
  await expect(cell.locator(".monaco-editor")).toBeVisible({ timeout: 30_000 });
  await replaceCode(learnerPage, cell, WRONG_ANSWER);
  await cell.getByRole("button", { name: "Check my answer" }).click();
  await expect(cell.locator(".feedback")).toContainText("fidelity", { timeout: 30_000 });

  await teacher.reload();
  const row = teacher.getByRole("row", { name: new RegExp(learner.name) });
  await expect(row).toContainText(/1 of \d+/);
  await expect(row).not.toContainText("not yet");
  const funnel = teacher.getByRole("row", { name: /Prepare given amplitudes/ });
  await expect(funnel).toContainText("1 grouped");

  // The gradebook: a CSV with the learner's row and the exercise by its title.
  const [download] = await Promise.all([
    teacher.waitForEvent("download"),
    teacher.getByRole("link", { name: "Download the gradebook (CSV)" }).click(),
  ]);
  const csv = readFileSync((await download.path())!, "utf8");
  expect(csv.split("\r\n")[0]).toContain("Exercise: Prepare given amplitudes");
  expect(csv).toContain(`${learner.name},${learner.email},1,0,`);
  expect(csv).toContain("not yet (1 attempt)");

  // The learner's submissions: the code as sent and the feedback given.
  await row.getByRole("link", { name: learner.name }).click();
  await expect(teacher.getByRole("heading", { level: 1, name: learner.name })).toBeVisible();
  await expect(teacher.getByRole("region", { name: "Submitted code" }).first()).toContainText(
    "x q[0];",
  );
  await teacher.goBack();
  // Wrong answers grouped by the state they prepare.
  await teacher.getByRole("link", { name: /1 grouped/ }).click();
  await expect(teacher.getByRole("heading", { level: 2 }).first()).toContainText(
    "1 submission from 1 learner: prepare the same wrong state",
  );
  await teacher.goto(cohortPage);

  // Another learner cannot see the roster, nor tell that it exists.
  const outsiderContext = await browser.newContext();
  const outsider = await outsiderContext.newPage();
  await signUp(outsider, newUser("outsider"));
  expect((await outsider.goto(cohortPage))?.status()).toBe(404);
  expect((await outsider.goto("/studio"))?.status()).toBe(404);
  expect((await outsider.request.get(`${cohortPage}/gradebook`)).status()).toBe(404);
  expect(
    (await outsider.goto(`${cohortPage}/exercises/qubits-exercise-amplitudes`))?.status(),
  ).toBe(404);
  const guest = await browser.newContext();
  expect((await guest.request.get(`${cohortPage}/gradebook`)).status()).toBe(401);
  await guest.close();

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
