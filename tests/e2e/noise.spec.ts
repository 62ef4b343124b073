import { expect, test } from "@playwright/test";

/**
 * A circuit cell that names its own noise (`#pragma noise`) runs noisily on the server, and its
 * output says so before any chart, so nobody mistakes the counts for an ideal run.
 */
test("lesson 12's Bell pair under its own depolarizing noise shows 01 and 10, and says why", async ({
  page,
}) => {
  await page.goto("/learn/qml-foundations/noise-error-correction");
  const cell = page.locator("#cell-noise-bell-pragma");
  await expect(cell).toContainText("#pragma noise depolarizing 0.1");
  // A click before the long lesson has hydrated is lost, so it is repeated until the run has
  // started; the first run on a fresh server also starts the simulation workers, which on two
  // busy cores can take more than the default 10 s.
  const started = cell.getByText(/Running…/).or(cell.getByRole("region", { name: "Run output" }));
  await expect(async () => {
    await cell.getByRole("button", { name: /Run/ }).click();
    await expect(started.first()).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await expect(cell.getByRole("region", { name: "Run output" })).toBeVisible({ timeout: 30_000 });

  // The model in words above the views, and that they average the shots' trajectories (so no
  // single state vector is claimed); said once, not again below the views.
  const note = cell.getByRole("note").filter({ hasText: "Noisy simulation" });
  await expect(note).toContainText("Noisy simulation: depolarizing 10 % after every gate.");
  await expect(note).toContainText("no single state vector");
  await expect(cell.getByText("Note: the final state differs")).toHaveCount(0);
  await cell.getByRole("tab", { name: "Histogram" }).click();
  // The ideal pair gives only 00 and 11; about p/2 = 5 % of 1024 shots land on 01 or 10.
  for (const outcome of ["00", "01", "10", "11"]) {
    await expect(
      cell.getByRole("img", { name: new RegExp(`^${outcome}: \\d+ shots`) }),
    ).toHaveCount(1);
  }
});
