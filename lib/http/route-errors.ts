import "server-only";

import { ForbiddenError, UnauthorizedError } from "@/lib/auth/guards";
import {
  AttemptKeyReusedError,
  GradingRefusedError,
  UnknownCheckError,
} from "@/lib/grading/errors";
import type {
  CancelledError,
  ClientBusyError,
  DeadlineError,
  QueueFullError,
  TaskCrashedError,
} from "@/lib/runner/pool";

import {
  answerResponse,
  BadRequestError,
  errorAnswer,
  type JsonAnswer,
  type JsonCall,
} from "./json-body";
import { RateLimitedError } from "./rate-limit";

/**
 * The pool's errors are recognised by name, not by class: the pool lives in one module instance
 * per process (started at boot), while each route may be bundled with its own copy of the pool
 * module, whose classes `instanceof` would not match.
 */
function poolError<E extends Error>(error: unknown, name: E["name"] & string): error is E {
  return error instanceof Error && error.name === name;
}

/**
 * Maps the typed errors of guards, body parsing, rate limits and the simulation pool to
 * responses, at the edge only, so every route that uses the pool answers a full queue or a
 * stopped job the same way. Anything else is a bug: logged, and answered without internals
 * (never a database message).
 */
export function toErrorAnswer(error: unknown): JsonAnswer {
  if (error instanceof BadRequestError)
    return errorAnswer(error.status, { message: error.message });
  if (error instanceof RateLimitedError) {
    return errorAnswer(
      429,
      { message: error.message },
      { "Retry-After": String(error.retryAfterSeconds) },
    );
  }
  if (poolError<ClientBusyError>(error, "ClientBusyError")) {
    return errorAnswer(
      429,
      { message: error.message, limit: "maxQueuedPerClient" },
      { "Retry-After": String(error.retryAfterSeconds) },
    );
  }
  if (poolError<QueueFullError>(error, "QueueFullError")) {
    return errorAnswer(
      503,
      { message: error.message },
      { "Retry-After": String(error.retryAfterSeconds) },
    );
  }
  if (poolError<DeadlineError>(error, "DeadlineError")) {
    return errorAnswer(422, { code: "limit", limit: "deadlineMs", message: error.message });
  }
  // The client went away (Cancel, a closed tab); nobody reads this answer.
  if (poolError<CancelledError>(error, "CancelledError"))
    return errorAnswer(499, { message: error.message });
  // Grading: the learner's input could not be graded (their code, located; or a named limit).
  if (error instanceof GradingRefusedError) return errorAnswer(422, { ...error.detail });
  if (error instanceof UnknownCheckError) return errorAnswer(400, { message: error.message });
  if (error instanceof AttemptKeyReusedError) return errorAnswer(409, { message: error.message });
  if (error instanceof UnauthorizedError || error instanceof ForbiddenError) {
    return errorAnswer(error.status, { message: error.message });
  }
  // The server runs without its edge (lib/http/client-key.ts; recognised by name, as the pool's
  // errors are): the operator must see why, and the message holds nothing but the fix.
  if (error instanceof Error && error.name === "EdgeBypassedError") {
    console.error(error.message);
    return errorAnswer(500, { message: error.message });
  }
  // TaskCrashedError (a bug in a task), GradingFailedError, a ContentError from a broken check
  // file, and anything else: logged (with the file and line, for content), answered without
  // internals.
  if (!poolError<TaskCrashedError>(error, "TaskCrashedError"))
    console.error("request failed", error);
  else console.error("task crashed", error.message);
  return errorAnswer(500, { message: "Something went wrong on our side. Please try again." });
}

export function toErrorResponse(error: unknown): Response {
  return answerResponse(toErrorAnswer(error));
}

/** Wraps a route written as a JsonCall → JsonAnswer function, as handle() does a handler. */
export function answering(
  fn: (call: JsonCall) => Promise<JsonAnswer>,
): (call: JsonCall) => Promise<JsonAnswer> {
  return async (call) => {
    try {
      return await fn(call);
    } catch (error) {
      return toErrorAnswer(error);
    }
  };
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
