import "server-only";

import { and, eq, sql } from "drizzle-orm";

import type { Database } from "../client";
import { experimentResults } from "../schema";

export interface StoredExperimentResult {
  readonly cellId: string;
  /** The cell's text that produced the result (spec and circuit). */
  readonly source: string;
  readonly result: unknown;
  readonly savedAt: Date;
}

/** Keeps a learner's latest finished run of an experiment cell (a later run replaces it). */
export async function saveExperimentResult(
  db: Database,
  userId: string,
  courseId: string,
  lessonId: string,
  cell: { cellId: string; source: string; result: unknown },
): Promise<void> {
  await db
    .insert(experimentResults)
    .values({ userId, courseId, lessonId, ...cell })
    .onConflictDoUpdate({
      target: [
        experimentResults.userId,
        experimentResults.courseId,
        experimentResults.lessonId,
        experimentResults.cellId,
      ],
      set: { source: sql`excluded.source`, result: sql`excluded.result`, savedAt: sql`now()` },
    });
}

export async function listExperimentResults(
  db: Database,
  userId: string,
  courseId: string,
  lessonId: string,
): Promise<StoredExperimentResult[]> {
  return db
    .select({
      cellId: experimentResults.cellId,
      source: experimentResults.source,
      result: experimentResults.result,
      savedAt: experimentResults.savedAt,
    })
    .from(experimentResults)
    .where(
      and(
        eq(experimentResults.userId, userId),
        eq(experimentResults.courseId, courseId),
        eq(experimentResults.lessonId, lessonId),
      ),
    );
}
