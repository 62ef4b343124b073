"use client";

import Link from "next/link";

import type { LessonMeta } from "@/lib/notebook/types";
import { completedIn, countCompleted, type CompletedLessons } from "@/lib/progress/lesson-state";

import { formatMinutes } from "../format";
import { useCompletedLessons } from "./use-completed-lessons";

/** A course's lessons in order, each ticked once the learner has completed it. */
export function Syllabus({
  courseId,
  lessons,
  completed: initial,
}: {
  courseId: string;
  lessons: readonly LessonMeta[];
  completed: CompletedLessons | null;
}) {
  const done = new Set(completedIn(useCompletedLessons(initial), courseId));
  const count = countCompleted(
    lessons.map((l) => l.id),
    [...done],
  );
  return (
    <>
      <p className="meta course-progress">
        {count} of {lessons.length} lessons completed
      </p>
      <ol className="syllabus">
        {lessons.map((lesson) => {
          const isDone = done.has(lesson.id);
          return (
            <li key={lesson.id} className={`syllabus__item${isDone ? " is-done" : ""}`}>
              <Link href={`/learn/${courseId}/${lesson.slug}`} className="syllabus__link">
                <span className="syllabus__number">
                  {isDone ? <span aria-hidden="true">✓</span> : lesson.position}
                </span>
                <span className="syllabus__body">
                  <span className="syllabus__title">
                    {lesson.title}
                    {isDone ? <span className="visually-hidden"> (completed)</span> : null}
                  </span>
                  <span className="syllabus__summary">{lesson.summary}</span>
                </span>
                <span className="syllabus__minutes">{formatMinutes(lesson.minutes)}</span>
              </Link>
            </li>
          );
        })}
      </ol>
    </>
  );
}
