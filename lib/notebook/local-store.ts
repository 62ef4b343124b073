/**
 * Browser persistence of notebook cells in localStorage: saved at once on every change, so a
 * reload, a crash or a closed tab loses nothing. Each cell is its own key, so two tabs editing
 * different cells never overwrite each other; for the same cell the newest edit wins.
 */
import type { CellId, SavedCell } from "./cell-state";

const PREFIX = "ketbook:cell:";
/** Outputs larger than this are not kept (the code always is): localStorage holds ~5 MB. */
const MAX_OUTPUT_CHARS = 200_000;

export interface NotebookStore {
  load(notebookKey: string, cellIds: readonly CellId[]): Record<CellId, SavedCell>;
  save(notebookKey: string, cellId: CellId, cell: SavedCell): void;
  /** Calls back when another tab saved a cell of this notebook. */
  subscribe(notebookKey: string, onChange: (cellId: CellId, cell: SavedCell) => void): () => void;
}

const storageKey = (notebookKey: string, cellId: CellId) => `${PREFIX}${notebookKey}#${cellId}`;

function parseSaved(text: string | null): SavedCell | undefined {
  if (!text) return undefined;
  try {
    const value = JSON.parse(text) as SavedCell;
    return typeof value.source === "string" && typeof value.updatedAt === "number"
      ? value
      : undefined;
  } catch {
    return undefined; // a corrupt entry is ignored, never fatal
  }
}

export function createLocalNotebookStore(storage: Storage = window.localStorage): NotebookStore {
  return {
    load(notebookKey, cellIds) {
      const saved: Record<CellId, SavedCell> = {};
      for (const id of cellIds) {
        const cell = parseSaved(storage.getItem(storageKey(notebookKey, id)));
        if (cell) saved[id] = cell;
      }
      return saved;
    },
    save(notebookKey, cellId, cell) {
      let text = JSON.stringify(cell);
      if (text.length > MAX_OUTPUT_CHARS) text = JSON.stringify({ ...cell, output: undefined });
      try {
        storage.setItem(storageKey(notebookKey, cellId), text);
      } catch {
        // Quota exceeded: keep the code, drop the output.
        storage.setItem(
          storageKey(notebookKey, cellId),
          JSON.stringify({ ...cell, output: undefined }),
        );
      }
    },
    subscribe(notebookKey, onChange) {
      const prefix = storageKey(notebookKey, "");
      const listener = (event: StorageEvent) => {
        if (!event.key?.startsWith(prefix)) return;
        const cell = parseSaved(event.newValue);
        if (cell) onChange(event.key.slice(prefix.length), cell);
      };
      window.addEventListener("storage", listener);
      return () => window.removeEventListener("storage", listener);
    },
  };
}
