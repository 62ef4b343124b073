"use client";

import { completedIn, countCompleted, type CompletedLessons } from "@/lib/progress/lesson-state";

import { useCompletedLessons } from "./use-completed-lessons";

/** "3 of 18 lessons completed" on a library card. */
export function CourseCount({
  courseId,
  lessonIds,
  completed: initial,
}: {
  courseId: string;
  lessonIds: readonly string[];
  completed: CompletedLessons | null;
}) {
  const count = countCompleted(lessonIds, completedIn(useCompletedLessons(initial), courseId));
  return (
    <p className="meta course-progress">
      {count === lessonIds.length ? <span aria-hidden="true">✓ </span> : null}
      {count} of {lessonIds.length} lessons completed
    </p>
  );
}
