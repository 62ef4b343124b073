import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import {
  DraftSaver,
  type KeyValueStorage,
  retryDelay,
  type SaveResult,
  type SaverSnapshot,
} from "@/lib/studio/draft-saver";

/**
 * A stand-in for the draft route with its real rule: a save is refused with 409 when the file
 * changed after the base revision; every accepted save bumps the draft's revision.
 */
class FakeDraftServer {
  revision = 1;
  text = "v1";
  fileRevision = 1;
  down = 0;
  readonly requests: { text: string; baseRevision: number }[] = [];

  save = async (text: string, baseRevision: number): Promise<SaveResult> => {
    this.requests.push({ text, baseRevision });
    if (this.down > 0) {
      this.down -= 1;
      return { kind: "failed", message: "HTTP 503" };
    }
    if (this.fileRevision > baseRevision) {
      return { kind: "conflict", revision: this.revision, text: this.text };
    }
    if (text.length > 100) return { kind: "rejected", message: "the file is over 100 characters" };
    this.revision += 1;
    this.fileRevision = this.revision;
    this.text = text;
    return { kind: "saved", revision: this.revision, problems: [] };
  };

  /** Another tab saves this file. */
  editElsewhere(text: string): void {
    this.revision += 1;
    this.fileRevision = this.revision;
    this.text = text;
  }
}

function memoryStorage(): KeyValueStorage & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
  };
}

const KEY = "draft:c:01-a.md";
let server: FakeDraftServer;
let storage: ReturnType<typeof memoryStorage>;
let last: SaverSnapshot | undefined;

function saver(initialText = server.text, initialRevision = server.revision) {
  return new DraftSaver({
    initialText,
    initialRevision,
    save: server.save,
    storage,
    storageKey: KEY,
    onChange: (snapshot) => (last = snapshot),
    debounceMs: 800,
    firstRetryMs: 1000,
    maxRetryMs: 8000,
  });
}

beforeEach(() => {
  vi.useFakeTimers();
  server = new FakeDraftServer();
  storage = memoryStorage();
  last = undefined;
});
afterEach(() => vi.useRealTimers());

