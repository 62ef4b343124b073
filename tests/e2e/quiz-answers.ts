import type { Locator, Page } from "@playwright/test";

import type { Question } from "../../lib/grading/schemas";

/**
 * Answers one quiz question through the form as a learner would, correctly unless `wrong` is
 * set. The specs know the answers because they read the server-side check file; the page never
 * does. Circuit questions are left as their starter, so they are graded as not solved.
 */
export async function answerQuestion(page: Page, question: Question, wrong = false) {
  const field = page.locator(`fieldset[aria-describedby="q-${question.id}-prompt"]`);
  switch (question.type) {
    case "single": {
      const choice = wrong
        ? question.options.find((o) => o.id !== question.answer)!.id
        : question.answer;
      await field.locator(`input[value="${choice}"]`).check();
      return;
    }
    case "multiple":
      for (const id of question.answer) await field.locator(`input[value="${id}"]`).check();
      return;
    case "truefalse":
      await field.getByLabel(question.answer !== wrong ? "True" : "False").check();
      return;
    case "numeric":
      await field.getByLabel("Your answer").fill(String(question.answer.value + (wrong ? 1 : 0)));
      return;
    case "text":
      await field.getByLabel("Your answer").fill(wrong ? "no idea" : question.answer[0]);
      return;
    case "ordering":
      await sortByButtons(field, question.answer, question.items);
      return;
    case "circuit":
      return;
  }
}

/** Puts ordering items in the target order with the keyboard-operable Up buttons. */
async function sortByButtons(
  field: Locator,
  target: readonly string[],
  items: readonly { id: string; text: string }[],
) {
  for (let i = 0; i < target.length; i++) {
    const text = items.find((item) => item.id === target[i])!.text;
    for (;;) {
      const rows = await field.locator("li").allInnerTexts();
      const at = rows.findIndex((row) => row.includes(text.slice(0, 20)));
      if (at <= i) break;
      await field.getByRole("button", { name: `Move step ${at + 1} up` }).click();
    }
  }
}
