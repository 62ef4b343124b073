import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { type DatabaseHandle, installDatabase } from "@/db/client";
import { stampedIdentityHeaders } from "@/lib/http/edge-stamp.mjs";
import { INLINE_RUN_BUDGET } from "@/lib/tasks/run-circuit";

import { testDatabases } from "../../support/databases";
import { RUNAWAY_CIRCUIT } from "../../support/runaway-circuit";

// A deliberately small service so limits are reached quickly: one worker, one queued job,
// five runs per client per minute, a 1.5 s deadline.
process.env.KETBOOK_SIM_WORKERS = "1";
process.env.KETBOOK_SIM_QUEUE = "1";
process.env.KETBOOK_RUN_RATE_LIMIT = "5";
process.env.KETBOOK_SIM_DEADLINE_MS = "1500";
const { POST } = await import("@/app/api/run/route");
const { getAuthOptions } = await import("@/lib/auth/options");
const { getSimulationPool } = await import("@/lib/tasks/service");
const { encode } = await import("next-auth/jwt");

const BELL = `OPENQASM 3.0;
include "stdgates.inc";
qubit[2] q;
bit[2] c;
h q[0];
cx q[0], q[1];
c = measure q;`;

let nextClient = 0;
/**
 * Each test is its own client (address), so rate limits of one never affect another. The address
 * is given as the server edge stamps it (lib/http/client-key.ts).
 */
function post(
  body: unknown,
  init: { client?: string; type?: string; raw?: string; headers?: Record<string, string> } = {},
) {
  const client = init.client ?? `10.0.0.${++nextClient}`;
  return POST(
    new Request("http://localhost/api/run", {
      method: "POST",
      headers: {
        "content-type": init.type ?? "application/json",
        ...stampedIdentityHeaders(client, "http"),
        ...init.headers,
      },
      body: init.raw ?? JSON.stringify(body),
    }),
  );
}

/** A session cookie as next-auth issues it, for a user id. */
async function sessionCookie(userId: string): Promise<string> {
  const { secret } = await getAuthOptions();
  const token = await encode({ token: { sub: userId }, secret: secret! });
  return `next-auth.session-token=${token}`;
}

/**
 * Runs a rate-limit scenario inside one clock minute. Limits count per fixed minute window, so a
 * scenario that straddles a boundary is run once more; `attempt` keeps each try's clients and
 * learners fresh, since the first try's hits still count in the new window.
 */
async function withinOneMinute<T>(scenario: (attempt: number) => Promise<T>): Promise<T> {
  let result: T | undefined;
  for (let attempt = 0; attempt < 2; attempt++) {
    const minute = Math.floor(Date.now() / 60_000);
    result = await scenario(attempt);
    if (Math.floor(Date.now() / 60_000) === minute) break;
  }
  return result as T;
}

/** Six quick runs' statuses. */
async function burst(send: () => Promise<Response>): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < 6; i++) statuses.push((await send()).status);
  return statuses;
}

async function errorOf(response: Response) {
  return (
    (await response.json()) as {
      error: { message: string; line?: number; column?: number; limit?: string };
    }
  ).error;
}

