"use client";

import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useLayoutEffect,
  useMemo,
  useReducer,
  useRef,
} from "react";

import { scanCellInputs } from "@/lib/notebook/cell-inputs";
import { useSession } from "next-auth/react";

import {
  type CellId,
  type CellOutput,
  initialNotebook,
  nextCellId,
  type NotebookAction,
  notebookReducer,
  type NotebookState,
  type SavedCell,
  savedPart,
} from "@/lib/notebook/cell-state";
import { createLocalNotebookStore, type NotebookStore } from "@/lib/notebook/local-store";

import { fetchExperimentResults, requestExperiment } from "./experiment-request";
import { requestRun } from "./run-request";
import { fetchServerCells, pushServerCells } from "./server-sync";

interface NotebookApi {
  readonly state: NotebookState;
  readonly dispatch: (action: NotebookAction) => void;
  /** An author's preview: nothing is saved, and exercises are not graded (the draft is unpublished). */
  readonly preview: boolean;
  run(id: CellId, then?: "stay" | "advance"): Promise<void>;
  runAll(): Promise<void>;
  cancel(id: CellId): void;
  /** Cells register how to focus their editor, so Shift+Enter can move to the next one. */
  registerFocus(id: CellId, focus: () => void): () => void;
}

const NotebookContext = createContext<NotebookApi | null>(null);

export function useNotebook(): NotebookApi {
  const api = useContext(NotebookContext);
  if (!api) throw new Error("useNotebook must be used inside <NotebookProvider>");
  return api;
}

interface Props {
  courseId: string;
  lessonId: string;
  cells: readonly { id: CellId; source: string; language: "qasm" | "experiment" }[];
  /**
   * An author's preview (the studio): cells run, but nothing is restored or saved (in the browser
   * or the account) and no visit is recorded, so a preview never mixes with anyone's work.
   */
  preview?: boolean;
  children: ReactNode;
}

/** Delay before a signed-in learner's edits are sent to the server (they are saved locally at once). */
const SERVER_SAVE_DELAY_MS = 800;