describe("DraftSaver", () => {
  it("saves once, 800 ms after typing stops, and keeps the text locally until then", async () => {
    const s = saver();
    s.edit("v2");
    s.edit("v22");
    expect(last?.status).toBe("unsaved");
    expect(JSON.parse(storage.items.get(KEY)!).text).toBe("v22");
    await vi.advanceTimersByTimeAsync(799);
    expect(server.requests).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(server.requests).toEqual([{ text: "v22", baseRevision: 1 }]);
    expect(last?.status).toBe("saved");
    expect(server.text).toBe("v22");
    expect(storage.items.has(KEY)).toBe(false);
  });

  it("saves at once on flush, and sends edits made during a save afterwards", async () => {
    const s = saver();
    s.edit("v2");
    s.flush();
    expect(last?.status).toBe("saving");
    s.edit("v3");
    await vi.advanceTimersByTimeAsync(0);
    expect(server.text).toBe("v2");
    expect(last?.status).toBe("unsaved");
    await vi.advanceTimersByTimeAsync(800);
    expect(server.requests.map((r) => r.baseRevision)).toEqual([1, 2]);
    expect(server.text).toBe("v3");
    expect(last?.status).toBe("saved");
  });

  it("retries a failed save with growing delays, and says so", async () => {
    server.down = 3;
    const s = saver();
    s.edit("v2");
    await vi.advanceTimersByTimeAsync(800);
    expect(last?.status).toBe("retrying");
    expect(storage.items.has(KEY)).toBe(true);
    await vi.advanceTimersByTimeAsync(999);
    expect(server.requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(server.requests).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(2000);
    expect(server.requests).toHaveLength(3);
    await vi.advanceTimersByTimeAsync(4000);
    expect(server.requests).toHaveLength(4);
    expect(last?.status).toBe("saved");
    expect(server.text).toBe("v2");
    expect(retryDelay(1)).toBe(1000);
    expect(retryDelay(3)).toBe(4000);
    expect(retryDelay(20)).toBe(30_000);
  });

  it("treats a thrown request (offline) like a failed one", async () => {
    const s = new DraftSaver({
      initialText: "a",
      initialRevision: 1,
      save: () => Promise.reject(new TypeError("Failed to fetch")),
      storage,
      storageKey: KEY,
      onChange: (snapshot) => (last = snapshot),
    });
    s.edit("b");
    s.flush();
    await vi.advanceTimersByTimeAsync(0);
    expect(last?.status).toBe("retrying");
    s.dispose();
  });

  it("stops on a conflict, then keeps mine over the new revision", async () => {
    const s = saver();
    server.editElsewhere("theirs");
    s.edit("mine");
    await vi.advanceTimersByTimeAsync(800);
    expect(last?.status).toBe("conflict");
    expect(last?.theirs).toBe("theirs");
    expect(s.hasUnsavedChanges()).toBe(true);
    s.edit("mine, more");
    await vi.advanceTimersByTimeAsync(5000);
    expect(server.requests).toHaveLength(1);
    s.keepMine();
    await vi.advanceTimersByTimeAsync(0);
    expect(server.text).toBe("mine, more");
    expect(last?.status).toBe("saved");
  });

  it("uses theirs on a conflict, dropping the local copy", async () => {
    const s = saver();
    server.editElsewhere("theirs");
    s.edit("mine");
    await vi.advanceTimersByTimeAsync(800);
    s.useTheirs();
    expect(last?.text).toBe("theirs");
    expect(last?.status).toBe("saved");
    expect(storage.items.has(KEY)).toBe(false);
    s.edit("theirs, edited");
    await vi.advanceTimersByTimeAsync(800);
    expect(server.text).toBe("theirs, edited");
  });

  it("saves over a revision that moved without this file changing", async () => {
    // The server says 409 with the very text this tab last knew: nothing to choose.
    const s = new DraftSaver({
      initialText: "a",
      initialRevision: 1,
      save: async (text, base) =>
        base < 5
          ? { kind: "conflict", revision: 5, text: "a" }
          : { kind: "saved", revision: 6, problems: [] },
      storage,
      storageKey: KEY,
      onChange: (snapshot) => (last = snapshot),
    });
    s.edit("b");
    s.flush();
    await vi.advanceTimersByTimeAsync(0);
    await vi.advanceTimersByTimeAsync(0);
    expect(last?.status).toBe("saved");
  });

  it("shows a refused save's reason and does not retry it", async () => {
    const s = saver();
    s.edit("x".repeat(101));
    await vi.advanceTimersByTimeAsync(800);
    expect(last?.status).toBe("rejected");
    expect(last?.message).toBe("the file is over 100 characters");
    await vi.advanceTimersByTimeAsync(60_000);
    expect(server.requests).toHaveLength(1);
    s.edit("short");
    await vi.advanceTimersByTimeAsync(800);
    expect(last?.status).toBe("saved");
  });

  it("offers a local copy that differs from the server's text, and restores it", async () => {
    const first = saver();
    first.edit("typed before the tab closed");
    first.dispose();
    const reopened = saver();
    expect(reopened.snapshot().localCopy).toBe("typed before the tab closed");
    expect(reopened.snapshot().text).toBe("v1");
    reopened.restoreLocal();
    expect(last?.text).toBe("typed before the tab closed");
    await vi.advanceTimersByTimeAsync(800);
    expect(server.text).toBe("typed before the tab closed");
  });

  it("forgets a local copy equal to the server's text, or one the author discards", () => {
    storage.setItem(KEY, JSON.stringify({ text: "v1", savedAt: 1 }));
    expect(saver().snapshot().localCopy).toBeNull();
    expect(storage.items.has(KEY)).toBe(false);
    storage.setItem(KEY, JSON.stringify({ text: "other", savedAt: 1 }));
    const s = saver();
    s.discardLocal();
    expect(s.snapshot().localCopy).toBeNull();
    expect(storage.items.has(KEY)).toBe(false);
  });
});
