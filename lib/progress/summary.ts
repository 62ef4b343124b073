/**
 * What the learner dashboard shows, computed from progress rows and the course catalog.
 * Pure, so it is tested without a database.
 */
import type { Course } from "@/lib/notebook/types";

export interface LessonProgressRow {
  readonly courseId: string;
  readonly lessonId: string;
  readonly status: "started" | "completed";
  readonly secondsSpent: number;
  readonly lastSeenAt: Date;
}

export interface CourseSummary {
  readonly course: Course;
  readonly completed: number;
  readonly total: number;
  readonly percent: number;
  readonly lastSeenAt: Date;
}

export function summariseCourses(
  courses: readonly Course[],
  rows: readonly LessonProgressRow[],
): CourseSummary[] {
  const summaries: CourseSummary[] = [];
  for (const course of courses) {
    const mine = rows.filter((r) => r.courseId === course.id);
    if (mine.length === 0) continue;
    const done = new Set(mine.filter((r) => r.status === "completed").map((r) => r.lessonId));
    const completed = course.lessons.filter((l) => done.has(l.id)).length;
    summaries.push({
      course,
      completed,
      total: course.lessons.length,
      percent: Math.round((100 * completed) / course.lessons.length),
      lastSeenAt: new Date(Math.max(...mine.map((r) => r.lastSeenAt.getTime()))),
    });
  }
  return summaries.sort((a, b) => b.lastSeenAt.getTime() - a.lastSeenAt.getTime());
}

/**
 * Consecutive days with activity ending today — or yesterday, so a streak is not shown as
 * broken before the learner had a chance to practise today. Days are `YYYY-MM-DD` (UTC).
 */
export function currentStreak(activeDays: readonly string[], today: Date): number {
  const days = new Set(activeDays);
  const dayString = (d: Date) => d.toISOString().slice(0, 10);
  const cursor = new Date(
    Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()),
  );
  if (!days.has(dayString(cursor))) cursor.setUTCDate(cursor.getUTCDate() - 1);
  let streak = 0;
  while (days.has(dayString(cursor))) {
    streak++;
    cursor.setUTCDate(cursor.getUTCDate() - 1);
  }
  return streak;
}
