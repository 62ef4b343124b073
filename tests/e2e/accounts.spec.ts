import { expect, type Page, test } from "@playwright/test";

import { newUser, replaceCode, signIn, signOut, signUp } from "./support";

const LESSON = "/learn/qml-foundations/qubits";
const EXERCISE = "#cell-qubits-exercise-amplitudes";
const PREAMBLE = 'OPENQASM 3.0;\ninclude "stdgates.inc";\nqubit[1] q;\n';

async function check(page: Page) {
  const cell = page.locator(EXERCISE);
  await cell.getByRole("button", { name: "Check my answer" }).click();
  return cell.locator(".feedback");
}

test("sign up, pass an exercise, sign out and in: the code and the pass are still there", async ({
  page,
  browser,
}) => {
  // Two whole sessions (sign-up, the editor loading, a graded check, sign-in in a new browser):
  // about 30 s on two busy cores, so more than the default allowance.
  test.setTimeout(90_000);
  const user = newUser();
  await signUp(page, user, LESSON);
  const cell = page.locator(EXERCISE);
  // The edit is saved to the account shortly after typing (debounced); wait for that save.
  const savedToAccount = page.waitForResponse(
    (r) =>
      r.url().includes("/api/progress/cells") &&
      r.request().method() === "PUT" &&
      (r.request().postData() ?? "").includes("ry(pi/3) q[0];") &&
      r.ok(),
  );
  await replaceCode(page, cell, `${PREAMBLE}ry(pi/3) q[0];`);
  const feedback = await check(page);
  await expect(feedback).toContainText("✓ Correct");
  await expect(feedback).toContainText(/fidelity 100\.00%/);
  await savedToAccount;
  await signOut(page);

  // A different browser (no local copy at all): everything comes from the account.
  const other = await browser.newContext();
  const second = await other.newPage();
  await signIn(second, user, LESSON);
  await expect(second.locator(EXERCISE).locator(".qasm-editor-slot")).toContainText(
    "ry(pi/3) q[0];",
  );
  await second.goto("/me");
  await expect(second.getByText("Exercises solved").locator("..")).toContainText("1");
  // The activity names the exercise by its title, not its cell id.
  await expect(second.getByRole("link", { name: "Prepare given amplitudes" })).toBeVisible();
  await other.close();
});

test("a wrong answer explains itself: fidelity, the states side by side, then hints", async ({
  page,
}) => {
  await signUp(page, newUser(), LESSON);
  const cell = page.locator(EXERCISE);
  // rx gives the right probabilities but the wrong phase: the classic near miss.
  await replaceCode(page, cell, `${PREAMBLE}rx(pi/3) q[0];`);
  const feedback = await check(page);
  await expect(feedback).toContainText("✗ Not yet");
  await expect(feedback).toContainText("global phase ignored");
  await expect(feedback).toContainText(/fidelity \d+\.\d+% \(needs ≥ 99\.00%\)/);
  await expect(feedback.getByRole("table")).toContainText("Yours");
  await expect(feedback.getByRole("region", { name: "Hints" })).toContainText("ry(θ)");
  await expect(feedback).toContainText(/worked solution opens after 2 more attempts/);
});

test("code written as a guest is offered for merge at sign-up and kept in the account", async ({
  page,
  browser,
}) => {
  await page.goto(LESSON);
  const cell = page.locator(EXERCISE);
  await replaceCode(page, cell, `${PREAMBLE}h q[0]; // written as a guest`);
  // Saved in this browser at once (no account yet).
  await expect
    .poll(() =>
      page.evaluate(() =>
        Object.keys(localStorage).some(
          (key) =>
            key.startsWith("ketbook:cell:guest:") &&
            localStorage.getItem(key)!.includes("written as a guest"),
        ),
      ),
    )
    .toBe(true);

  const user = newUser();
  await signUp(page, user, "/me");
  const banner = page.getByRole("region", { name: "Work from before you signed in" });
  await expect(banner).toContainText(
    /work from before you signed in: \d+ cells? of code in 1 lesson\./,
  );
  await banner.getByRole("button", { name: "Keep it in my account" }).click();
  await expect(
    page.getByRole("status").filter({ hasText: /Merged \d+ cells? into your account\./ }),
  ).toBeVisible();

  const other = await browser.newContext();
  const second = await other.newPage();
  await signIn(second, user, LESSON);
  await expect(second.locator(EXERCISE).locator(".qasm-editor-slot")).toContainText(
    "written as a guest",
  );
  await other.close();
});
