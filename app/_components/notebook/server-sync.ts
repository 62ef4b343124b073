import type { CellId } from "@/lib/notebook/cell-state";

export interface ServerCell {
  cellId: CellId;
  source: string;
  editedAt: number;
}

/** A signed-in learner's saved code for one lesson. */
export async function fetchServerCells(courseId: string, lessonId: string): Promise<ServerCell[]> {
  const query = new URLSearchParams({ courseId, lessonId });
  const response = await fetch(`/api/progress/cells?${query}`, { cache: "no-store" });
  if (!response.ok) return [];
  return ((await response.json()) as { cells: ServerCell[] }).cells;
}

/**
 * Saves cells to the account, retrying a few times with back-off: the server keeps the newest
 * edit of each cell, so a repeated save is harmless.
 */
export async function pushServerCells(
  courseId: string,
  lessonId: string,
  cells: ServerCell[],
): Promise<boolean> {
  for (let attempt = 0; attempt < 4; attempt++) {
    try {
      const response = await fetch("/api/progress/cells", {
        method: "PUT",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ courseId, lessonId, cells }),
        keepalive: true,
      });
      if (response.ok) return true;
      if (response.status < 500 && response.status !== 429) return false;
    } catch {
      // offline or the server restarted: try again
    }
    await new Promise((resolve) => setTimeout(resolve, 500 * 2 ** attempt));
  }
  return false;
}
