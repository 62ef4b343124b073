import { readFileSync } from "node:fs";

import { expect, type Page, test } from "@playwright/test";

import { newUser, replaceCode, signUp } from "./support";
import { newInstructor, startCourse } from "./studio-support";

/**
 * The instructor studio end to end: a course written in the browser (Markdown with math, a
 * circuit cell, an exercise and a quiz), previewed and published; a learner joins its cohort by
 * the invite link and answers wrongly once; the instructor sees it all, down to the gradebook.
 */

const lesson = (id: string) => `---
id: ${id}-welcome
title: Plus states
summary: Superposition in one circuit.
minutes: 5
skills: [qubits-superposition]
objectives:
  - Prepare the plus state and read its histogram.
---

## Superposition

The Hadamard gate makes $|+\\rangle = (|0\\rangle + |1\\rangle)/\\sqrt{2}$.

\`\`\`qasm {#${id}-plus}
OPENQASM 3.0;
include "stdgates.inc";
qubit[1] q;
bit[1] c;
h q[0];
c = measure q;
\`\`\`

## Your turn

\`\`\`qasm {#${id}-make-plus exercise}
OPENQASM 3.0;
include "stdgates.inc";
qubit[1] q;
\`\`\`
`;

const exercises = (id: string) => `exercises:
  - cell: ${id}-make-plus
    title: Make a plus state
    goal: Prepare $|+\\rangle$.
    skills: [qubits-superposition]
    check:
      kind: state
      reference: |
        OPENQASM 3.0;
        include "stdgates.inc";
        qubit[1] q;
        h q[0];
      minFidelity: 0.99
    hints: [The Hadamard gate makes it.]
    solutionAfter: 1
    solution: Apply \`h q[0];\`.
`;

const quiz = (id: string) => `id: ${id}-quiz
skills: [qubits-superposition]
passMark: 0.5
questions:
  - id: ${id}-plus-half
    type: truefalse
    prompt: Measuring the plus state gives 0 about half of the time.
    answer: true
    explanation: Both amplitudes are one over root two, so each outcome has probability one half.
    section: superposition
`;

/** Replaces the whole text of the editor on the current tab by pasting, and waits for the autosave. */
async function write(page: Page, text: string) {
  const editor = page.getByRole("tabpanel").locator(".monaco-editor").first();
  await expect(editor).toBeVisible({ timeout: 30_000 });
  await editor.click();
  await page.keyboard.press("ControlOrMeta+A");
  // Pasted, as an author brings in a file: typed text would be auto-indented line by line.
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.keyboard.press("ControlOrMeta+V");
  const status = page.getByRole("status").filter({ hasText: /saved|saving|conflict/i });
  await expect(status).toHaveText("Saved", { timeout: 30_000 });
}

