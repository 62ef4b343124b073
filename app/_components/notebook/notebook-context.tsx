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
import {
  type CellId,
  type CellOutput,
  initialNotebook,
  nextCellId,
  type NotebookAction,
  notebookReducer,
  type NotebookState,
  savedPart,
} from "@/lib/notebook/cell-state";
import { createLocalNotebookStore, type NotebookStore } from "@/lib/notebook/local-store";

import { requestRun } from "./run-request";

interface NotebookApi {
  readonly state: NotebookState;
  readonly dispatch: (action: NotebookAction) => void;
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
  /** Identifies the lesson's notebook in storage: `${courseId}/${lessonId}`. */
  notebookKey: string;
  cells: readonly { id: CellId; source: string }[];
  children: ReactNode;
}

export function NotebookProvider({ notebookKey, cells, children }: Props) {
  const [state, dispatch] = useReducer(notebookReducer, cells, initialNotebook);
  // The latest state for callbacks that outlive a render (a run finishing, Run all's loop).
  const stateRef = useRef(state);
  useLayoutEffect(() => {
    stateRef.current = state;
  }, [state]);
  const storeRef = useRef<NotebookStore | null>(null);
  const controllers = useRef(new Map<CellId, AbortController>());
  const focusers = useRef(new Map<CellId, () => void>());
  const savedAt = useRef(new Map<CellId, number>());

  // Restore saved work after hydration, and follow edits made in other tabs.
  useEffect(() => {
    const store = createLocalNotebookStore();
    storeRef.current = store;
    const saved = store.load(notebookKey, stateRef.current.order);
    for (const [id, cell] of Object.entries(saved)) {
      savedAt.current.set(id, cell.updatedAt);
      dispatch({ type: "restore", id, saved: cell });
    }
    return store.subscribe(notebookKey, (id, cell) => {
      savedAt.current.set(id, cell.updatedAt);
      dispatch({ type: "restore", id, saved: cell });
    });
  }, [notebookKey]);

  // Save every cell whose saved part changed, at once (localStorage writes are synchronous and small).
  useEffect(() => {
    const store = storeRef.current;
    if (!store) return;
    for (const id of state.order) {
      const cell = state.cells[id];
      if (cell.updatedAt > (savedAt.current.get(id) ?? 0)) {
        savedAt.current.set(id, cell.updatedAt);
        store.save(notebookKey, id, savedPart(cell));
      }
    }
  }, [state, notebookKey]);

  const run = useCallback(async (id: CellId, then: "stay" | "advance" = "stay") => {
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

    const defaults = Object.fromEntries(
      scanCellInputs(cell.source).map((input) => [input.name, input.defaultValue]),
    );
    let output: CellOutput;
    try {
      output = await requestRun(
        {
          source: cell.source,
          shots: cell.shots,
          seed: cell.seed,
          params: { ...defaults, ...cell.params },
        },
        controller.signal,
      );
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
  }, []);

  const api = useMemo<NotebookApi>(
    () => ({
      state,
      dispatch,
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
    [state, run],
  );

  return <NotebookContext.Provider value={api}>{children}</NotebookContext.Provider>;
}
