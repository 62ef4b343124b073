import { nextBestLesson, type Recommendation, type RecommendationInput } from "./recommend";

/**
 * The learner's next step, the one answer every page gives: the /me panel, the roadmap and the
 * careers pages (whole catalogue), and each course card (`courseId`: that course's lessons).
 * With one course they name the same lesson.
 *
 * It is the next best lesson for the goal (recommend.ts) while an unread lesson can still
 * advance it; otherwise the first unread lesson in course order, so the course goes on; only
 * when every lesson is read, a second pass over the most useful one. Null when all is read
 * and nothing more can be evidenced.
 */
export function nextStep(input: RecommendationInput, courseId?: string): Recommendation | null {
  const lessons =
    courseId === undefined ? input.lessons : input.lessons.filter((l) => l.courseId === courseId);
  const best = nextBestLesson({ ...input, lessons });
  if (best && !best.revisit) return best;
  const unread = [...lessons]
    .sort((a, b) => a.order - b.order)
    .find((l) => !input.completedLessons.has(`${l.courseId}/${l.id}`));
  if (unread) return { lesson: unread, advances: [], gain: 0, revisit: false };
  return best;
}
