import { describe, expect, it } from "vitest";

import { hashPassword, verifyPassword } from "@/lib/auth/password";

/** The parameters an encoded argon2 hash was made with. */
function parametersOf(encoded: string) {
  const match = /^\$(argon2\w+)\$v=(\d+)\$m=(\d+),t=(\d+),p=(\d+)\$/.exec(encoded);
  if (!match) throw new Error(`not an encoded argon2 hash: ${encoded}`);
  const [, variant, version, memoryKiB, passes, lanes] = match;
  return {
    variant,
    version: Number(version),
    memoryKiB: Number(memoryKiB),
    passes: Number(passes),
    lanes: Number(lanes),
  };
}

describe("password hashes", () => {
  it("are argon2id at no less than OWASP's minimum (19 MiB, 2 passes, 1 lane)", async () => {
    const parameters = parametersOf(await hashPassword("correct horse battery staple"));
    expect(parameters.variant).toBe("argon2id");
    expect(parameters.version).toBe(19);
    expect(parameters.memoryKiB).toBeGreaterThanOrEqual(19_456);
    expect(parameters.passes).toBeGreaterThanOrEqual(2);
    expect(parameters.lanes).toBeGreaterThanOrEqual(1);
  });

  it("are salted: the same password hashes differently, and each verifies", async () => {
    const [first, second] = await Promise.all([hashPassword("same"), hashPassword("same")]);
    expect(first).not.toBe(second);
    expect(await verifyPassword(first, "same")).toBe(true);
    expect(await verifyPassword(second, "same")).toBe(true);
    expect(await verifyPassword(first, "other")).toBe(false);
  });

  it("verify nothing when no hash is stored", async () => {
    expect(await verifyPassword(null, "anything")).toBe(false);
    expect(await verifyPassword(undefined, "")).toBe(false);
  });
});
