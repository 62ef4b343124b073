import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import { type DatabaseHandle, installDatabase } from "@/db/client";
import { createUser } from "@/db/queries/users";
import { hashPassword } from "@/lib/auth/password";
import { stampedIdentityHeaders } from "@/lib/http/edge-stamp.mjs";

import { testDatabases } from "../../support/databases";

type Authorize = (
  credentials: Record<string, string>,
  req: { headers: Record<string, string> },
) => Promise<{ id: string; email: string } | null>;

/**
 * The Auth.js options as the app builds them, on this test's database: the credentials
 * provider's `authorize` and the `redirect` callback, called as Auth.js calls them.
 */
describe.each(testDatabases)("Auth.js options on $name", (kind) => {
  let handle: DatabaseHandle;
  let authorize: Authorize;
  let redirect: (params: { url: string; baseUrl: string }) => Promise<string>;

  beforeAll(async () => {
    handle = await kind.create();
    installDatabase(handle);
    // The options are built once per process; a fresh module graph builds them on this database.
    vi.resetModules();
    const { getAuthOptions } = await import("@/lib/auth/options");
    const options = await getAuthOptions();
    const credentials = options.providers[0] as unknown as { options: { authorize: Authorize } };
    authorize = credentials.options.authorize;
    redirect = options.callbacks!.redirect as typeof redirect;
    await createUser(handle.db, {
      email: "owner@example.test",
      name: "Owner",
      passwordHash: await hashPassword("owner's long password"),
    });
  });
  afterAll(async () => {
    await handle?.close();
  });

  /** A request as the server edge hands it on: the address stamped and signed. */
  const from = (address: string, headers: Record<string, string> = {}) => ({
    headers: { ...headers, ...stampedIdentityHeaders(address, "http") },
  });

  it("throttles by the address the server edge stamped, never by X-Forwarded-For", async () => {
    // The attacker names a new X-Forwarded-For on every guess, as a client that wants a fresh
    // allowance each time would: were sign-in keyed on it, no guess would ever wait.
    const attacker = (guess: number) =>
      from("203.0.113.9", { "x-forwarded-for": `198.51.100.${guess}` });
    for (let i = 0; i < 5; i++) {
      expect(
        await authorize({ email: "owner@example.test", password: `guess ${i}` }, attacker(i)),
      ).toBeNull();
    }
    // A forged X-Forwarded-For does not make a new client: the sixth guess waits.
    await expect(
      authorize({ email: "owner@example.test", password: "guess 5" }, attacker(5)),
    ).rejects.toThrow(/^SignInThrottled:\d+$/);
    // The owner, at their own address, is not slowed down.
    const user = await authorize(
      { email: "owner@example.test", password: "owner's long password" },
      from("198.51.100.1"),
    );
    expect(user?.email).toBe("owner@example.test");
  });

  it("the redirect callback keeps Auth.js on the site", async () => {
    const baseUrl = "http://localhost:3000";
    expect(await redirect({ url: "/learn/x", baseUrl })).toBe("http://localhost:3000/learn/x");
    expect(await redirect({ url: `${baseUrl}/me`, baseUrl })).toBe(`${baseUrl}/me`);
    for (const url of ["/\t/evil.example", "//evil.example", "https://evil.example/me"]) {
      expect(await redirect({ url, baseUrl })).toBe(baseUrl);
    }
  });
});
