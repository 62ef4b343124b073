import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { type DatabaseHandle, installDatabase } from "@/db/client";
import { createUser } from "@/db/queries/users";
import { stampedIdentityHeaders } from "@/lib/http/edge-stamp.mjs";

import { testDatabases } from "../../support/databases";
import { inRequestScope } from "../../support/next-request-scope";
import { startEarlyInARateLimitWindow } from "../../support/rate-limit-window";

// Two workers, as on the 2-core machines Ketbook is sized for, so the per-client share is one
// running task; three compute requests per client per minute, so a fourth is already refused.
process.env.KETBOOK_SIM_WORKERS = "2";
process.env.KETBOOK_RUN_RATE_LIMIT = "3";
const { POST: submitQuizPost } = await import("@/app/api/quiz/submit/route");
const { POST: reviewAnswerPost } = await import("@/app/api/review/answer/route");
const { POST: exerciseCheckPost } = await import("@/app/api/exercises/check/route");
const { POST: runPost } = await import("@/app/api/run/route");
const { POST: experimentRunPost } = await import("@/app/api/experiments/run/route");
const { POST: experimentExportPost } = await import("@/app/api/experiments/export/route");
const { getAuthOptions } = await import("@/lib/auth/options");
const { getSimulationPool } = await import("@/lib/tasks/service");
const { getLessonChecks } = await import("@/lib/grading/repository");
const { encode } = await import("next-auth/jwt");

const COURSE = "qml-foundations";
const LESSON = "qubits-and-the-bloch-sphere";
/** The lesson's circuit question ("every shot gives 1"), graded by simulating the answer. */
const CIRCUIT_QUESTION = "qubits-circuit-always-one";
const EXERCISE = "qubits-exercise-amplitudes";

const ALWAYS_ONE = `OPENQASM 3.0;
include "stdgates.inc";
qubit[1] q;
bit[1] c;
x q[0];
c[0] = measure q[0];`;

/**
 * A circuit answer that keeps a worker busy for many seconds while staying inside the grading
 * limits (16 qubits, 100 000 operations): the slowdown reproduction from the issue.
 */
const SLOW_ANSWER = `OPENQASM 3.0;
include "stdgates.inc";
qubit[16] q;
bit[1] c;
// Every qubit entangled, so the whole state is live (product-state qubits cost nothing).
ry(0.3) q;
for uint k in [0:14] { cx q[k], q[k + 1]; }
for uint i in [1:30000] { h q[0]; cx q[0], q[15]; rz(0.1) q[15]; }
c[0] = measure q[0];`;

/** A one-qubit scan over five angles: an experiment that finishes in milliseconds. */
const SCAN = `experiment: scan\nobservable: Z0\ngrid: { theta: [0, 3.14, 5] }\n---\nOPENQASM 3.0;\ninclude "stdgates.inc";\ninput float theta;\nqubit[1] q;\nry(theta) q[0];`;

const BELL = `OPENQASM 3.0;\ninclude "stdgates.inc";\nqubit[2] q;\nbit[2] c;\nh q[0];\ncx q[0], q[1];\nc = measure q;`;

let nextAttempt = 0;
const attemptKey = () => `grading-routes-${++nextAttempt}-${Date.now()}`;

/**
 * A JSON POST from `client`, stamped and signed as the server edge does (lib/http/edge.mjs), with
 * an optional session cookie. Host and X-Forwarded-Proto are there as Next's server adds them to
 * every request: Auth.js derives the session cookie's name (plain over http) from them.
 */
function post(
  url: string,
  body: unknown,
  { client, cookie, signal }: { client: string; cookie?: string; signal?: AbortSignal },
): Request {
  return new Request(`http://localhost${url}`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      host: "localhost",
      "x-forwarded-proto": "http",
      ...stampedIdentityHeaders(client, "http"),
      ...(cookie ? { cookie } : {}),
    },
    body: JSON.stringify(body),
    signal,
  });
}

const submitQuiz = (answer: string, init: { client: string; signal?: AbortSignal }) =>
  inRequestScope(
    post(
      "/api/quiz/submit",
      {
        courseId: COURSE,
        lessonId: LESSON,
        answers: { [CIRCUIT_QUESTION]: answer },
        attemptKey: attemptKey(),
      },
      init,
    ),
    submitQuizPost,
  );

