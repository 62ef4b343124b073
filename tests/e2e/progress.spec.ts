import path from "node:path";

import { type Browser, expect, type Page, test } from "@playwright/test";

import { loadLessonChecks } from "../../lib/grading/load-checks";
import { formatDay } from "../../lib/progress/format-day";

import { answerQuestion } from "./quiz-answers";
import { newUser, replaceCode, signUp } from "./support";

const COURSE = "/learn/qml-foundations";
const LESSON = `${COURSE}/qubits`;
const LESSON_ID = "qubits-and-the-bloch-sphere";
const EXERCISE = "#cell-qubits-exercise-amplitudes";
const PREAMBLE = 'OPENQASM 3.0;\ninclude "stdgates.inc";\nqubit[1] q;\n';
const checks = loadLessonChecks(
  path.join(process.cwd(), "content"),
  "qml-foundations",
  "01-qubits",
);

/** Dates as the pages print them (UTC); a run across midnight UTC may see either day. */
const today = () => formatDay(new Date().toISOString());

/**
 * Answers every question right except circuit questions (left as their starter, so missed),
 * as a learner would through the form. Returns how many are right and how many questions
 * there are.
 */
async function takeQuiz(page: Page) {
  const { quiz } = await checks;
  const questions = quiz!.questions;
  for (const question of questions) await answerQuestion(page, question);
  await page
    .getByRole("region", { name: "Check your understanding" })
    .getByRole("button", { name: /Submit answers/ })
    .click();
  await expect(page.locator("#quiz-results-title")).toBeVisible({ timeout: 30_000 });
  const right = questions.filter((q) => q.type !== "circuit").length;
  return { right, total: questions.length, percent: Math.round((100 * right) / questions.length) };
}

/** Solves the first exercise of the lesson (ry(π/3) prepares the asked-for amplitudes). */
async function solveExercise(page: Page) {
  const cell = page.locator(EXERCISE);
  // On a fresh server and two busy cores the lesson can take more than 10 s to hydrate; a
  // click before that is lost, and the editor then loads once the cell is in view.
  await cell.locator(".qasm-editor-slot").click();
  await expect(cell.locator(".monaco-editor")).toBeVisible({ timeout: 30_000 });
  await replaceCode(page, cell, `${PREAMBLE}ry(pi/3) q[0];`);
  await cell.getByRole("button", { name: "Check my answer" }).click();
  // The first check on a fresh server also starts the grading workers: on two busy cores that
  // alone can take more than the default 10 s.
  await expect(cell.locator(".feedback")).toContainText("✓ Correct", { timeout: 30_000 });
}

async function markComplete(page: Page) {
  await page.getByRole("button", { name: "Mark lesson complete" }).click();
  await expect(page.getByText(/✓ Lesson completed on/)).toBeVisible();
}

/** What the lesson shows of the learner's progress after a reload. */
async function expectLessonProgress(
  page: Page,
  quiz: { right: number; total: number; percent: number },
) {
  await expect(page.getByText(`✓ Lesson completed on ${today()}`)).toBeVisible();
  await expect(page.getByRole("button", { name: "Mark lesson complete" })).toHaveCount(0);
  await expect(page.locator(EXERCISE).locator(".solved-mark")).toHaveText(`✓ Solved on ${today()}`);
  await expect(
    page.getByRole("region", { name: "Check your understanding" }).locator(".last-quiz"),
  ).toHaveText(
    `Your last attempt: ${quiz.right} of ${quiz.total} (${quiz.percent}%), passed, on ${today()}`,
  );
}

/** The course page ticks the lesson and counts it; the library counts it on the course card. */
async function expectCourseProgress(page: Page) {
  await page.goto(COURSE);
  const lessons = (await page.locator(".syllabus__item").count()).toString();
  await expect(page.locator(".course-progress")).toHaveText(`1 of ${lessons} lessons completed`);
  const done = page.locator(".syllabus__item.is-done");
  await expect(done).toHaveCount(1);
  await expect(done).toContainText("Bits, qubits and the Bloch sphere (completed)");
  await page.goto("/learn");
  await expect(page.locator(".course-card").filter({ hasText: "lessons completed" })).toContainText(
    `1 of ${lessons} lessons completed`,
  );
}

/** The page as the server sends it, before any script runs (React's text separators removed). */
async function serverHtml(page: Page, url: string) {
  const response = await page.request.get(url);
  expect(response.ok()).toBe(true);
  return (await response.text()).replaceAll("<!-- -->", "");
}

