/**
 * Autosave for one file of a course draft, without React or the network: the studio's
 * useAutosave hook gives it a `save` function (the PUT route) and localStorage; tests give it a
 * fake server and fake timers.
 *
 * What it promises the author:
 * - every edit is written to local storage at once, so a closed tab or a failed request loses
 *   nothing, and it is sent to the server shortly after typing stops (or at once on `flush`);
 * - a network failure or server error is retried with exponential backoff, and says so;
 * - an edit made elsewhere (another tab, a co-instructor) is never silently overwritten: the
 *   save is sent with the revision this file was last known at, and a conflict waits for the
 *   author to keep theirs or take the other.
 *
 * The base revision is kept per file: the draft's revision counts saves of every file, and a
 * save of another file must not make this file's base look newer than what this tab has seen.
 */

import type { Problem } from "./problem";

export type { Problem };

export type SaveResult =
  | { readonly kind: "saved"; readonly revision: number; readonly problems: readonly Problem[] }
  /** The file changed since the base revision: `text` is what is stored now (null: deleted). */
  | { readonly kind: "conflict"; readonly revision: number; readonly text: string | null }
  /** The server refused this text (too large, invalid name...): retrying will not help. */
  | { readonly kind: "rejected"; readonly message: string }
  /** The request did not get through (network, server error): worth retrying. */
  | { readonly kind: "failed"; readonly message: string };

export type SaveStatus = "saved" | "saving" | "unsaved" | "retrying" | "conflict" | "rejected";

export const SAVE_STATUS_TEXT: Record<Exclude<SaveStatus, "rejected">, string> = {
  saved: "Saved",
  saving: "Saving…",
  unsaved: "Unsaved changes",
  retrying: "Not saved — retrying (kept in this browser)",
  conflict: "Conflict: this file changed in another tab",
};

export interface SaverSnapshot {
  readonly status: SaveStatus;
  /** The text being edited (what the editor should show). */
  readonly text: string;
  /** Problems the server found in the whole draft after this file's last save. */
  readonly problems: readonly Problem[];
  /** When those problems were reported (0: never), so the newest report across files wins. */
  readonly problemsAt: number;
  /** Set while in conflict: the stored text (null when the file was deleted). */
  readonly theirs: string | null | undefined;
  /** Why the last save was refused (status "rejected"). */
  readonly message: string | null;
  /** A copy kept in this browser that differs from the server's text, offered for restore. */
  readonly localCopy: string | null;
}

export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export interface DraftSaverOptions {
  readonly initialText: string;
  readonly initialRevision: number;
  readonly save: (text: string, baseRevision: number) => Promise<SaveResult>;
  /** Where unsaved text is kept; null when the browser offers none (private mode, tests). */
  readonly storage: KeyValueStorage | null;
  readonly storageKey: string;
  /** Called with each new snapshot (see also `subscribe`). */
  readonly onChange?: (snapshot: SaverSnapshot) => void;
  readonly debounceMs?: number;
  readonly firstRetryMs?: number;
  readonly maxRetryMs?: number;
}

export const AUTOSAVE_DELAY_MS = 800;
const FIRST_RETRY_MS = 1000;
const MAX_RETRY_MS = 30_000;

/** The localStorage key of one draft file's unsaved text. */
export function draftStorageKey(courseId: string, name: string): string {
  return `ketbook:studio-draft:${courseId}:${name}`;
}

/** Delay before retry number `attempt` (1-based): doubling from `first`, capped at `max`. */
export function retryDelay(attempt: number, first = FIRST_RETRY_MS, max = MAX_RETRY_MS): number {
  return Math.min(max, first * 2 ** Math.max(0, attempt - 1));
}

interface StoredCopy {
  text: string;
  savedAt: number;
}

export class DraftSaver {
  private text: string;
  /** The text the server has for this file, as far as this tab knows. */
  private serverText: string;
  private baseRevision: number;
  private status: SaveStatus = "saved";
  private problems: readonly Problem[] = [];
  private problemsAt = 0;
  private theirs: { text: string | null; revision: number } | null = null;
  private message: string | null = null;
  private localCopy: string | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private inFlight = false;
  private attempt = 0;
  private disposed = false;
  private readonly options: DraftSaverOptions;
  private current: SaverSnapshot;
  private readonly listeners = new Set<() => void>();

  constructor(options: DraftSaverOptions) {
    this.options = options;
    this.text = options.initialText;
    this.serverText = options.initialText;
    this.baseRevision = options.initialRevision;
    const stored = this.readLocal();
    if (stored !== null && stored !== options.initialText) this.localCopy = stored;
    else if (stored !== null) this.removeLocal();
    this.current = this.build();
  }

  /** The current state; the same object until something changes (for useSyncExternalStore). */
  snapshot = (): SaverSnapshot => this.current;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private build(): SaverSnapshot {
    return {
      status: this.status,
      text: this.text,
      problems: this.problems,
      problemsAt: this.problemsAt,
      theirs: this.theirs ? this.theirs.text : undefined,
      message: this.message,
      localCopy: this.localCopy,
    };
  }

