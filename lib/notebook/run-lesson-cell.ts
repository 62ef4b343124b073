/**
 * Runs one cell of a lesson as the page runs it, for `npm run sim -- --lesson FILE --cell ID`:
 * a circuit cell with the page's default shots and each `input float` at its slider's default
 * (`// @range name lo hi default`), an experiment cell through the same runner as the page's
 * worker. Every mistake comes back as a LessonCellError located in the lesson file (the cell's
 * fence line plus the line within the cell), never in the cell alone. Pure: the caller reads
 * the file.
 */
import { ExperimentSpecError, splitExperiment } from "@/lib/qml/experiments/spec";
import type { ExperimentProgress, ExperimentResult } from "@/lib/qml/experiments/result";
import { runExperiment } from "@/lib/qml/experiments/run";
import { ExperimentLimitError } from "@/lib/qml/experiments/tracker";
import { compile } from "@/lib/quantum/compile";
import { QuantumError } from "@/lib/quantum/errors";
import type { SimulationResult } from "@/lib/quantum/result";
import { simulate } from "@/lib/quantum/simulate";

import { scanCellInputs } from "./cell-inputs";
import { DEFAULT_SHOTS } from "./cell-state";
import { findLessonCells, LessonCellError, type LessonCell } from "./lesson-cells";

export { LessonCellError } from "./lesson-cells";

/** The lesson has no cell with the requested id; `available` lists the ids it has. */
export class UnknownCellError extends Error {
  constructor(
    readonly cellId: string,
    readonly available: readonly string[],
  ) {
    super(
      available.length === 0
        ? `no cell "${cellId}": the lesson has no qasm or experiment cells`
        : `no cell "${cellId}" in this lesson; its cells are: ${available.join(", ")}`,
    );
    this.name = "UnknownCellError";
  }
}

export interface RunLessonCellOptions {
  /** The page's seed box: the circuit's sampling seed, or the experiment's seed. */
  readonly seed?: number;
  readonly onProgress?: (progress: ExperimentProgress) => void;
}

export type LessonCellRun =
  | {
      readonly kind: "circuit";
      readonly cell: LessonCell;
      /** The values the inputs were bound to (their slider defaults). */
      readonly params: Readonly<Record<string, number>>;
      readonly result: SimulationResult;
    }
  | { readonly kind: "experiment"; readonly cell: LessonCell; readonly result: ExperimentResult };

export function runLessonCell(
  lessonText: string,
  cellId: string,
  options: RunLessonCellOptions = {},
): LessonCellRun {
  const cells = findLessonCells(lessonText);
  const cell = cells.find((c) => c.id === cellId);
  if (!cell)
    throw new UnknownCellError(
      cellId,
      cells.map((c) => c.id),
    );
  try {
    if (cell.language === "experiment") {
      const result = runExperiment(cell.source, {
        seed: options.seed,
        onProgress: options.onProgress,
      });
      return { kind: "experiment", cell, result };
    }
    const params = Object.fromEntries(
      scanCellInputs(cell.source).map((input) => [input.name, input.defaultValue]),
    );
    const result = simulate(compile(cell.source, { params }), {
      shots: DEFAULT_SHOTS,
      seed: options.seed,
    });
    return { kind: "circuit", cell, params, result };
  } catch (error) {
    throw locate(error, cell);
  }
}

/**
 * Moves an error from the cell's coordinates to the lesson file's: the cell's first line is
 * the one after its fence; an experiment's circuit starts below its `---`. Errors that belong
 * to no line (a budget ran out) point at the fence. Anything else is a bug and passes through.
 */
function locate(error: unknown, cell: LessonCell): unknown {
  const at = (line: number, column: number) =>
    new LessonCellError((error as Error).message, cell.line + line, cell.indent + column, {
      cause: error,
    });
  if (error instanceof ExperimentSpecError) return at(error.line, error.column);
  if (error instanceof QuantumError) {
    if (!error.loc) return at(0, 1);
    const offset =
      cell.language === "experiment" ? splitExperiment(cell.source).circuitLine - 1 : 0;
    return at(error.loc.line + offset, error.loc.column);
  }
  if (error instanceof ExperimentLimitError) return at(0, 1);
  return error;
}