/** A session cookie as next-auth issues it, for a user id. */
async function sessionCookie(userId: string): Promise<string> {
  const { secret } = await getAuthOptions();
  const token = await encode({ token: { sub: userId }, secret: secret! });
  return `next-auth.session-token=${token}`;
}

/** Sends `count` requests one after another; the responses in order. */
async function inSequence(count: number, send: () => Promise<Response>): Promise<Response[]> {
  await startEarlyInARateLimitWindow();
  const responses: Response[] = [];
  for (let i = 0; i < count; i++) responses.push(await send());
  return responses;
}

async function errorMessage(response: Response): Promise<string> {
  return ((await response.json()) as { error: { message: string } }).error.message;
}

describe.each(testDatabases)("grading routes on the simulation pool, on $name", (kind) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await kind.create();
    installDatabase(handle); // the rate limits count in the process's database
    // Parsing the courses takes seconds the first time; done here, not inside a timed burst.
    await getLessonChecks(COURSE, LESSON);
  });
  afterAll(async () => {
    await handle?.close();
  });

  // Each test is its own client, on each database, so no test spends another's allowance.
  const address = (test: number) => `10.31.${kind.name.length}.${test}`;

  it("answers a fourth circuit-quiz submission from one address in a minute with 429, Retry-After and the limit", async () => {
    const client = address(1);
    const responses = await inSequence(4, () => submitQuiz(ALWAYS_ONE, { client }));
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 429]);

    // The admitted ones were really graded in the pool: the circuit was simulated.
    const graded = (await responses[0].json()) as {
      result: { questions: { id: string; correct: boolean }[] };
    };
    expect(graded.result.questions.find((q) => q.id === CIRCUIT_QUESTION)?.correct).toBe(true);

    const refused = responses[3];
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(await errorMessage(refused)).toMatch(/^Too many quiz submissions: at most 3 per minute/);
    // The limit is this client's, not everyone's.
    expect((await submitQuiz(ALWAYS_ONE, { client: address(2) })).status).toBe(200);
  });

  it("answers a learner's fourth review answer in a minute with 429, Retry-After and the limit", async () => {
    const user = await createUser(handle.db, {
      email: `reviewer-${kind.name}@example.test`,
      name: "Reviewer",
      passwordHash: null,
    });
    const cookie = await sessionCookie(user.id);
    const answer = () =>
      inRequestScope(
        post(
          "/api/review/answer",
          {
            courseId: COURSE,
            lessonId: LESSON,
            questionId: CIRCUIT_QUESTION,
            answer: ALWAYS_ONE,
            attemptKey: attemptKey(),
          },
          { client: address(3), cookie },
        ),
        reviewAnswerPost,
      );
    const responses = await inSequence(4, answer);
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 429]);
    expect(((await responses[0].json()) as { correct: boolean }).correct).toBe(true);
    const refused = responses[3];
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(await errorMessage(refused)).toMatch(/^Too many quiz submissions: at most 3 per minute/);
  });

  it("answers a fourth exercise check from one address in a minute with 429, Retry-After and the limit", async () => {
    const check = () =>
      inRequestScope(
        post(
          "/api/exercises/check",
          {
            courseId: COURSE,
            lessonId: LESSON,
            cellId: EXERCISE,
            source: 'OPENQASM 3.0;\ninclude "stdgates.inc";\nqubit[1] q;\nx q[0];',
            attemptKey: attemptKey(),
          },
          { client: address(4) },
        ),
        exerciseCheckPost,
      );
    const responses = await inSequence(4, check);
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 429]);
    const graded = (await responses[0].json()) as { feedback: { passed: boolean } };
    expect(graded.feedback.passed).toBe(false); // |1⟩ is not the asked-for state
    const refused = responses[3];
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(await errorMessage(refused)).toMatch(/^Too many checks: at most 3 per minute/);
  });

  it("answers a fourth experiment run and a fourth experiment export from one address in a minute with 429", async () => {
    const client = address(7);
    const runs = await inSequence(4, () =>
      inRequestScope(
        post("/api/experiments/run", { source: SCAN, seed: 1 }, { client }),
        experimentRunPost,
      ),
    );
    expect(runs.map((r) => r.status)).toEqual([200, 200, 200, 429]);
    // An admitted run streams its progress and ends with the scan's result.
    const lines = (await runs[0].text()).trim().split("\n");
    expect(JSON.parse(lines.at(-1)!)).toMatchObject({ type: "result" });
    expect(Number(runs[3].headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(await errorMessage(runs[3])).toMatch(/^Too many experiment runs: at most 3 per minute/);

    const exports = await inSequence(4, () =>
      experimentExportPost(
        post("/api/experiments/export", { source: SCAN, format: "pennylane" }, { client }),
      ),
    );
    expect(exports.map((r) => r.status)).toEqual([200, 200, 200, 429]);
    expect(Number(exports[3].headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(await errorMessage(exports[3])).toMatch(/^Too many exports: at most 3 per minute/);
  });

  it("keeps a worker for others while one client sends six slow circuit-quiz submissions at once: another client's run answers within 1 s", async () => {
    const pool = getSimulationPool();
    expect(pool.stats()).toMatchObject({ size: 2, busy: 0, queued: 0 });
    const greedy = new AbortController();
    await startEarlyInARateLimitWindow();
    const submissions = Array.from({ length: 6 }, () =>
      submitQuiz(SLOW_ANSWER, { client: address(5), signal: greedy.signal }),
    );
    try {
      // The rate limit admits three; of those the fair share lets one run and keeps two waiting,
      // although the second worker is idle. Without the share both workers would be taken.
      await expect
        .poll(() => pool.stats(), { timeout: 10_000 })
        .toMatchObject({ busy: 1, queued: 2 });

      const started = performance.now();
      const run = await runPost(
        post("/api/run", { source: BELL, shots: 100 }, { client: address(6) }),
      );
      const elapsed = performance.now() - started;
      expect(run.status).toBe(200);
      expect(elapsed).toBeLessThan(1_000);
      // The greedy client's work was still there while the run was served.
      expect(pool.stats()).toMatchObject({ busy: 1, queued: 2 });
    } finally {
      // Cancel the greedy client's slow answers rather than wait out their deadline.
      greedy.abort();
    }
    const statuses = (await Promise.all(submissions)).map((r) => r.status);
    expect(statuses.filter((status) => status === 429)).toHaveLength(3);
    await expect
      .poll(() => pool.stats(), { timeout: 10_000 })
      .toMatchObject({ busy: 0, queued: 0 });
  }, 60_000);
  it("stops writing an experiment's stream once the page has gone, and the task stops with it", async () => {
    const pool = getSimulationPool();
    const page = new AbortController();
    // A scan of a 12-qubit circuit over 2 000 points: seconds of work, progress all along.
    const slowScan = `experiment: scan\nobservable: Z0*Z11\ngrid: { theta: [0, 3.14, 2000] }\n---\nOPENQASM 3.0;\ninclude "stdgates.inc";\ninput float theta;\nqubit[12] q;\nfor uint i in [0:11] { ry(theta) q[i]; }\nfor uint k in [1:40] { for uint i in [0:10] { cx q[i], q[i + 1]; rz(theta) q[i + 1]; } }`;
    const response = await inRequestScope(
      post(
        "/api/experiments/run",
        { source: slowScan, seed: 1 },
        { client: address(8), signal: page.signal },
      ),
      experimentRunPost,
    );
    expect(response.status).toBe(200);
    const reader = response.body!.getReader();
    const first = new TextDecoder().decode((await reader.read()).value);
    expect(JSON.parse(first.split("\n")[0])).toMatchObject({ type: "progress" });
    // The page cancels: its fetch is aborted and the body's reader goes away.
    page.abort();
    await reader.cancel();
    await expect
      .poll(() => pool.stats(), { timeout: 10_000 })
      .toMatchObject({ busy: 0, queued: 0 });
    // Heartbeats and the task's end come after the reader left: none may write to the closed
    // stream (an uncaught "Controller is already closed" would fail this run).
    await new Promise((resolve) => setTimeout(resolve, 700));
  }, 30_000);
});
