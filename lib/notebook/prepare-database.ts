import "server-only";

import { getDatabase } from "@/db/client";
import { runMigrations } from "@/db/migrate";
import { syncFileCourses } from "@/db/queries/catalog";

import { fileCourseRepository } from "./file-repository";

/**
 * Migrate, then mirror the file-backed course catalog (content/) into the database. Called from
 * instrumentation.ts at start-up. It lives here, not in db/, because reading the courses is
 * lib's work: db/ only stores what it is given.
 */
export async function prepareDatabase(): Promise<void> {
  const handle = getDatabase();
  await runMigrations(handle);
  await syncFileCourses(handle.db, await fileCourseRepository.listCourses());
}
