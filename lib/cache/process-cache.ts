/**
 * A value loaded once per server process and shared by every bundle in it. Next loads
 * instrumentation.ts and each route in module graphs of their own, so a plain module-level
 * cache filled at start-up is a different variable from the one a page reads: the first page
 * that needed the content library paid for parsing every lesson again (seconds on a busy
 * machine; most of a first sign-up's wait for /me). Keyed on globalThis instead, the start-up
 * load serves every route. A failed load is forgotten, so a fixed file is read on the next call.
 */
type Store = Map<string, Promise<unknown>>;

const STORE = Symbol.for("ketbook.process-cache");

function store(): Store {
  const holder = globalThis as unknown as Record<symbol, Store | undefined>;
  return (holder[STORE] ??= new Map());
}

/** The cached promise for `key`, loading it with `load` the first time. */
export function processCache<T>(key: string, load: () => Promise<T>): Promise<T> {
  const entries = store();
  let pending = entries.get(key) as Promise<T> | undefined;
  if (!pending) {
    pending = load();
    entries.set(key, pending);
    pending.catch(() => {
      if (entries.get(key) === pending) entries.delete(key);
    });
  }
  return pending;
}
