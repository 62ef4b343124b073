import "server-only";

import { fileCourseRepository } from "@/lib/notebook/file-repository";

import { getDatabase } from "./client";
import { runMigrations } from "./migrate";
import { syncFileCourses } from "./queries/catalog";

/** Migrate, then sync the file-backed catalog. Called from instrumentation.ts at start-up. */
export async function prepareDatabase(): Promise<void> {
  const handle = getDatabase();
  await runMigrations(handle);
  await syncFileCourses(handle.db, await fileCourseRepository.listCourses());
}
