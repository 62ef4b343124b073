import "server-only";

import { processCache } from "@/lib/cache/process-cache";
import { contentRoot, getContentLibrary } from "@/lib/notebook/file-repository";

import { getLessonChecks } from "./repository";

export interface ExerciseTitle {
  /** The exercise's own title from its lesson's exercises file ("Prepare given amplitudes"). */
  readonly title: string;
  readonly lessonTitle: string;
  /** The exercise cell on its lesson page. */
  readonly href: string;
}

/**
 * Every exercise's title by `${courseId}/${cellId}`, for the pages learners read (activity,
 * roadmap evidence, profiles), which store only the cell id. Loaded once per process; a lesson
 * whose exercises file fails to load is left out, so its cells fall back to their ids instead
 * of taking the whole page down (the content tests and the lesson page report such files).
 */
export function exerciseTitles(): Promise<ReadonlyMap<string, ExerciseTitle>> {
  return processCache(`exercise-titles:${contentRoot()}`, load);
}

async function load(): Promise<ReadonlyMap<string, ExerciseTitle>> {
  const library = await getContentLibrary();
  const titles = new Map<string, ExerciseTitle>();
  await Promise.all(
    [...library.lessons.values()].map(async (lesson) => {
      const { courseId, id, slug, title } = lesson.meta;
      const checks = await getLessonChecks(courseId, id).catch(() => undefined);
      for (const exercise of checks?.exercises ?? []) {
        titles.set(`${courseId}/${exercise.cell}`, {
          title: exercise.title,
          lessonTitle: title,
          href: `/learn/${courseId}/${slug}#cell-${exercise.cell}`,
        });
      }
    }),
  );
  return titles;
}
