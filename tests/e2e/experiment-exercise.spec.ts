import { expect, test } from "@playwright/test";

import {
  IRIS_EXERCISE_CELL as CELL,
  IRIS_LESSON as LESSON,
  irisExerciseSpec as spec,
} from "./iris-exercise";
import { replaceCode } from "./support";

test("a learner runs an experiment exercise's starter, checks it, reads why it fails beside the reference's curves, trains longer and passes", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.goto(LESSON);
  const cell = page.locator(CELL);
  await cell.scrollIntoViewIfNeeded();
  await expect(
    cell.getByRole("heading", { name: "Exercise: 90 % on held-out data" }),
  ).toBeVisible();

  // The starter runs as it is and falls short on the held-out flowers.
  await cell.getByRole("button", { name: /Run/ }).first().click();
  const output = cell.locator(".experiment-output");
  await expect(output).toBeVisible({ timeout: 30_000 });
  await expect(output.getByRole("row", { name: /Test accuracy/ })).toContainText("86.7 %");

  // Checked on the server: the threshold, the shortfall, what was fixed, and both runs' curves.
  await cell.getByRole("button", { name: "Check my answer" }).click();
  const feedback = cell.locator(".feedback");
  await expect(feedback).toContainText("✗ Not yet", { timeout: 30_000 });
  await expect(feedback).toContainText(
    "Test accuracy 86.7 % on the check's held-out set (30 points); the goal is at least 90 % — 3.3 points short.",
  );
  await expect(feedback).toContainText(
    "split seed 7, 30 % test, seed 11 — your data settings are replaced by these",
  );
  const numbers = feedback.locator(".experiment-feedback__numbers");
  await expect(numbers.getByRole("row", { name: /Yours/ })).toContainText("86.7 %");
  await expect(numbers.getByRole("row", { name: /Reference solution/ })).toContainText("96.7 %");
  await expect(numbers.getByRole("row", { name: /Goal/ })).toContainText("at least 90 %");
  const yours = feedback.getByRole("region", { name: "Your run" });
  const reference = feedback.getByRole("region", { name: "Reference solution" });
  await expect(
    yours.getByRole("img", { name: /Your run: training loss against the step/ }),
  ).toBeVisible();
  await expect(yours.getByRole("img", { name: /Accuracy against the step/ })).toBeVisible();
  await expect(
    reference.getByRole("img", { name: /Reference solution: training loss against the step/ }),
  ).toBeVisible();
  await expect(reference.getByRole("img", { name: /Accuracy against the step/ })).toBeVisible();
  // The table twins: five steps for the learner, forty for the reference.
  await yours.getByText("Table").first().click();
  await expect(yours.locator(".plot-figure__table").first().locator("tbody tr")).toHaveCount(5);
  await reference.getByText("Table").first().click();
  await expect(reference.locator(".plot-figure__table").first().locator("tbody tr")).toHaveCount(
    40,
  );
  await expect(feedback.getByRole("region", { name: "Hints" })).toContainText("Hints (1 of 2)");

  // Train for longer and check again: it passes.
  await replaceCode(page, cell.locator("[data-part=spec]"), spec(40));
  await cell.getByRole("button", { name: "Check my answer" }).click();
  await expect(feedback).toContainText("✓ Correct", { timeout: 30_000 });
  await expect(feedback).toContainText(
    "Test accuracy 96.7 % on the check's held-out set (30 points); the goal is at least 90 % — reached.",
  );
  await expect(
    feedback.getByRole("region", { name: "Your run" }).getByRole("img", {
      name: /Your run: training loss against the step/,
    }),
  ).toBeVisible();
});