export function NotebookProvider({ courseId, lessonId, cells, preview = false, children }: Props) {
  const [state, dispatch] = useReducer(notebookReducer, cells, initialNotebook);
  const session = useSession();
  const userId = (session.data?.user as { id?: string } | undefined)?.id;
  // Guests' work and each member's work live apart in the browser, so signing out never shows
  // one person's code to the next, and a guest's work can be offered for merge on sign-in.
  const owner = session.status === "loading" ? null : userId ? `user:${userId}` : "guest";
  const notebookKey = owner && !preview ? `${owner}:${courseId}/${lessonId}` : null;
  const accountId = preview ? undefined : userId;

  // The latest state for callbacks that outlive a render (a run finishing, Run all's loop).
  const stateRef = useRef(state);
  useLayoutEffect(() => {
    stateRef.current = state;
  }, [state]);
  const storeRef = useRef<NotebookStore | null>(null);
  const controllers = useRef(new Map<CellId, AbortController>());
  const focusers = useRef(new Map<CellId, () => void>());
  const savedAt = useRef(new Map<CellId, number>());
  const serverSavedAt = useRef(new Map<CellId, number>());
  const serverTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const experimentCells = useMemo(
    () => new Set(cells.filter((cell) => cell.language === "experiment").map((cell) => cell.id)),
    [cells],
  );

  // Restore saved work once we know who is reading, and follow edits made in other tabs.
  useEffect(() => {
    if (!notebookKey) return;
    const store = createLocalNotebookStore();
    storeRef.current = store;
    savedAt.current.clear();
    const restore = (id: CellId, cell: SavedCell) => {
      savedAt.current.set(id, cell.updatedAt);
      dispatch({ type: "restore", id, saved: cell });
    };
    for (const [id, cell] of Object.entries(store.load(notebookKey, stateRef.current.order)))
      restore(id, cell);
    return store.subscribe(notebookKey, restore);
  }, [notebookKey]);

  // Members: the account's copy is the source of truth across devices; the newest edit wins.
  useEffect(() => {
    if (!accountId) return;
    let cancelled = false;
    // The account's code, and each experiment's last result where it came from that same code
    // (a trained model's curves survive a new device or a cleared cache). One restore per cell,
    // so the code and its result arrive together.
    void Promise.all([
      fetchServerCells(courseId, lessonId),
      fetchExperimentResults(courseId, lessonId),
    ]).then(([serverCells, results]) => {
      if (cancelled) return;
      const code = new Map(serverCells.map((cell) => [cell.cellId, cell]));
      const outputs = new Map(results.map((stored) => [stored.cellId, stored]));
      for (const id of new Set([...code.keys(), ...outputs.keys()])) {
        const current = stateRef.current.cells[id];
        if (!current) continue;
        const server = code.get(id);
        if (server) serverSavedAt.current.set(id, server.editedAt);
        const source = server?.source ?? current.source;
        const stored = outputs.get(id);
        const output =
          !current.output && stored?.source === source
            ? ({ kind: "experiment", result: stored.result } as const)
            : current.output;
        if (!server && output === current.output) continue;
        dispatch({
          type: "restore",
          id,
          saved: {
            ...savedPart(current),
            source,
            output,
            updatedAt: server?.editedAt ?? current.updatedAt,
          },
        });
      }
    });
    void fetch("/api/progress/lessons", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ event: "visit", courseId, lessonId, seconds: 0 }),
    });
    return () => {
      cancelled = true;
    };
  }, [accountId, courseId, lessonId]);

  // Save every cell whose saved part changed: locally at once, to the account shortly after.
  useEffect(() => {
    const store = storeRef.current;
    if (!store || !notebookKey) return;
    for (const id of state.order) {
      const cell = state.cells[id];
      if (cell.updatedAt > (savedAt.current.get(id) ?? 0)) {
        savedAt.current.set(id, cell.updatedAt);
        store.save(notebookKey, id, savedPart(cell));
      }
    }
    if (!accountId) return;
    clearTimeout(serverTimer.current);
    serverTimer.current = setTimeout(() => {
      const changed = stateRef.current.order
        .map((id) => stateRef.current.cells[id])
        .filter(
          (cell) =>
            cell.updatedAt > (serverSavedAt.current.get(cell.id) ?? 0) &&
            cell.source !== cell.originalSource,
        )
        .map((cell) => ({ cellId: cell.id, source: cell.source, editedAt: cell.updatedAt }));
      if (changed.length === 0) return;
      void pushServerCells(courseId, lessonId, changed).then((ok) => {
        if (ok) for (const cell of changed) serverSavedAt.current.set(cell.cellId, cell.editedAt);
      });
    }, SERVER_SAVE_DELAY_MS);
  }, [state, notebookKey, accountId, courseId, lessonId]);

  const run = useCallback(
    async (id: CellId, then: "stay" | "advance" = "stay") => {
      const cell = stateRef.current.cells[id];
      if (!cell) return;
      controllers.current.get(id)?.abort();
      const controller = new AbortController();
      controllers.current.set(id, controller);
      if (then === "advance") {
        const next = nextCellId(stateRef.current, id);
        if (next) focusers.current.get(next)?.();
      }
      dispatch({ type: "run-started", id, now: Date.now() });

      let output: CellOutput;
      try {
        if (experimentCells.has(id)) {
          output = await requestExperiment(
            {
              source: cell.source,
              seed: cell.seed,
              // A preview's results are not kept with any learner's lesson.
              cell: preview ? undefined : { courseId, lessonId, cellId: id },
            },
            (progress) => dispatch({ type: "run-progress", id, progress }),
            controller.signal,
          );
        } else {
          const defaults = Object.fromEntries(
            scanCellInputs(cell.source).map((input) => [input.name, input.defaultValue]),
          );
          output = await requestRun(
            {
              source: cell.source,
              shots: cell.shots,
              seed: cell.seed,
              params: { ...defaults, ...cell.params },
            },
            controller.signal,
          );
        }
      } catch (error) {
        if ((error as Error).name === "AbortError") {
          dispatch({ type: "run-cancelled", id });
          return;
        }
        output = {
          kind: "error",
          error: {
            code: "internal",
            message: `Could not reach the simulator: ${(error as Error).message}`,
          },
        };
      } finally {
        if (controllers.current.get(id) === controller) controllers.current.delete(id);
      }
      dispatch({ type: "run-finished", id, output, now: Date.now() });
    },
    [experimentCells, courseId, lessonId, preview],
  );

  const api = useMemo<NotebookApi>(
    () => ({
      state,
      dispatch,
      preview,
      run,
      async runAll() {
        for (const id of stateRef.current.order) await run(id);
      },
      cancel(id) {
        controllers.current.get(id)?.abort();
      },
      registerFocus(id, focus) {
        focusers.current.set(id, focus);
        return () => focusers.current.delete(id);
      },
    }),
    [state, run, preview],
  );

  return <NotebookContext.Provider value={api}>{children}</NotebookContext.Provider>;
}