describe.each(testDatabases)("POST /api/run on $name", (kind) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await kind.create();
    installDatabase(handle);
  });
  afterAll(async () => {
    await handle?.close();
  });

  it("runs a Bell circuit: only 00 and 11, counts summing to the shots", async () => {
    const response = await post({ source: BELL, shots: 1000, seed: 3 });
    expect(response.status).toBe(200);
    const result = (await response.json()) as { counts: Record<string, number>; seed: number };
    expect(Object.keys(result.counts).sort()).toEqual(["00", "11"]);
    expect(result.counts["00"] + result.counts["11"]).toBe(1000);
    expect(result.seed).toBe(3);
  });

  it("refuses bad requests with a 4xx and a reason", async () => {
    let response = await post(null, { raw: "{ source: " });
    expect(response.status).toBe(400);
    expect((await errorOf(response)).message).toMatch(/^the body is not valid JSON/);

    response = await post({ source: BELL, shots: "many" });
    expect(response.status).toBe(400);
    expect((await errorOf(response)).message).toBe("shots: shots must be a number");

    response = await post({ source: BELL, shots: 0 });
    expect((await errorOf(response)).message).toBe("shots: shots must be at least 1");

    response = await post({ source: BELL, colour: "blue" });
    expect(response.status).toBe(400);
    expect((await errorOf(response)).message).toMatch(/colour/);

    response = await post({ source: BELL }, { type: "text/plain" });
    expect(response.status).toBe(415);

    response = await post({ source: "x".repeat(200 * 1024) });
    expect(response.status).toBe(413);

    response = await post({ source: `OPENQASM 3.0;\n// ${"x".repeat(70 * 1024)}` });
    expect(response.status).toBe(400);
    expect((await errorOf(response)).message).toMatch(/maxSourceBytes/);
  });

  it("locates errors in the circuit code", async () => {
    const response = await post({ source: "OPENQASM 3.0;\nqubit[2] q;\ncx q[0];" });
    expect(response.status).toBe(422);
    const error = await errorOf(response);
    expect(error.line).toBe(3);
    expect(error.column).toBeGreaterThanOrEqual(1);
    expect(error.message).toMatch(/cx/);
  });

  it("names the limit a circuit exceeds", async () => {
    const response = await post({
      source: 'OPENQASM 3.0;\ninclude "stdgates.inc";\nqubit[30] q;\nh q;',
    });
    expect(response.status).toBe(422);
    expect((await errorOf(response)).message).toMatch(/maxQubits/);
  });

  it("stops a job at the deadline with a clear message, and the next run still works", async () => {
    const started = Date.now();
    const response = await post({ source: RUNAWAY_CIRCUIT, shots: 1 });
    expect(response.status).toBe(422);
    expect((await errorOf(response)).message).toMatch(/deadlineMs/);
    expect(Date.now() - started).toBeLessThan(6_000);
    expect((await post({ source: BELL })).status).toBe(200);
  });

  it("answers 503 with Retry-After when the queue is full, while earlier jobs complete", async () => {
    // Sequenced on the pool's own state, not on timing, so a loaded machine cannot reorder it:
    // a runaway job holds the one worker until the deadline, one job waits in the one queue
    // slot, and the next two are refused at once.
    // A Bell pair on one qubit more than a tiny circuit may have: it goes to the pool.
    const pooled = `OPENQASM 3.0;\ninclude "stdgates.inc";\nqubit[${INLINE_RUN_BUDGET.maxQubits + 1}] q;\nbit[2] c;\nh q[0];\ncx q[0], q[1];\nc[0] = measure q[0];\nc[1] = measure q[1];`;
    const pool = getSimulationPool();
    const first = post({ source: RUNAWAY_CIRCUIT, shots: 1 }, { client: "10.9.9.1" });
    await expect.poll(() => pool.stats().busy, { timeout: 10_000 }).toBe(1);
    const queued = post({ source: pooled, shots: 10 }, { client: "10.9.9.2" });
    await expect.poll(() => pool.stats().queued, { timeout: 10_000 }).toBe(1);
    const refused = await Promise.all([
      post({ source: pooled, shots: 10 }, { client: "10.9.9.3" }),
      post({ source: pooled, shots: 10 }, { client: "10.9.9.4" }),
    ]);
    for (const response of refused) {
      expect(response.status).toBe(503);
      expect(Number(response.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    }
    // A tiny circuit runs inline, full pool or not.
    const tiny = await post({ source: BELL, shots: 10 }, { client: "10.9.9.5" });
    expect(tiny.status).toBe(200);
    expect(pool.stats()).toMatchObject({ busy: 1, queued: 1 });
    expect((await first).status).toBe(422); // stopped at the deadline
    expect((await queued).status).toBe(200);
  }, 30_000);

  it("answers 429 with Retry-After past the per-client rate limit", async () => {
    const { statuses, refused } = await withinOneMinute(async (attempt) => {
      const client = `10.7.${attempt}.${kind.name.length}`;
      const statuses = await burst(() => post({ source: BELL, shots: 1 }, { client }));
      return { statuses, refused: await post({ source: BELL, shots: 1 }, { client }) };
    });
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect((await errorOf(refused)).message).toMatch(/at most 5 per minute/);
  });

  it("ignores a forged X-Forwarded-For: rotating it does not reset the allowance", async () => {
    const statuses = await withinOneMinute((attempt) => {
      const client = `10.8.${attempt}.${kind.name.length}`;
      let forged = 0;
      return burst(() =>
        post(
          { source: BELL, shots: 1 },
          { client, headers: { "x-forwarded-for": `1.2.3.${++forged}` } },
        ),
      );
    });
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
  });

  it("does not count a request that names an address without the edge's stamp as that address", async () => {
    const statuses = await withinOneMinute((attempt) => {
      const victim = `10.8.${2 + attempt}.${kind.name.length}`;
      // What a client could send to a server that bypasses the edge: the address header, no
      // signature. Each forgery goes just before one of the victim's own runs.
      const forge = () =>
        POST(
          new Request("http://localhost/api/run", {
            method: "POST",
            headers: { "content-type": "application/json", "x-ketbook-client-address": victim },
            body: JSON.stringify({ source: BELL, shots: 1 }),
          }),
        );
      return burst(async () => {
        await forge();
        return post({ source: BELL, shots: 1 }, { client: victim });
      });
    });
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
  });

  it("keys signed-in learners by user id: two learners behind one address each get their own allowance", async () => {
    const { aliceBurst, bobFirst, moved } = await withinOneMinute(async (attempt) => {
      const client = `10.8.${4 + attempt}.${kind.name.length}`;
      const alice = await sessionCookie(`alice-${kind.name}-${attempt}`);
      const bob = await sessionCookie(`bob-${kind.name}-${attempt}`);
      const aliceBurst = await burst(() =>
        post({ source: BELL, shots: 1 }, { client, headers: { cookie: alice } }),
      );
      const bobFirst = await post({ source: BELL, shots: 1 }, { client, headers: { cookie: bob } });
      // ...and a learner who moves to another address keeps the allowance already used.
      const moved = await post(
        { source: BELL, shots: 1 },
        { client: `10.8.${6 + attempt}.${kind.name.length}`, headers: { cookie: alice } },
      );
      return { aliceBurst, bobFirst, moved };
    });
    expect(aliceBurst).toEqual([200, 200, 200, 200, 200, 429]);
    expect(bobFirst.status).toBe(200);
    expect(moved.status).toBe(429);
  });
});
