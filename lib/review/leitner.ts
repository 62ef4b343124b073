/**
 * Leitner boxes for spaced review. A question answered wrongly goes to box 1 and is due at
 * once; each right answer moves it up a box and further into the future; a wrong answer sends
 * it back to box 1. Boxes and intervals are the classic doubling schedule.
 */
export const REVIEW_INTERVAL_DAYS = [0, 1, 3, 7, 16, 35] as const;
export const TOP_BOX = REVIEW_INTERVAL_DAYS.length;

export interface ReviewState {
  readonly box: number;
  readonly dueAt: Date;
}

const DAY_MS = 86_400_000;

/** The state after answering: `current` is undefined for a question not yet in review. */
export function nextReview(
  current: ReviewState | undefined,
  correct: boolean,
  now: Date,
): ReviewState | undefined {
  if (!correct) return { box: 1, dueAt: now };
  if (!current) return undefined; // right the first time: nothing to review
  const box = Math.min(TOP_BOX, current.box + 1);
  return { box, dueAt: new Date(now.getTime() + REVIEW_INTERVAL_DAYS[box - 1] * DAY_MS) };
}

export function isDue(state: ReviewState, now: Date): boolean {
  return state.dueAt.getTime() <= now.getTime();
}
