import { describe, expect, it } from "vitest";

import type { SavedCell } from "@/lib/notebook/cell-state";
import { createLocalNotebookStore } from "@/lib/notebook/local-store";

/** The Web Storage interface over a Map: Node has no localStorage, and this is its whole contract. */
class MemoryStorage implements Storage {
  private items = new Map<string, string>();
  quota = Infinity;
  get length() {
    return this.items.size;
  }
  clear() {
    this.items.clear();
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  setItem(key: string, value: string) {
    if (value.length > this.quota) throw new DOMException("quota", "QuotaExceededError");
    this.items.set(key, value);
  }
}

const cell = (source: string, extra: Partial<SavedCell> = {}): SavedCell => ({
  source,
  shots: 1024,
  params: {},
  updatedAt: 1,
  ...extra,
});

describe("local notebook store", () => {
  it("saves and loads cells per notebook, each under its own key", () => {
    const storage = new MemoryStorage();
    const store = createLocalNotebookStore(storage);
    store.save("course/lesson", "a", cell("h q[0];"));
    store.save("course/other", "a", cell("x q[0];"));
    expect(store.load("course/lesson", ["a", "b"])).toEqual({ a: cell("h q[0];") });
    expect(storage.length).toBe(2);
  });

  it("ignores corrupt entries instead of failing", () => {
    const storage = new MemoryStorage();
    storage.setItem("ketbook:cell:n#a", "{not json");
    expect(createLocalNotebookStore(storage).load("n", ["a"])).toEqual({});
  });

  it("keeps the code and drops a large output when storage is short", () => {
    const storage = new MemoryStorage();
    storage.quota = 500;
    const store = createLocalNotebookStore(storage);
    const output = {
      kind: "error" as const,
      error: { code: "code" as const, message: "x".repeat(1000) },
    };
    store.save("n", "a", cell("h q[0];", { output }));
    expect(store.load("n", ["a"]).a).toEqual(cell("h q[0];"));
  });
});
