/**
 * The studio's calls to the course draft routes (app/api/studio/courses/[id]/...), turned into
 * results the editor can act on. Network errors and server errors are "failed" (worth retrying);
 * refusals with a reason are "rejected" (the author must change something).
 */
import type { Lesson } from "@/lib/notebook/types";
import type { Problem, SaveResult } from "@/lib/studio/draft-saver";

function draftUrl(courseId: string): string {
  return `/api/studio/courses/${encodeURIComponent(courseId)}`;
}

/**
 * Error answers are `{ error: { message, ...details } }` (lib/http/json-body.ts errorResponse);
 * a bare `{ error: "..." }` is read too. Details may sit in `error` or beside it.
 */
interface ErrorAnswer {
  readonly message: string;
  readonly details: Record<string, unknown>;
}

async function readError(response: Response): Promise<ErrorAnswer> {
  const body = (await response.json().catch(() => null)) as Record<string, unknown> | null;
  const error = body?.error;
  if (typeof error === "string") return { message: error, details: body ?? {} };
  if (error && typeof error === "object") {
    const details = { ...body, ...(error as Record<string, unknown>) };
    const message = (error as { message?: unknown }).message;
    if (typeof message === "string") return { message, details };
  }
  return { message: `the server answered ${response.status}`, details: body ?? {} };
}

async function errorMessage(response: Response): Promise<string> {
  return (await readError(response)).message;
}

export async function saveDraftFile(
  courseId: string,
  name: string,
  text: string,
  baseRevision: number,
): Promise<SaveResult> {
  let response: Response;
  try {
    response = await fetch(`${draftUrl(courseId)}/draft/files/${encodeURIComponent(name)}`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ text, baseRevision }),
    });
  } catch (error) {
    return { kind: "failed", message: (error as Error).message };
  }
  return readSaveAnswer(response);
}

/** What a PUT to a draft file answered, as the saver acts on it. */
export async function readSaveAnswer(response: Response): Promise<SaveResult> {
  if (response.ok) {
    const body = (await response.json()) as { revision: number; problems?: Problem[] };
    return { kind: "saved", revision: body.revision, problems: body.problems ?? [] };
  }
  if (response.status === 409) {
    const { message, details } = await readError(response);
    if (typeof details.revision !== "number") return { kind: "rejected", message };
    const text = typeof details.text === "string" ? details.text : null;
    return { kind: "conflict", revision: details.revision, text };
  }
  // 408 and 429 are "try again later"; 5xx is the server's fault. Both are retried.
  if (response.status >= 500 || response.status === 408 || response.status === 429) {
    return { kind: "failed", message: await errorMessage(response) };
  }
  if (response.status === 401) {
    return { kind: "rejected", message: "you are signed out: sign in again to save" };
  }
  return { kind: "rejected", message: await errorMessage(response) };
}

export type PreviewResult =
  | { readonly ok: true; readonly lesson: Lesson }
  | { readonly ok: false; readonly problems: readonly Problem[] }
  | { readonly ok: false; readonly error: string };

export async function previewLesson(
  courseId: string,
  name: string,
  text: string,
  signal?: AbortSignal,
): Promise<PreviewResult> {
  const response = await fetch(`${draftUrl(courseId)}/preview`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ name, text }),
    signal,
  });
  if (!response.ok) return { ok: false, error: await errorMessage(response) };
  return (await response.json()) as PreviewResult;
}
