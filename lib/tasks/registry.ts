/**
 * Every task the simulation pool can run: its name, input, output and progress types, and the
 * handler that runs it inside a worker. The pool itself (lib/runner) knows none of them.
 */
import type { ExerciseFeedback } from "@/lib/grading/feedback";
import type { QuizResult } from "@/lib/grading/grade-quiz";
import type { ExperimentProgress, ExperimentResult } from "@/lib/qml/experiments/result";
import type { TaskHandlers, TaskSpec } from "@/lib/runner/protocol";

import {
  experimentExportTask,
  experimentTask,
  type ExperimentExportInput,
  type ExperimentInput,
} from "./experiment-task";
import {
  exportCode,
  notebookCode,
  type ExportInput,
  type NotebookCode,
  type NotebookCodeInput,
} from "./export-code";
import { gradeTask, quizTask, type GradeInput, type QuizInput } from "./grading-tasks";
import { runCircuit, type Outcome, type RunInput, type RunOutcome } from "./run-circuit";
import {
  verifyCourseTask,
  type VerifyCourseInput,
  type VerifyCourseOutput,
} from "./verify-course-task";

export type Tasks = {
  run: TaskSpec<RunInput, RunOutcome>;
  export: TaskSpec<ExportInput, Outcome<string>>;
  "notebook-code": TaskSpec<NotebookCodeInput, NotebookCode>;
  grade: TaskSpec<GradeInput, Outcome<ExerciseFeedback>>;
  quiz: TaskSpec<QuizInput, Outcome<QuizResult>>;
  experiment: TaskSpec<ExperimentInput, Outcome<ExperimentResult>, ExperimentProgress>;
  "experiment-export": TaskSpec<ExperimentExportInput, Outcome<string>>;
  "verify-course": TaskSpec<VerifyCourseInput, VerifyCourseOutput>;
};

export type TaskKind = keyof Tasks;

export const taskHandlers: TaskHandlers<Tasks> = {
  run: runCircuit,
  export: exportCode,
  "notebook-code": notebookCode,
  grade: gradeTask,
  quiz: quizTask,
  experiment: experimentTask,
  "experiment-export": experimentExportTask,
  "verify-course": verifyCourseTask,
};
