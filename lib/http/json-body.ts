import "server-only";

import type { z } from "zod";

/** A request body that could not be used, with the HTTP status and a reason for the client. */
export class BadRequestError extends Error {
  constructor(
    readonly status: 400 | 413 | 415,
    message: string,
  ) {
    super(message);
    this.name = "BadRequestError";
  }
}

/**
 * Reads a JSON body of at most `maxBytes`, parses it and validates it with `schema`. The size
 * is enforced while reading, so a huge body is refused without being buffered whole.
 */
export async function readJsonBody<S extends z.ZodType>(
  request: Request,
  schema: S,
  maxBytes: number,
): Promise<z.output<S>> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/json\b/i.test(type)) {
    throw new BadRequestError(415, "send the body as JSON with Content-Type: application/json");
  }
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes)
    throw new BadRequestError(413, `the body is larger than ${maxBytes} bytes`);

  const text = await readLimited(request, maxBytes);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new BadRequestError(400, `the body is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue.path.length ? `${issue.path.join(".")}: ` : "";
    throw new BadRequestError(400, `${where}${issue.message}`);
  }
  return parsed.data;
}

async function readLimited(request: Request, maxBytes: number): Promise<string> {
  return new TextDecoder().decode(await readBodyBytes(request, maxBytes));
}

/** The raw body (an uploaded file), refused with 413 past `maxBytes` without buffering it whole. */
export async function readBodyBytes(request: Request, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes)
    throw new BadRequestError(413, `the body is larger than ${maxBytes} bytes`);
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw new BadRequestError(413, `the body is larger than ${maxBytes} bytes`);
    }
    chunks.push(value);
  }
  return new Uint8Array(Buffer.concat(chunks));
}

/** `{ error: { message, ... } }` with a status: the one error shape of every JSON route. */
export function errorResponse(
  status: number,
  error: Record<string, unknown> & { message: string },
  headers?: HeadersInit,
): Response {
  return Response.json({ error }, { status, headers });
}
