import "server-only";

import path from "node:path";

import { contentRoot } from "@/lib/notebook/file-repository";
import { loadContent, type ContentLibrary } from "@/lib/notebook/load-content";

import { type LessonChecks, loadLessonChecks } from "./load-checks";

/**
 * Server-side access to the checks of a lesson (exercise references, quiz answers). These never
 * leave the server except through grading results; each process loads them once.
 */
let library: Promise<ContentLibrary> | undefined;
const checks = new Map<string, Promise<LessonChecks>>();

export function getLessonChecks(
  courseId: string,
  lessonId: string,
): Promise<LessonChecks | undefined> {
  const key = `${courseId}/${lessonId}`;
  let pending = checks.get(key);
  if (!pending) {
    pending = (async () => {
      library ??= loadContent(contentRoot());
      const lib = await library;
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
