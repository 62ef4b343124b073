import "server-only";

import { ForbiddenError, UnauthorizedError } from "@/lib/auth/guards";

import { BadRequestError, errorResponse } from "./json-body";
import { RateLimitedError } from "./rate-limit";

/**
 * Maps the typed errors of guards and body parsing to responses, at the edge only. Anything
 * else is a bug: logged, and answered without internals (never a database message).
 */
export function toErrorResponse(error: unknown): Response {
  if (error instanceof BadRequestError)
    return errorResponse(error.status, { message: error.message });
  if (error instanceof RateLimitedError) {
    return errorResponse(
      429,
      { message: error.message },
      { "Retry-After": String(error.retryAfterSeconds) },
    );
  }
  if (error instanceof UnauthorizedError || error instanceof ForbiddenError) {
    return errorResponse(error.status, { message: error.message });
  }
  console.error("request failed", error);
  return errorResponse(500, { message: "Something went wrong on our side. Please try again." });
}

/** Wraps a route handler so every failure becomes a JSON error with the right status. */
export function handle<A extends unknown[]>(fn: (...args: A) => Promise<Response>) {
  return async (...args: A): Promise<Response> => {
    try {
      return await fn(...args);
    } catch (error) {
      return toErrorResponse(error);
    }
  };
}
