import path from "node:path";

import { expect, test } from "@playwright/test";

import { loadLessonChecks } from "../../lib/grading/load-checks";

import { answerQuestion } from "./quiz-answers";
import { newUser, signUp } from "./support";

const CONTENT = path.join(process.cwd(), "content");
const LESSON = "/learn/qml-foundations/qubits";
// The test knows the answers (it reads the server-side check file); the page never does.
const checks = loadLessonChecks(CONTENT, "qml-foundations", "01-qubits");

test("take a quiz, fail a question and see why, retry and pass; the missed question comes back in review", async ({
  page,
}) => {
  const { quiz } = await checks;
  const missed = quiz!.questions.find((q) => q.type === "single")!;
  await signUp(page, newUser(), LESSON);

  const form = page.getByRole("region", { name: "Check your understanding" });
  for (const question of quiz!.questions)
    await answerQuestion(page, question, question.id === missed.id);
  await form.getByRole("button", { name: /Submit answers/ }).click();

  const results = page.getByRole("region", { name: /passed/i });
  await expect(page.locator("#quiz-results-title")).toBeFocused();
  const missedItem = results
    .locator("li.is-wrong")
    .filter({ hasText: "That is not the right option." });
  await expect(missedItem).toHaveCount(1);
  await expect(
    missedItem.getByRole("link", { name: "Read this part of the lesson again" }),
  ).toHaveAttribute("href", `${LESSON}#${missed.section}`);

  // The retry passes, but the same question is missed again: it stays due for review.
  await page.getByRole("button", { name: /Try again/ }).click();
  for (const question of quiz!.questions)
    await answerQuestion(page, question, question.id === missed.id);
  await form.getByRole("button", { name: /Submit answers/ }).click();
  await expect(page.locator("#quiz-results-title")).toContainText(/^Passed: \d+ of \d+ correct/);

  await page.goto("/review");
  const due = page.getByRole("region", { name: /Due now/ });
  // The card is titled by the question's prompt.
  const promptStart = missed.prompt.split("$")[0].trim();
  await expect(due.getByRole("article", { name: new RegExp(`^${promptStart}`) })).toBeVisible();
});

test("no quiz answer or explanation reaches the browser before submission, in any lesson", async ({
  request,
}) => {
  const { loadContent } = await import("../../lib/notebook/load-content");
  const library = await loadContent(CONTENT);
  for (const lesson of library.lessons.values()) {
    const [, dir, file] = lesson.meta.file.split(path.sep);
    const { quiz } = await loadLessonChecks(CONTENT, dir, file.replace(/\.md$/, ""), { library });
    if (!quiz) continue;
    const page = await (
      await request.get(`/learn/${lesson.meta.courseId}/${lesson.meta.slug}`)
    ).text();
    const api = await (
      await request.get(
        `/api/quiz?courseId=${lesson.meta.courseId}&lessonId=${lesson.meta.id}&seed=3`,
      )
    ).text();
    for (const payload of [page, api]) {
      for (const key of [
        '"answer"',
        '"explanation"',
        '"accepted"',
        '"tolerance"',
        '"check"',
        '"reference"',
      ]) {
        expect(
          payload.includes(key) || payload.includes(key.replace(/"/g, '\\"')),
          `${lesson.meta.file}: ${key}`,
        ).toBe(false);
      }
      for (const question of quiz.questions) {
        const fragment = question.explanation.replace(/\s+/g, " ").slice(0, 48);
        expect(
          payload.replace(/\s+/g, " ").includes(fragment),
          `${question.id}: explanation leaked`,
        ).toBe(false);
      }
    }
  }
});
