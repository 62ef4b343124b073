/**
 * Run state of notebook cells as data, with pure transitions (the reducer). Saved work (the
 * source a learner typed, run settings, last output) is kept apart from transient state
 * (running, elapsed time), so what is persisted never contains a half-finished run.
 */
import type { ExperimentProgress, ExperimentResult } from "@/lib/qml/experiments/result";
import type { RunError, RunResult } from "@/lib/tasks/run-circuit";

export type CellId = string;

/** What survives a reload: stored per cell in the browser (and, for members, the database). */
export interface SavedCell {
  readonly source: string;
  readonly shots: number;
  readonly seed?: number;
  readonly params: Readonly<Record<string, number>>;
  readonly output?: CellOutput;
  readonly executionCount?: number;
  /** Epoch ms of the last edit, so the newest of two copies wins. */
  readonly updatedAt: number;
}

export type CellOutput =
  | { readonly kind: "result"; readonly result: RunResult }
  | { readonly kind: "experiment"; readonly result: ExperimentResult }
  | { readonly kind: "error"; readonly error: RunError };

export type CellStatus = "idle" | "running";

export interface CellState extends SavedCell {
  readonly id: CellId;
  readonly originalSource: string;
  readonly status: CellStatus;
  readonly startedAt?: number;
  /** An experiment's progress reports while it runs (transient: never saved). */
  readonly progress?: readonly ExperimentProgress[];
}

export interface NotebookState {
  readonly order: readonly CellId[];
  readonly cells: Readonly<Record<CellId, CellState>>;
  /** Jupyter-style counter: each run takes the next number. */
  readonly executionCounter: number;
}

export type NotebookAction =
  | { readonly type: "edit"; readonly id: CellId; readonly source: string; readonly now: number }
  | {
      readonly type: "set-shots";
      readonly id: CellId;
      readonly shots: number;
      readonly now: number;
    }
  | { readonly type: "set-seed"; readonly id: CellId; readonly seed?: number; readonly now: number }
  | {
      readonly type: "set-param";
      readonly id: CellId;
      readonly name: string;
      readonly value: number;
      readonly now: number;
    }
  | { readonly type: "run-started"; readonly id: CellId; readonly now: number }
  | {
      readonly type: "run-finished";
      readonly id: CellId;
      readonly output: CellOutput;
      readonly now: number;
    }
  | { readonly type: "run-progress"; readonly id: CellId; readonly progress: ExperimentProgress }
  | { readonly type: "run-cancelled"; readonly id: CellId }
  | { readonly type: "reset"; readonly id: CellId; readonly now: number }
  | { readonly type: "restore"; readonly id: CellId; readonly saved: SavedCell };

export const DEFAULT_SHOTS = 1024;

export function initialNotebook(cells: readonly { id: CellId; source: string }[]): NotebookState {
  const entries = cells.map((cell): [CellId, CellState] => [
    cell.id,
    {
      id: cell.id,
      originalSource: cell.source,
      source: cell.source,
      shots: DEFAULT_SHOTS,
      params: {},
      status: "idle",
      updatedAt: 0,
    },
  ]);
  return { order: cells.map((c) => c.id), cells: Object.fromEntries(entries), executionCounter: 0 };
}

export function notebookReducer(state: NotebookState, action: NotebookAction): NotebookState {
  const cell = state.cells[action.id];
  if (!cell) return state;
  const update = (patch: Partial<CellState>, counter = state.executionCounter): NotebookState => ({
    ...state,
    executionCounter: counter,
    cells: { ...state.cells, [action.id]: { ...cell, ...patch } },
  });

  switch (action.type) {
    case "edit":
      return cell.source === action.source
        ? state
        : update({ source: action.source, updatedAt: action.now });
    case "set-shots":
      return update({ shots: action.shots, updatedAt: action.now });
    case "set-seed":
      return update({ seed: action.seed, updatedAt: action.now });
    case "set-param":
      return update({
        params: { ...cell.params, [action.name]: action.value },
        updatedAt: action.now,
      });
    case "run-started":
      return update({ status: "running", startedAt: action.now, progress: [] });
    case "run-progress": {
      if (cell.status !== "running") return state;
      const progress = cell.progress ?? [];
      const last = progress.at(-1);
      // Heartbeats repeat the last step with a newer clock: replace rather than append them.
      const next =
        last && last.step === action.progress.step
          ? [...progress.slice(0, -1), action.progress]
          : [...progress, action.progress];
      return update({ progress: next });
    }
    case "run-finished": {
      const executionCount = state.executionCounter + 1;
      return update(
        {
          status: "idle",
          startedAt: undefined,
          progress: undefined,
          output: action.output,
          executionCount,
          updatedAt: action.now,
        },
        executionCount,
      );
    }
    case "run-cancelled":
      return update({ status: "idle", startedAt: undefined, progress: undefined });
    case "reset":
      return update({
        source: cell.originalSource,
        params: {},
        output: undefined,
        executionCount: undefined,
        updatedAt: action.now,
      });
    case "restore": {
      // A saved copy older than what is on screen (e.g. from another tab) must not overwrite it.
      if (action.saved.updatedAt < cell.updatedAt) return state;
      const counter = Math.max(state.executionCounter, action.saved.executionCount ?? 0);
      return update({ ...action.saved, status: cell.status }, counter);
    }
    default:
      return assertNeverAction(action);
  }
}

function assertNeverAction(action: never): never {
  throw new Error(`unknown notebook action ${JSON.stringify(action)}`);
}

/** The part of a cell that is saved. */
export function savedPart(cell: CellState): SavedCell {
  const { source, shots, seed, params, output, executionCount, updatedAt } = cell;
  return { source, shots, seed, params, output, executionCount, updatedAt };
}

/** The cell after `id` in notebook order (for Shift+Enter), or undefined at the end. */
export function nextCellId(state: NotebookState, id: CellId): CellId | undefined {
  const index = state.order.indexOf(id);
  return index >= 0 ? state.order[index + 1] : undefined;
}
