import "server-only";

import { and, eq, notInArray, sql } from "drizzle-orm";

import type { Database } from "../client";
import { courses, lessons } from "../schema";

/** What the catalog stores of a file-backed course (a notebook Course has all of it). */
export interface CatalogCourse {
  readonly id: string;
  readonly title: string;
  readonly summary: string;
  readonly level: string;
  readonly lessons: readonly {
    readonly id: string;
    readonly slug: string;
    readonly position: number;
    readonly title: string;
    readonly minutes: number;
  }[];
}

/**
 * Mirrors file-backed courses into the database, so progress and enrolment rows can reference
 * them. Idempotent: run at every start; lessons removed from content/ are removed here too.
 */
export async function syncFileCourses(
  db: Database,
  fileCourses: readonly CatalogCourse[],
): Promise<void> {
  await db.transaction(async (tx) => {
    for (const course of fileCourses)
      await syncCatalogCourse(tx as unknown as Database, course, "file");
  });
}

/**
 * Writes one course and its lessons into the catalog ("file" for content/, "db" for a studio
 * course at publication); lessons the course no longer has are removed. Run it in a transaction.
 */
export async function syncCatalogCourse(
  tx: Database,
  course: CatalogCourse,
  source: "file" | "db",
): Promise<void> {
  await tx
    .insert(courses)
    .values({
      id: course.id,
      title: course.title,
      summary: course.summary,
      level: course.level,
      source,
    })
    .onConflictDoUpdate({
      target: courses.id,
      set: {
        title: course.title,
        summary: course.summary,
        level: course.level,
        updatedAt: sql`now()`,
      },
    });
  for (const lesson of course.lessons) {
    const values = {
      slug: lesson.slug,
      position: lesson.position,
      title: lesson.title,
      minutes: lesson.minutes,
    };
    await tx
      .insert(lessons)
      .values({ courseId: course.id, id: lesson.id, ...values })
      .onConflictDoUpdate({
        target: [lessons.courseId, lessons.id],
        set: { ...values, updatedAt: sql`now()` },
      });
  }
  const keep = course.lessons.map((l) => l.id);
  await tx
    .delete(lessons)
    .where(
      keep.length
        ? and(eq(lessons.courseId, course.id), notInArray(lessons.id, keep))
        : eq(lessons.courseId, course.id),
    );
}

export async function listCatalog(db: Database) {
  return db.query.courses.findMany({ orderBy: (c, { asc }) => [asc(c.title)] });
}

export async function listLessonRows(db: Database, courseId: string) {
  return db.select().from(lessons).where(eq(lessons.courseId, courseId)).orderBy(lessons.position);
}