test("an instructor writes, previews and publishes a course; a learner joins by invite and errs once; the instructor sees it all", async ({
  browser,
}) => {
  test.setTimeout(360_000); // two people, Monaco, grading and some thirty pages on a shared machine
  const teacherContext = await browser.newContext({
    permissions: ["clipboard-read", "clipboard-write"],
  });
  const teacher = await teacherContext.newPage();
  await newInstructor(browser, teacher);
  const { id, title } = await startCourse(teacher);

  await teacher.getByRole("link", { name: "Edit" }).first().click();
  await write(teacher, lesson(id));
  await teacher.getByRole("tab", { name: /Exercises/ }).click();
  await teacher.getByRole("button", { name: "Create exercises file" }).click();
  await write(teacher, exercises(id));
  await teacher.getByRole("tab", { name: /Quiz/ }).click();
  await teacher.getByRole("button", { name: "Create quiz file" }).click();
  await write(teacher, quiz(id));
  // What the browser saved is exactly what was written.
  const draft = await (await teacher.request.get(`/api/studio/courses/${id}/draft`)).json();
  expect(draft.files["01-welcome.md"]).toBe(lesson(id));
  expect(draft.files["01-welcome.exercises.yaml"]).toBe(exercises(id));
  expect(draft.files["01-welcome.quiz.yaml"]).toBe(quiz(id));

  // The preview as learners will see it: math rendered, the circuit runs, the exercise and quiz are there.
  await teacher.goto(`/studio/courses/${id}/preview/01-welcome`);
  await expect(teacher.getByRole("heading", { level: 1, name: "Plus states" })).toBeVisible();
  await expect(teacher.locator(".katex").first()).toBeVisible();
  await expect(teacher.getByRole("heading", { name: "Exercise: Make a plus state" })).toBeVisible();
  await expect(teacher.getByText("Measuring the plus state gives 0")).toBeVisible();
  await teacher.getByRole("button", { name: "▶▶ Run all" }).click();
  await expect(
    teacher
      .locator(`#cell-${id}-plus`)
      .getByRole("img", { name: /^[01]: / })
      .first(),
  ).toBeVisible({ timeout: 30_000 });

  await teacher.goto(`/studio/courses/${id}`);
  const publish = teacher.getByRole("form", { name: "Publish the draft" });
  await publish.getByRole("button", { name: "Publish" }).click();
  await expect(teacher.getByText("Published version 1: learners see it now.")).toBeVisible({
    timeout: 60_000,
  });

  // A cohort for the course.
  await teacher.goto("/studio");
  const start = teacher.getByRole("form", { name: "Start a cohort" });
  await start.getByLabel("Name").fill(`${title} cohort`);
  await start.getByLabel("Course").selectOption(id);
  await start.getByRole("button", { name: "Start cohort" }).click();
  await expect(teacher.getByRole("heading", { level: 1, name: `${title} cohort` })).toBeVisible();
  const invite = (await teacher.getByTestId("invite-link").getAttribute("href"))!;
  const cohortPage = teacher.url();

  // The learner joins by the invite link, with consent, and works through the lesson.
  const learnerContext = await browser.newContext();
  const learnerPage = await learnerContext.newPage();
  const learner = newUser("studio-cohort-learner");
  await signUp(learnerPage, learner, invite);
  await learnerPage.getByRole("checkbox", { name: /I agree that the instructors/ }).check();
  await learnerPage.getByRole("button", { name: "Join cohort" }).click();
  await expect(learnerPage.getByRole("status")).toContainText("You joined this cohort.");
  await learnerPage.goto(`/learn/${id}/welcome`);
  await expect(learnerPage.getByRole("heading", { level: 1, name: "Plus states" })).toBeVisible();
  const cell = learnerPage.locator(`#cell-${id}-make-plus`);
  await replaceCode(
    learnerPage,
    cell,
    'OPENQASM 3.0;\ninclude "stdgates.inc";\nqubit[1] q;\nx q[0];',
  );
  await cell.getByRole("button", { name: "Check my answer" }).click();
  await expect(cell.locator(".feedback")).toContainText("fidelity", { timeout: 30_000 });
  const form = learnerPage.getByRole("region", { name: "Check your understanding" });
  await form.getByLabel("False").check();
  await form.getByRole("button", { name: /Submit answers/ }).click();
  await expect(learnerPage.locator("#quiz-results-title")).toBeFocused();
  await learnerPage.getByRole("button", { name: "Mark lesson complete" }).click();
  await expect(learnerPage.getByText(/✓ Lesson completed on/)).toBeVisible();

  // The instructor: roster, quiz item statistics, the funnel with its misconception cluster.
  await teacher.goto(cohortPage);
  const row = teacher.getByRole("row", { name: new RegExp(learner.name) });
  await expect(row).toContainText("1 of 1");
  const stats = teacher.getByRole("region", { name: "Quiz of Plus states" });
  await expect(stats.getByRole("row", { name: /Measuring the plus state/ })).toContainText("0%");
  await expect(teacher.getByRole("row", { name: /Make a plus state/ })).toContainText("1 grouped");

  const [download] = await Promise.all([
    teacher.waitForEvent("download"),
    teacher.getByRole("link", { name: "Download the gradebook (CSV)" }).click(),
  ]);
  const csv = readFileSync((await download.path())!, "utf8");
  expect(csv.split("\r\n")[0]).toContain("Exercise: Make a plus state");
  expect(csv).toContain(`${learner.name},${learner.email},1,`);
  expect(csv).toContain("not yet (1 attempt)");

  await row.getByRole("link", { name: learner.name }).click();
  await expect(teacher.getByRole("region", { name: "Submitted code" }).first()).toContainText(
    "x q[0];",
  );
  await teacher.goBack();
  await teacher.getByRole("link", { name: /1 grouped/ }).click();
  await expect(teacher.getByRole("heading", { level: 2 }).first()).toContainText(
    "1 submission from 1 learner: prepare the same wrong state",
  );

  for (const context of [teacherContext, learnerContext]) await context.close();
});
