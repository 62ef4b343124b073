import "server-only";

import { exerciseTitles } from "@/lib/grading/exercise-titles";
import { getRoadmapContent } from "@/lib/roadmap/service";

/**
 * Loads, in the background after start-up, what the first pages of a new learner need besides
 * the content library (which start-up has already loaded): the roadmap with its graph layout
 * (/me, /roadmap, /careers) and every lesson's checks (exercise titles, quizzes). Without it the
 * first sign-up after a start waited seconds for /me. A failure here is only logged: the page
 * that needs the content loads it again and reports the problem itself.
 */
export function warmUp(): void {
  const started = performance.now();
  void Promise.all([getRoadmapContent(), exerciseTitles()]).then(
    () => console.log(`content warmed up in ${Math.round(performance.now() - started)} ms`),
    (error: unknown) => console.error("warming up the content failed:", error),
  );
}
