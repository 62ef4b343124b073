/** What the cohort pages say about a refused form, by the code carried in the page's URL. */
export const COHORT_PROBLEMS = {
  invalid: "Give the cohort a name (up to 100 characters) and pick a course.",
  "unknown-course": "That course is not offered here; pick one from the list.",
  "closes-in-past": "The close date has passed: pick a later day, or leave it empty.",
  "not-found": "No cohort has this link or code. Check it with your instructor.",
  closed: "This cohort has closed to new members. Ask your instructor for another.",
  "consent-required":
    "To join, tick the box agreeing that the cohort's instructors see your progress in the course.",
  "no-code": "No cohort has this code. Check it with your instructor: it looks like K7QM-2XPA.",
} as const;

export type CohortProblem = keyof typeof COHORT_PROBLEMS;

/** The message for a code from the URL, or undefined (the URL is anyone's to write). */
export function cohortProblemMessage(value: unknown): string | undefined {
  return typeof value === "string" && Object.hasOwn(COHORT_PROBLEMS, value)
    ? COHORT_PROBLEMS[value as CohortProblem]
    : undefined;
}

/** What joining shares, said the same way on the join page and on /me. */
export const CONSENT_TEXT =
  "The cohort's instructors will see your progress in this course: lessons completed, exercises attempted and solved with the code you submitted, quiz scores, and when you were last active. Other learners see nothing of yours. You can leave at any time.";
