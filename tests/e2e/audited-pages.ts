import { expect, type Page } from "@playwright/test";

import { newUser, signUp } from "./support";

/**
 * The pages a learner meets, for the checks that must hold on every one of them (axe, phone
 * width). Guest pages open by address; the signed-in ones are reached the way a learner reaches
 * them: sign up, take the lesson's quiz (so the results show and /review has cards), then /me.
 */
export const LESSON = "/learn/qml-foundations/qubits";

export const GUEST_PAGES = [
  { name: "home", path: "/" },
  { name: "library", path: "/learn" },
  { name: "course", path: "/learn/qml-foundations" },
  { name: "lesson", path: LESSON },
  { name: "roadmap", path: "/roadmap" },
  { name: "careers", path: "/careers" },
  { name: "sign-in", path: "/signin" },
  { name: "join a cohort", path: "/join" },
] as const;

export interface SignedInStop {
  name: string;
  /** Brings the page to the state to check. */
  open(page: Page): Promise<void>;
}

/** In this order, in one browser: the quiz results come first so /review has something due. */
export const SIGNED_IN_STOPS: readonly SignedInStop[] = [
  {
    name: "quiz results",
    async open(page) {
      await signUp(page, newUser("audit"), LESSON);
      await submitQuizWithFirstOptions(page);
    },
  },
  {
    name: "review",
    async open(page) {
      await page.goto("/review");
      await expect(page.getByRole("heading", { level: 1, name: "Review" })).toBeVisible();
    },
  },
  {
    name: "me",
    async open(page) {
      await page.goto("/me");
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    },
  },
  {
    name: "careers, signed in (with the target-role buttons)",
    async open(page) {
      await page.goto("/careers");
      await expect(page.getByRole("button", { name: /my target role$/ }).first()).toBeVisible();
    },
  },
];

/**
 * Picks the first option of every choice question and submits: some answers are wrong, so the
 * results list both kinds and the missed questions become due for review.
 */
export async function submitQuizWithFirstOptions(page: Page) {
  const form = page.getByRole("region", { name: "Check your understanding" });
  const fields = form.locator("fieldset.question");
  await expect(fields.first()).toBeVisible();
  for (const field of await fields.all()) {
    const choice = field.locator('input[type="radio"], input[type="checkbox"]').first();
    if ((await choice.count()) > 0) await choice.check();
  }
  await form.getByRole("button", { name: /Submit answers/ }).click();
  // Graded on the server: slow on a loaded machine.
  await expect(page.locator("#quiz-results-title")).toBeFocused({ timeout: 30_000 });
}