  /** The author changed the text. */
  edit(text: string): void {
    if (this.disposed || text === this.text) return;
    this.text = text;
    this.writeLocal();
    if (this.status === "conflict") return this.emit();
    if (this.status !== "saving" && this.status !== "retrying") this.status = "unsaved";
    this.message = null;
    this.schedule(this.options.debounceMs ?? AUTOSAVE_DELAY_MS);
    this.emit();
  }

  /** Save now (the editor lost focus, or the author pressed Ctrl+S). */
  flush(): void {
    if (this.disposed || this.status === "conflict") return;
    if (this.text === this.serverText && !this.inFlight) return;
    this.clearTimer();
    void this.saveNow();
  }

  /** Take the copy kept in this browser instead of the server's text (and save it). */
  restoreLocal(): void {
    if (this.localCopy === null) return;
    const copy = this.localCopy;
    this.localCopy = null;
    this.edit(copy);
    this.emit();
  }

  /** Forget the copy kept in this browser. */
  discardLocal(): void {
    this.localCopy = null;
    if (this.text === this.serverText) this.removeLocal();
    this.emit();
  }

  /** In a conflict: save this tab's text over the other one. */
  keepMine(): void {
    if (!this.theirs) return;
    this.baseRevision = this.theirs.revision;
    this.serverText = this.theirs.text ?? "";
    this.theirs = null;
    this.status = "unsaved";
    this.clearTimer();
    void this.saveNow();
  }

  /** In a conflict: drop this tab's edits and take the stored text. */
  useTheirs(): void {
    if (!this.theirs) return;
    const text = this.theirs.text ?? "";
    this.baseRevision = this.theirs.revision;
    this.serverText = text;
    this.text = text;
    this.theirs = null;
    this.status = "saved";
    this.removeLocal();
    this.emit();
  }

  /** True while something typed here is not on the server yet. */
  hasUnsavedChanges(): boolean {
    return this.text !== this.serverText || this.status === "conflict";
  }

  dispose(): void {
    this.disposed = true;
    this.clearTimer();
  }

  private schedule(delay: number): void {
    this.clearTimer();
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.saveNow();
    }, delay);
  }

  private clearTimer(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private async saveNow(): Promise<void> {
    // One request at a time: a later edit is sent when the current request has answered.
    if (this.inFlight || this.disposed) return;
    const text = this.text;
    this.inFlight = true;
    this.status = "saving";
    this.emit();
    let result: SaveResult;
    try {
      result = await this.options.save(text, this.baseRevision);
    } catch (error) {
      result = { kind: "failed", message: (error as Error).message };
    }
    this.inFlight = false;
    if (this.disposed) return;
    this.handle(result, text);
  }

  private handle(result: SaveResult, sent: string): void {
    switch (result.kind) {
      case "saved":
        this.attempt = 0;
        this.baseRevision = result.revision;
        this.serverText = sent;
        this.problems = result.problems;
        this.problemsAt = Date.now();
        this.message = null;
        if (this.text === sent) {
          this.status = "saved";
          this.removeLocal();
        } else {
          this.status = "unsaved";
          this.schedule(this.options.debounceMs ?? AUTOSAVE_DELAY_MS);
        }
        break;
      case "conflict":
        this.attempt = 0;
        // Nothing to choose when the stored text is what this tab last knew (only the revision
        // moved) or already what it is sending: save again on the new revision.
        if (result.text === this.serverText || result.text === sent) {
          this.baseRevision = result.revision;
          this.serverText = result.text ?? this.serverText;
          this.schedule(0);
          this.status = "saving";
          break;
        }
        this.theirs = { text: result.text, revision: result.revision };
        this.status = "conflict";
        break;
      case "rejected":
        this.attempt = 0;
        this.status = "rejected";
        this.message = result.message;
        break;
      case "failed":
        this.attempt += 1;
        this.status = "retrying";
        this.message = result.message;
        this.schedule(retryDelay(this.attempt, this.options.firstRetryMs, this.options.maxRetryMs));
        break;
    }
    this.emit();
  }

  private emit(): void {
    if (this.disposed) return;
    this.current = this.build();
    this.options.onChange?.(this.current);
    for (const listener of this.listeners) listener();
  }

  private readLocal(): string | null {
    try {
      const raw = this.options.storage?.getItem(this.options.storageKey);
      if (!raw) return null;
      const parsed = JSON.parse(raw) as Partial<StoredCopy>;
      return typeof parsed.text === "string" ? parsed.text : null;
    } catch {
      return null;
    }
  }

  private writeLocal(): void {
    try {
      const copy: StoredCopy = { text: this.text, savedAt: Date.now() };
      this.options.storage?.setItem(this.options.storageKey, JSON.stringify(copy));
    } catch {
      // A full or disabled storage: the server save is still on its way.
    }
  }

  private removeLocal(): void {
    try {
      this.options.storage?.removeItem(this.options.storageKey);
    } catch {
      // Nothing to do: a stale copy is only ever offered, never applied.
    }
  }
}
