import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { DatabaseHandle } from "@/db/client";
import { findUserByEmail } from "@/db/queries/users";
import { verifyPassword } from "@/lib/auth/password";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { SIGN_UPS_PER_HOUR, signUpWithPassword } from "@/lib/auth/sign-up";

import { testDatabases } from "../../support/databases";

describe.each(testDatabases)("sign-up on $name", (kind) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await kind.create();
  });
  afterAll(async () => {
    await handle?.close();
  });

  it("answers a taken email exactly as a new one, and leaves the existing account alone", async () => {
    const now = new Date("2026-05-01T10:00:00Z");
    const fresh = await signUpWithPassword(
      handle.db,
      { name: "Ada", email: "ada@example.test", password: "analytical engine 1843" },
      "192.0.2.10",
      now,
    );
    const before = await findUserByEmail(handle.db, "ada@example.test");
    // Someone else tries the same email (in other case, from another address).
    const taken = await signUpWithPassword(
      handle.db,
      { name: "Mallory", email: " ADA@example.test", password: "mallory's own password" },
      "192.0.2.11",
      now,
    );
    expect(taken).toEqual(fresh);
    expect(taken).toEqual({ ok: true });

    const after = await findUserByEmail(handle.db, "ada@example.test");
    expect(after).toEqual(before);
    expect(after!.name).toBe("Ada");
    expect(await verifyPassword(after!.passwordHash, "analytical engine 1843")).toBe(true);
    expect(await verifyPassword(after!.passwordHash, "mallory's own password")).toBe(false);

    // Signing in with the newcomer's password then fails like any wrong password.
    const signIn = (password: string) =>
      signInWithPassword(handle.db, { email: "ada@example.test", password, address: "192.0.2.11" });
    expect(await signIn("mallory's own password")).toEqual({ ok: false, reason: "invalid" });
    expect((await signIn("analytical engine 1843")).ok).toBe(true);
  });

  it("limits sign-ups per address per hour, new and taken emails alike", async () => {
    const now = new Date("2026-05-02T10:00:00Z");
    const outcomes = [];
    for (let i = 0; i <= SIGN_UPS_PER_HOUR; i++) {
      const email =
        i === SIGN_UPS_PER_HOUR
          ? "late@example.test"
          : i % 2 === 0
            ? `bot-${i}@example.test`
            : "ada@example.test";
      outcomes.push(
        await signUpWithPassword(
          handle.db,
          { name: "Bot", email, password: `bot password ${i}` },
          "198.51.100.66",
          now,
        ),
      );
    }
    expect(outcomes.slice(0, SIGN_UPS_PER_HOUR)).toEqual(
      Array(SIGN_UPS_PER_HOUR).fill({ ok: true }),
    );
    expect(outcomes[SIGN_UPS_PER_HOUR]).toEqual({
      ok: false,
      reason: "throttled",
      retryAfterSeconds: 3600,
    });
    // Refused sign-ups created nothing.
    expect(await findUserByEmail(handle.db, "late@example.test")).toBeUndefined();
  });
});
