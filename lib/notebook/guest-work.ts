/**
 * Work a guest saved in this browser, found by its storage keys, grouped by lesson so it can
 * be offered for merge into an account after signing in.
 */
import type { SavedCell } from "./cell-state";

export const GUEST_PREFIX = "ketbook:cell:guest:";

export interface GuestLessonWork {
  readonly courseId: string;
  readonly lessonId: string;
  readonly cells: {
    readonly cellId: string;
    readonly source: string;
    readonly editedAt: number;
    readonly key: string;
  }[];
}

export function findGuestWork(storage: Storage): GuestLessonWork[] {
  const byLesson = new Map<string, GuestLessonWork>();
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (!key?.startsWith(GUEST_PREFIX)) continue;
    const match = /^([a-z0-9-]+)\/([a-z0-9-]+)#([a-z0-9-]+)$/.exec(key.slice(GUEST_PREFIX.length));
    if (!match) continue;
    let saved: SavedCell;
    try {
      saved = JSON.parse(storage.getItem(key) ?? "") as SavedCell;
    } catch {
      continue;
    }
    if (typeof saved.source !== "string" || !(saved.updatedAt > 0)) continue;
    const [, courseId, lessonId, cellId] = match;
    const lessonKey = `${courseId}/${lessonId}`;
    const work = byLesson.get(lessonKey) ?? { courseId, lessonId, cells: [] };
    work.cells.push({ cellId, source: saved.source, editedAt: saved.updatedAt, key });
    byLesson.set(lessonKey, work);
  }
  return [...byLesson.values()];
}
