/**
 * What can go wrong around a grade, as typed errors; the route edge (lib/http/route-errors.ts)
 * chooses each one's status. A learner's wrong or non-compiling answer is not an error: it is
 * feedback, graded and stored like any attempt.
 */

/** No such exercise, quiz or question in the lesson the request names. */
export class UnknownCheckError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UnknownCheckError";
  }
}

/** Why grading refused the learner's input: their code (located) or a limit (named). */
export interface RefusalDetail {
  readonly code: "code" | "limit";
  readonly message: string;
  readonly line?: number;
  readonly column?: number;
  readonly limit?: string;
}

/** Grading could not use the learner's input at all (answered 422, with the detail). */
export class GradingRefusedError extends Error {
  constructor(readonly detail: RefusalDetail) {
    super(detail.message);
    this.name = "GradingRefusedError";
  }
}

/**
 * Grading failed on our side (a bug, or a broken check the content tests missed). The learner
 * sees a generic message; the message here is for the server log.
 */
export class GradingFailedError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = "GradingFailedError";
  }
}

/** An attempt key already used for a different exercise, quiz or question (a client bug). */
export class AttemptKeyReusedError extends Error {
  constructor(message = "This attempt key was already used for another answer; send a new one.") {
    super(message);
    this.name = "AttemptKeyReusedError";
  }
}
