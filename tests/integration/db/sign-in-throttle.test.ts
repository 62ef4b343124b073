import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { DatabaseHandle } from "@/db/client";
import { createUser } from "@/db/queries/users";
import { hashPassword } from "@/lib/auth/password";
import type { SignInResult } from "@/lib/auth/sign-in";

import { testDatabases } from "../../support/databases";

// A small per-address allowance (the README's KETBOOK_SIGNIN_RATE_LIMIT) keeps the test short:
// every checked guess costs an argon2 verification.
process.env.KETBOOK_SIGNIN_RATE_LIMIT = "12";
const { SIGN_IN_LIMITS, signInWithPassword } = await import("@/lib/auth/sign-in");

const PASSWORD = "correct horse battery";
const at = (iso: string, plusSeconds = 0) => new Date(new Date(iso).getTime() + plusSeconds * 1000);

function outcome(result: SignInResult): string {
  if (result.ok) return "ok";
  return result.reason === "throttled" ? `wait ${result.retryAfterSeconds}` : "invalid";
}

describe.each(testDatabases)("password sign-in throttling on $name", (kind) => {
  let handle: DatabaseHandle;
  let hash: string;
  let nextUser = 0;

  /** A fresh account, so each test starts with no failures recorded. */
  async function newAccount(): Promise<string> {
    const email = `owner-${++nextUser}@example.test`;
    await createUser(handle.db, { email, name: "Owner", passwordHash: hash });
    return email;
  }
  const attempt = (email: string, password: string, address: string, now: Date) =>
    signInWithPassword(handle.db, { email, password, address }, now);

  beforeAll(async () => {
    handle = await kind.create();
    hash = await hashPassword(PASSWORD);
  });
  afterAll(async () => {
    await handle?.close();
  });

  it("the owner signs in from their own address after 50 failures from other addresses", async () => {
    const email = await newAccount();
    const now = at("2026-04-01T10:00:00Z");
    const failures = [];
    for (let i = 0; i < 50; i++) {
      // Ten attackers, five guesses each: all of them real, checked guesses.
      failures.push(outcome(await attempt(email, `guess ${i}`, `203.0.113.${i % 10}`, now)));
    }
    expect(failures).toEqual(Array(50).fill("invalid"));
    const owner = await attempt(email, PASSWORD, "198.51.100.7", now);
    expect(owner.ok && owner.user.email).toBe(email);
  });

  it("slows one address guessing one account with waits that double, without locking it", async () => {
    const email = await newAccount();
    const address = "203.0.113.50";
    let now = at("2026-04-02T10:00:00Z");
    const free = [];
    for (let i = 0; i < SIGN_IN_LIMITS.backoff.freeFailures; i++) {
      free.push(outcome(await attempt(email, `guess ${i}`, address, now)));
    }
    expect(free).toEqual(Array(SIGN_IN_LIMITS.backoff.freeFailures).fill("invalid"));

    // Each further guess must wait, and the wait doubles; trying too early changes nothing.
    const waits = [];
    for (let i = 0; i < 6; i++) {
      const refused = await attempt(email, "too early", address, now);
      expect(refused).toMatchObject({ ok: false, reason: "throttled" });
      const wait = (refused as { retryAfterSeconds: number }).retryAfterSeconds;
      expect(outcome(await attempt(email, "still too early", address, now))).toBe(`wait ${wait}`);
      waits.push(wait);
      now = at(now.toISOString(), wait);
      expect(outcome(await attempt(email, `late guess ${i}`, address, now))).toBe("invalid");
    }
    expect(waits).toEqual([1, 2, 4, 8, 16, 32]);

    // The wait is capped, never a lockout: after it the right password works.
    const capped = await attempt(email, PASSWORD, address, now);
    expect(outcome(capped)).toBe("wait 64");
    const ok = await attempt(email, PASSWORD, address, at(now.toISOString(), 64));
    expect(ok.ok).toBe(true);
  });

  it("caps the wait at the policy's maximum", async () => {
    const email = await newAccount();
    const address = "203.0.113.51";
    let now = at("2026-04-03T00:00:00Z");
    let last = "";
    for (let i = 0; i < 20; i++) {
      const result = await attempt(email, `guess ${i}`, address, now);
      if (!result.ok && result.reason === "throttled") {
        now = at(now.toISOString(), result.retryAfterSeconds);
        last = outcome(await attempt(email, `guess ${i}b`, address, now));
        expect(last).toBe("invalid");
      }
    }
    const refused = await attempt(email, "again", address, now);
    expect(outcome(refused)).toBe(`wait ${SIGN_IN_LIMITS.backoff.maxDelaySeconds}`);
  });

  it("a successful sign-in ends the streak for that account and address", async () => {
    const email = await newAccount();
    const address = "203.0.113.60";
    let now = at("2026-04-04T10:00:00Z");
    for (let i = 0; i < SIGN_IN_LIMITS.backoff.freeFailures + 2; i++) {
      const result = await attempt(email, `typo ${i}`, address, now);
      if (!result.ok && result.reason === "throttled") {
        now = at(now.toISOString(), result.retryAfterSeconds);
        expect(outcome(await attempt(email, `typo ${i}`, address, now))).toBe("invalid");
      }
    }
    expect(outcome(await attempt(email, PASSWORD, address, now))).toMatch(/^wait \d+$/);
    now = at(now.toISOString(), 3600);
    expect(outcome(await attempt(email, PASSWORD, address, now))).toBe("ok");
    // Free again: the next typos are checked at once.
    const after = [];
    for (let i = 0; i < SIGN_IN_LIMITS.backoff.freeFailures; i++) {
      after.push(outcome(await attempt(email, `new typo ${i}`, address, now)));
    }
    expect(after).toEqual(Array(SIGN_IN_LIMITS.backoff.freeFailures).fill("invalid"));
  });

  it("parallel guesses cannot all slip through on the same reading", async () => {
    const email = await newAccount();
    const now = at("2026-04-05T10:00:00Z");
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => attempt(email, `guess ${i}`, "203.0.113.70", now)),
    );
    const outcomes = results.map(outcome);
    expect(outcomes.filter((o) => o === "invalid")).toHaveLength(
      SIGN_IN_LIMITS.backoff.freeFailures,
    );
    expect(outcomes.filter((o) => o.startsWith("wait"))).toHaveLength(
      20 - SIGN_IN_LIMITS.backoff.freeFailures,
    );
  });

  it("limits one address's failures across accounts, and only failures count", async () => {
    const address = "192.0.2.99";
    const window = at("2026-04-06T10:00:00Z");
    const limit = SIGN_IN_LIMITS.failuresPerAddress;
    expect(limit).toBe(12);
    const owners = [await newAccount(), await newAccount()];
    // One guess at each of `limit` accounts (no per-account wait is ever reached), with a
    // classroom's worth of successful sign-ins in between, which use none of the allowance...
    for (let i = 0; i < limit; i++) {
      if (i % 4 === 0) {
        expect(outcome(await attempt(owners[i % 2], PASSWORD, address, window))).toBe("ok");
      }
      expect(outcome(await attempt(`victim-${i}@example.test`, "123456", address, window))).toBe(
        "invalid",
      );
    }
    // ...and then every attempt from that address waits for the window's end, even a right one.
    const refused = await attempt(owners[0], PASSWORD, address, at(window.toISOString(), 60));
    expect(outcome(refused)).toBe(`wait ${SIGN_IN_LIMITS.windowSeconds - 60}`);
    expect(outcome(await attempt("victim-x@example.test", "x", address, window))).toMatch(/^wait/);
    // Other addresses are not affected, and the next window starts afresh.
    expect(outcome(await attempt(owners[0], PASSWORD, "192.0.2.100", window))).toBe("ok");
    const next = at(window.toISOString(), SIGN_IN_LIMITS.windowSeconds);
    expect(outcome(await attempt(owners[1], PASSWORD, address, next))).toBe("ok");
  });

  it("answers an unknown email exactly like a wrong password", async () => {
    const now = at("2026-04-07T10:00:00Z");
    expect(outcome(await attempt("nobody@example.test", PASSWORD, "192.0.2.1", now))).toBe(
      "invalid",
    );
    expect(outcome(await attempt("", PASSWORD, "192.0.2.1", now))).toBe("invalid");
  });
});
