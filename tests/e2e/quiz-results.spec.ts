import path from "node:path";

import { expect, test } from "@playwright/test";

import { loadLessonChecks } from "../../lib/grading/load-checks";

import { newUser, replaceCode, signUp } from "./support";

const CONTENT = path.join(process.cwd(), "content");
const LESSON = "/learn/qml-foundations/qubits";
// The test reads the server-side check file to know what the page must reveal, and when.
const checks = loadLessonChecks(CONTENT, "qml-foundations", "01-qubits");

test("quiz results teach: your answer, the right one and why, only after submitting; /review titles its cards by their prompt and counts what is due", async ({
  page,
}) => {
  test.setTimeout(90_000);
  const { quiz } = await checks;
  const bloch = quiz!.questions.find((q) => q.id === "qubits-bloch-south")!;
  const phase = quiz!.questions.find((q) => q.id === "qubits-global-phase")!;
  if (bloch.type !== "single" || phase.type !== "truefalse") throw new Error("quiz changed");
  const optionText = (id: string) => bloch.options.find((o) => o.id === id)!.text;
  const wrongId = bloch.options.find((o) => o.id !== bloch.answer)!.id;
  const explanationStart = bloch.explanation.split("$").at(-1)!.trim().slice(0, 40);

  await signUp(page, newUser(), LESSON);
  const form = page.getByRole("region", { name: "Check your understanding" });
  await expect(form).toContainText(/Submit answers/);
  // Before submitting, nothing on the page says which option is right or why.
  await expect(form).not.toContainText("Right answer");
  await expect(form).not.toContainText(explanationStart);

  await form
    .locator(`fieldset[aria-describedby="q-${bloch.id}-prompt"] input[value="${wrongId}"]`)
    .check();
  await form
    .locator(`fieldset[aria-describedby="q-${phase.id}-prompt"]`)
    .getByLabel(phase.answer ? "True" : "False")
    .check();
  await form.getByRole("button", { name: /Submit answers/ }).click();

  const results = page.locator(".quiz-results__list > li");
  const missed = results.filter({ hasText: "Where on the Bloch sphere is the state" });
  await expect(missed).toHaveClass(/is-wrong/);
  const comparison = missed.locator(".answer-comparison");
  await expect(comparison.locator("div", { hasText: "Your answer" })).toContainText(
    optionText(wrongId),
  );
  await expect(comparison.locator("div", { hasText: "Right answer" })).toContainText(
    optionText(bloch.answer),
  );
  await expect(comparison.locator("div", { hasText: "Why" })).toContainText(explanationStart);
  const right = results.filter({ hasText: phase.prompt.split("$")[0].trim() });
  await expect(right).toHaveClass(/is-right/);
  await expect(right.locator(".answer-comparison")).toContainText(
    `Your answer${phase.answer ? "True" : "False"}`,
  );
  // A question left blank says so, and still shows the right answer.
  const blank = results.filter({ hasText: "Not answered." }).first();
  await expect(blank.locator(".answer-comparison")).toContainText("Your answerNot answered");
  await expect(blank.locator(".answer-comparison")).toContainText("Right answer");

  // Every question but the one answered right is due for review, each titled by its prompt.
  const dueCount = quiz!.questions.length - 1;
  await page.goto("/me");
  await expect(page.getByRole("link", { name: `${dueCount} questions` })).toHaveAttribute(
    "href",
    "/review",
  );
  await page.goto("/review");
  const due = page.getByRole("region", { name: `Due now (${dueCount})` });
  await expect(due.getByRole("article")).toHaveCount(dueCount);
  await expect(due).not.toContainText("Question 1");
  const card = due.getByRole("article", { name: /^Where on the Bloch sphere is the state/ });
  await expect(card.getByRole("heading", { level: 3 })).toContainText(
    "Where on the Bloch sphere is the state",
  );
  // Answering it again (wrong) teaches the same way.
  await card.locator(`input[value="${wrongId}"]`).check();
  await card.getByRole("button", { name: "Check" }).click();
  await expect(card.locator(".answer-comparison")).toContainText(
    `Right answer${optionText(bloch.answer)}`,
  );
});

test("learners read titles, not ids: a solved exercise on /me is named by its title", async ({
  page,
}) => {
  test.setTimeout(90_000);
  const { exercises } = await checks;
  const exercise = exercises.find((e) => e.cell === "qubits-exercise-amplitudes")!;
  await signUp(page, newUser(), LESSON);
  const cell = page.locator(`#cell-${exercise.cell}`);
  await replaceCode(
    page,
    cell,
    'OPENQASM 3.0;\ninclude "stdgates.inc";\nqubit[1] q;\nry(pi/3) q[0];',
  );
  await cell.getByRole("button", { name: "Check my answer" }).click();
  await expect(cell.locator(".feedback")).toContainText("✓ Correct");

  await page.goto("/me");
  const activity = page.getByRole("region", { name: "Recent activity" });
  await expect(activity.getByRole("link", { name: exercise.title })).toHaveAttribute(
    "href",
    `${LESSON}#cell-${exercise.cell}`,
  );
  await expect(page.locator("main")).not.toContainText(exercise.cell);
});
