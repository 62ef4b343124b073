import { readFileSync } from "node:fs";
import path from "node:path";

import { runLessonCell, type LessonCellRun } from "@/lib/notebook/run-lesson-cell";
import type { ExperimentResult } from "@/lib/qml/experiments/result";
import type { SimulationResult } from "@/lib/quantum/result";

/**
 * Runs a cell of the shipped course exactly as `npm run sim -- --lesson FILE --cell ID` and the
 * page do, so a content test can assert the numbers a lesson's prose states about that cell.
 */
const COURSE_DIR = path.join(process.cwd(), "content", "courses", "qml-foundations");

/** The text of a lesson, by its file stem (e.g. `10-qaoa`). */
export function lessonText(stem: string): string {
  return readFileSync(path.join(COURSE_DIR, `${stem}.md`), "utf8");
}

export function runCourseCell(stem: string, cellId: string, seed = 1): LessonCellRun {
  return runLessonCell(lessonText(stem), cellId, { seed });
}

/** A circuit cell's result (its slider inputs at their defaults); throws for an experiment. */
export function circuitCell(stem: string, cellId: string, seed = 1): SimulationResult {
  const run = runCourseCell(stem, cellId, seed);
  if (run.kind !== "circuit") throw new Error(`${stem} #${cellId} is an experiment cell`);
  return run.result;
}

/** An experiment cell's result; throws for a circuit cell. */
export function experimentCell(stem: string, cellId: string, seed?: number): ExperimentResult {
  const run = runLessonCell(lessonText(stem), cellId, { seed });
  if (run.kind !== "experiment") throw new Error(`${stem} #${cellId} is a circuit cell`);
  return run.result;
}
