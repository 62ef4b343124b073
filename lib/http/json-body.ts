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
  checkJsonHeaders(request.headers, maxBytes);
  return parseValidated(await readBodyBytes(request, maxBytes), schema);
}

/**
 * What a JSON route reads of its request: the server edge gives exactly this to the routes it
 * answers itself (lib/http/edge-routes.mjs); behind Next, jsonCall() takes it from the Request.
 */
export interface JsonCall {
  readonly headers: Headers;
  /** The body, or its first `maxBytes` + 1 bytes when it is longer. */
  readonly body: Uint8Array;
  /** Aborts when the client goes away. */
  readonly signal: AbortSignal;
}

/** A Request's JsonCall, refused (415, 413) before reading a body that is not JSON or too large. */
export async function jsonCall(request: Request, maxBytes: number): Promise<JsonCall> {
  checkJsonHeaders(request.headers, maxBytes);
  const body = await readBodyBytes(request, maxBytes);
  return { headers: request.headers, body, signal: request.signal };
}

/**
 * A body already read (at most `maxBytes` + 1 bytes of it), checked as readJsonBody checks one:
 * its type, its size, JSON, then `schema`.
 */
export function parseJsonBody<S extends z.ZodType>(
  headers: Headers,
  bytes: Uint8Array,
  schema: S,
  maxBytes: number,
): z.output<S> {
  checkJsonHeaders(headers, maxBytes);
  if (bytes.byteLength > maxBytes) throw tooLarge(maxBytes);
  return parseValidated(bytes, schema);
}

function checkJsonHeaders(headers: Headers, maxBytes: number): void {
  const type = headers.get("content-type") ?? "";
  if (!/^application\/json\b/i.test(type)) {
    throw new BadRequestError(415, "send the body as JSON with Content-Type: application/json");
  }
  if (Number(headers.get("content-length") ?? "0") > maxBytes) throw tooLarge(maxBytes);
}

function tooLarge(maxBytes: number): BadRequestError {
  return new BadRequestError(413, `the body is larger than ${maxBytes} bytes`);
}

function parseValidated<S extends z.ZodType>(bytes: Uint8Array, schema: S): z.output<S> {
  let data: unknown;
  try {
    data = JSON.parse(new TextDecoder().decode(bytes));
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

/** The raw body (an uploaded file), refused with 413 past `maxBytes` without buffering it whole. */
export async function readBodyBytes(request: Request, maxBytes: number): Promise<Uint8Array> {
  if (Number(request.headers.get("content-length") ?? "0") > maxBytes) throw tooLarge(maxBytes);
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
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return new Uint8Array(Buffer.concat(chunks));
}

/**
 * A JSON route's answer before it is an HTTP response: a route the server edge answers itself
 * (lib/http/edge-routes.mjs) gives it to the edge, which writes it without building a Response.
 */
export interface JsonAnswer {
  readonly status: number;
  readonly body: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

/** `{ error: { message, ... } }` with a status: the one error shape of every JSON route. */
export function errorAnswer(
  status: number,
  error: Record<string, unknown> & { message: string },
  headers?: Readonly<Record<string, string>>,
): JsonAnswer {
  return { status, body: { error }, headers };
}

export function answerResponse(answer: JsonAnswer): Response {
  return Response.json(answer.body, { status: answer.status, headers: answer.headers });
}

export function errorResponse(
  status: number,
  error: Record<string, unknown> & { message: string },
  headers?: Readonly<Record<string, string>>,
): Response {
  return answerResponse(errorAnswer(status, error, headers));
}
