/**
 * The studio's JSON calls from the browser: one place that sends a body and turns an error
 * answer (`{ error: { message, … } }`) into something a page can show.
 */
export type StudioAnswer<T> =
  | { readonly ok: true; readonly data: T }
  | {
      readonly ok: false;
      readonly status: number;
      readonly message: string;
      readonly detail: Record<string, unknown>;
    };

export async function studioRequest<T>(
  url: string,
  method: "GET" | "POST" | "PUT" | "DELETE",
  body?: unknown,
): Promise<StudioAnswer<T>> {
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    return { ok: false, status: 0, message: "The server could not be reached.", detail: {} };
  }
  const data = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (response.ok) return { ok: true, data: data as T };
  const error = (data.error ?? {}) as Record<string, unknown>;
  return {
    ok: false,
    status: response.status,
    message:
      typeof error.message === "string" ? error.message : `The server answered ${response.status}.`,
    detail: error,
  };
}

/** The URL of a course's studio route. */
export function courseApi(courseId: string, ...segments: string[]): string {
  return [
    "/api/studio/courses",
    encodeURIComponent(courseId),
    ...segments.map(encodeURIComponent),
  ].join("/");
}
