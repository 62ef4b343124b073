import "server-only";

import path from "node:path";

import { contentRoot, getContentLibrary } from "@/lib/notebook/file-repository";

import { type LessonChecks, loadLessonChecks } from "./load-checks";

/**
 * Server-side access to the checks of a lesson (exercise references, quiz answers). These never
 * leave the server except through grading results; each process loads them once.
 */
const checks = new Map<string, Promise<LessonChecks>>();

export function getLessonChecks(
  courseId: string,
  lessonId: string,
): Promise<LessonChecks | undefined> {
  const key = `${courseId}/${lessonId}`;
  let pending = checks.get(key);
  if (!pending) {
    pending = (async () => {
      const lib = await getContentLibrary();
      const lesson = [...lib.lessons.values()].find(
        (l) => l.meta.courseId === courseId && l.meta.id === lessonId,
      );
      if (!lesson) throw new Error(`no lesson ${key}`);
      // file is courses/<dir>/<stem>.md
      const [, dir, file] = lesson.meta.file.split(path.sep);
      return loadLessonChecks(contentRoot(), dir, file.replace(/\.md$/, ""), { library: lib });
    })();
    pending.catch(() => checks.delete(key));
    checks.set(key, pending);
  }
  return pending.then(
    (value) => value,
    () => undefined,
  );
}
