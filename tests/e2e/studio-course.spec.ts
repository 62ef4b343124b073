import { expect, test } from "@playwright/test";

import { newUser, signUp } from "./support";
import { newInstructor, startCourse } from "./studio-support";

test("an instructor orders lessons, publishes, and learners see only published versions; history compares and rolls back", async ({
  browser,
}) => {
  test.slow(); // three people and two dozen pages on one shared machine
  const teacherContext = await browser.newContext();
  const teacher = await teacherContext.newPage();
  await newInstructor(browser, teacher);
  const { id, title } = await startCourse(teacher);
  await expect(teacher.getByText("Not published yet")).toBeVisible();

  const add = teacher.getByRole("form", { name: "Add a lesson" });
  await add.getByLabel("New lesson title").fill("Kernels by hand");
  await add.getByRole("button", { name: "Add lesson" }).click();
  const outline = teacher.locator(".lesson-outline > li");
  await expect(outline).toHaveCount(2);
  await expect(outline.nth(1)).toContainText("02-kernels-by-hand.md");
  // By the keys: the new lesson first.
  await outline.nth(1).focus();
  await teacher.keyboard.press("Alt+ArrowUp");
  await expect(outline.nth(0)).toContainText("Kernels by hand");
  await expect(teacher.getByRole("status").first()).toHaveText("Saved");

  const publish = teacher.getByRole("form", { name: "Publish the draft" });
  await publish.getByLabel(/What changed/).fill("first lessons");
  await publish.getByRole("button", { name: "Publish" }).click();
  await expect(teacher.getByText("Published version 1: learners see it now.")).toBeVisible();

  const learnerContext = await browser.newContext();
  const learner = await learnerContext.newPage();
  await signUp(learner, newUser("studio-learner"));
  await learner.goto(`/learn/${id}`);
  await expect(learner.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const syllabus = learner.getByRole("main").getByRole("link", { name: /Kernels by hand|Welcome/ });
  await expect(syllabus.first()).toHaveText(/Kernels by hand/);
  await learner.goto(`/learn/${id}/welcome`);
  await expect(learner.getByRole("heading", { level: 1, name: "Welcome" })).toBeVisible();

  // A draft change is not seen by learners until it is published.
  const details = teacher.getByRole("form", { name: "Course details" });
  await details.getByLabel("Title").fill(`${title} (2nd ed.)`);
  await details.getByRole("button", { name: "Save details" }).click();
  await expect(teacher.getByRole("status").first()).toHaveText("Saved");
  await learner.reload();
  await expect(learner.getByRole("heading", { level: 1, name: "Welcome" })).toBeVisible();
  await learner.goto(`/learn/${id}`);
  await expect(learner.getByRole("heading", { level: 1, name: title })).toBeVisible();

  await teacher.getByRole("link", { name: "Compare with draft" }).click();
  await expect(teacher.getByRole("heading", { level: 1 })).toHaveText(
    "Changes from version 1 to the draft",
  );
  const courseYaml = teacher.getByRole("region", { name: "course.yaml" });
  await expect(courseYaml.locator("del")).toHaveText(`- title: ${title}`);
  await expect(courseYaml.locator("ins")).toHaveText(`+ title: ${title} (2nd ed.)`);
  await teacher.goBack();
  await publish.getByRole("button", { name: "Publish" }).click();
  await expect(teacher.getByText("Published version 2")).toBeVisible();
  await learner.reload();
  await expect(
    learner.getByRole("heading", { level: 1, name: `${title} (2nd ed.)` }),
  ).toBeVisible();

  teacher.once("dialog", (dialog) => void dialog.accept());
  await teacher.getByRole("button", { name: "Roll back to version 1" }).click();
  await expect(teacher.getByText(/version 1 is published again as version 3/)).toBeVisible();
  await learner.reload();
  await expect(learner.getByRole("heading", { level: 1, name: title })).toBeVisible();

  // Learners and other instructors cannot reach the course's studio pages or routes.
  const coursePage = `/studio/courses/${id}`;
  for (const path of [
    coursePage,
    `${coursePage}/changes?from=1`,
    `${coursePage}/preview/01-welcome`,
  ]) {
    expect((await learner.goto(path))?.status(), path).toBe(404);
  }
  expect((await learner.request.get(`/api/studio/courses/${id}/draft`)).status()).toBe(403);
  const strangerContext = await browser.newContext();
  const stranger = await strangerContext.newPage();
  await newInstructor(browser, stranger);
  expect((await stranger.goto(coursePage))?.status()).toBe(404);
  expect((await stranger.request.get(`/api/studio/courses/${id}/draft`)).status()).toBe(404);
  const guest = await browser.newContext();
  const guestPage = await guest.newPage();
  await guestPage.goto(coursePage);
  await expect(guestPage).toHaveURL(/\/signin\?callbackUrl=/);

  for (const context of [teacherContext, learnerContext, strangerContext, guest])
    await context.close();
});
