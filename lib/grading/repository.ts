import "server-only";

import path from "node:path";

import { processCache } from "@/lib/cache/process-cache";
import { contentRoot, getContentLibrary } from "@/lib/notebook/file-repository";

import { type LessonChecks, loadLessonChecks } from "./load-checks";

/**
 * Server-side access to the checks of a lesson (exercise references, quiz answers). These never
 * leave the server except through grading results; each process loads them once (shared by
 * every bundle of the process: lib/cache/process-cache.ts).
 */

/**
 * The checks of a lesson, or undefined when there is no such lesson. A lesson without check
 * files has no exercises and no quiz. A check file that fails to parse or validate rejects with
 * its ContentError (file and line): a broken quiz must never read as "this lesson has no quiz".
 * Content tests catch such files before they are committed; at run time the route answers 500
 * and logs the error. A failed load is not kept, so a fixed file is picked up on the next call.
 */
export async function getLessonChecks(
  courseId: string,
  lessonId: string,
): Promise<LessonChecks | undefined> {
  const lib = await getContentLibrary();
  const lesson = [...lib.lessons.values()].find(
    (l) => l.meta.courseId === courseId && l.meta.id === lessonId,
  );
  if (!lesson) return undefined;
  const root = contentRoot();
  return processCache(`checks:${root}:${courseId}/${lessonId}`, () => {
    // file is courses/<dir>/<stem>.md
    const [, dir, file] = lesson.meta.file.split(path.sep);
    return loadLessonChecks(root, dir, file.replace(/\.md$/, ""), { library: lib });
  });
}
