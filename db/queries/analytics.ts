import "server-only";

import { sql } from "drizzle-orm";

import type { Database } from "../client";
import { exerciseAttempts, lessonProgress } from "../schema";

export interface LessonStats {
  readonly courseId: string;
  readonly lessonId: string;
  readonly learners: number;
  readonly completed: number;
}

export interface ExerciseStats {
  readonly courseId: string;
  readonly cellId: string;
  readonly learners: number;
  readonly attempts: number;
  readonly solvers: number;
}

/** Per lesson: how many learners opened it and how many completed it. */
export async function lessonStats(db: Database): Promise<LessonStats[]> {
  const rows = await db
    .select({
      courseId: lessonProgress.courseId,
      lessonId: lessonProgress.lessonId,
      learners: sql<number>`count(*)::int`,
      completed: sql<number>`count(*) filter (where ${lessonProgress.status} = 'completed')::int`,
    })
    .from(lessonProgress)
    .groupBy(lessonProgress.courseId, lessonProgress.lessonId);
  return rows;
}

/** Per exercise: learners who tried, attempts, and learners who solved it. */
export async function exerciseStats(db: Database): Promise<ExerciseStats[]> {
  return db
    .select({
      courseId: exerciseAttempts.courseId,
      cellId: exerciseAttempts.cellId,
      learners: sql<number>`count(distinct ${exerciseAttempts.userId})::int`,
      attempts: sql<number>`count(*)::int`,
      solvers: sql<number>`count(distinct ${exerciseAttempts.userId}) filter (where ${exerciseAttempts.passed})::int`,
    })
    .from(exerciseAttempts)
    .groupBy(exerciseAttempts.courseId, exerciseAttempts.cellId);
}