test("a signed-in learner's progress is kept: completion, solved exercise, quiz score, ticks", async ({
  page,
}) => {
  // Sign-up, the editor, a graded check, a graded quiz and four page loads on two busy cores.
  test.setTimeout(120_000);
  await signUp(page, newUser(), "/me");
  // A page load of its own: right after sign-up the lesson is also being refreshed, and on a
  // busy machine a click can land between the two renders.
  await page.goto(LESSON);
  await solveExercise(page);
  const quiz = await takeQuiz(page);
  await markComplete(page);

  await page.reload();
  await expectLessonProgress(page, quiz);
  // Rendered on the server: no flash of "Mark lesson complete" before the page hydrates.
  const lesson = await serverHtml(page, LESSON);
  expect(lesson).toContain(`Lesson completed on <time`);
  expect(lesson).not.toContain("Mark lesson complete");
  expect(lesson).toMatch(/Solved on <time[^>]*>[^<]+<\/time>/);
  expect(lesson).toContain(`Your last attempt: ${quiz.right} of ${quiz.total}`);
  expect(await serverHtml(page, COURSE)).toMatch(/1 of \d+ lessons completed/);
  expect(await serverHtml(page, "/learn")).toMatch(/1 of \d+ lessons completed/);

  await expectCourseProgress(page);
});

test("a guest's progress is kept in the browser and shown the same way", async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto(LESSON);
  await solveExercise(page);
  const quiz = await takeQuiz(page);
  await markComplete(page);
  await expect(page.getByText("kept in this browser until you sign in")).toBeVisible();

  await page.reload();
  await expectLessonProgress(page, quiz);
  await expectCourseProgress(page);
});

/** A forged "solved" entry, as anyone could write into their browser's storage. */
async function forgeSolve(page: Page) {
  await page.evaluate((lessonId) => {
    localStorage.setItem(
      `ketbook:progress:guest:exercise:qml-foundations/${lessonId}#qubits-exercise-three-quarters`,
      JSON.stringify({
        source: 'OPENQASM 3.0;\ninclude "stdgates.inc";\nqubit[1] q;\n',
        attemptKey: `forged-${Date.now()}`,
        solvedAt: Date.now(),
      }),
    );
  }, LESSON_ID);
}

async function statValue(page: Page, label: string) {
  return page.getByText(label, { exact: true }).locator("..").locator("dd");
}

async function guestSession(browser: Browser) {
  const context = await browser.newContext();
  return { context, page: await context.newPage() };
}

test("everything a guest did is merged on sign-up, graded again, once however often it is sent", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const { context, page } = await guestSession(browser);
  await page.goto(LESSON);
  await solveExercise(page);
  const quiz = await takeQuiz(page);
  await markComplete(page);
  await forgeSolve(page);

  await signUp(page, newUser(), "/me");
  // A second tab of the same browser offers the same work at the same time.
  const second = await context.newPage();
  await second.goto("/me");
  const banner = page.getByRole("region", { name: "Work from before you signed in" });
  const secondBanner = second.getByRole("region", { name: "Work from before you signed in" });
  await expect(banner).toContainText(
    /work from before you signed in: \d+ cells? of code in 1 lesson, 1 completed lesson, 2 solved exercises and 1 quiz attempt\./,
  );
  await expect(secondBanner).toBeVisible();

  // Both tabs merge at once; each says what is now in the account, and nothing counts twice.
  await Promise.all([
    banner.getByRole("button", { name: "Keep it in my account" }).click(),
    secondBanner.getByRole("button", { name: "Keep it in my account" }).click(),
  ]);
  const merged = new RegExp(
    String.raw`Merged \d+ cells?, 1 completed lesson, 1 solved exercise and 1 quiz result into your account\. ` +
      String.raw`1 exercise did not pass when checked again, so it is not counted as solved\. ` +
      String.raw`${quiz.total - quiz.right} missed questions? (is|are) waiting in review\.`,
  );
  for (const tab of [page, second]) {
    await expect(tab.getByRole("status").filter({ hasText: /^Merged/ })).toHaveText(merged);
  }
  // The browser forgets what the account now holds: no banner on the next page.
  await page.goto("/me");
  await expect(banner).toHaveCount(0);
  await expect(await statValue(page, "Exercises solved")).toHaveText("1");
  await expect(await statValue(page, "Lessons completed")).toHaveText("1");

  // The missed question reached review, once.
  await page.goto("/review");
  await expect(page.getByRole("heading", { name: "Due now (1)" })).toBeVisible();

  // The lesson now shows the account's progress, rendered on the server.
  const lesson = await serverHtml(page, LESSON);
  expect(lesson).toContain("Lesson completed on <time");
  expect(lesson).toContain(`Your last attempt: ${quiz.right} of ${quiz.total}`);
  expect(lesson.match(/Solved on <time/g)).toHaveLength(1);
  await context.close();
});

test("only a signed-in learner can merge, and only into their own account", async ({ request }) => {
  const response = await request.post("/api/progress/merge", {
    data: { cells: [], lessons: [], exercises: [], quizzes: [] },
  });
  expect(response.status()).toBe(401);
});
