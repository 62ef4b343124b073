import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { DatabaseHandle } from "@/db/client";
import {
  findIssuedCredential,
  listIssuedCredentials,
  recordIssuance,
  revokedStatusIndexes,
  revokeIssuedCredential,
  STATUS_LIST_LENGTH,
  statusSlot,
} from "@/db/queries/credentials";
import { createUser } from "@/db/queries/users";
import { issuedCredentials, users } from "@/db/schema";

import { testDatabases } from "../../support/databases";

describe.each(testDatabases)("credential status allocation and revocation on $name", (kind) => {
  let handle: DatabaseHandle;
  let ada: string;
  let bob: string;
  beforeAll(async () => {
    handle = await kind.create();
    ada = (
      await createUser(handle.db, { email: "ada@example.com", name: "Ada", passwordHash: "x" })
    ).id;
    bob = (
      await createUser(handle.db, { email: "bob@example.com", name: "Bob", passwordHash: "x" })
    ).id;
  });
  afterAll(async () => {
    await handle?.close();
  });

  const issue = (id: string, userId: string) =>
    recordIssuance(
      handle.db,
      { id, userId, skillLevels: 1, issuedAt: new Date() },
      async (slot) => ({ id, slot }),
    );

  it("maps positions to lists of the spec's minimum length", () => {
    expect(STATUS_LIST_LENGTH).toBe(131_072);
    expect(statusSlot(1)).toEqual({ list: 0, index: 1 });
    expect(statusSlot(131_073)).toEqual({ list: 1, index: 1 });
  });

  it("gives concurrent issuances distinct status slots and stores each document", async () => {
    const issued = await Promise.all(
      Array.from({ length: 12 }, (_, i) => issue(`c-${i}`, i % 2 ? ada : bob)),
    );
    const indexes = issued.map((d) => `${d.slot.list}:${d.slot.index}`);
    expect(new Set(indexes).size).toBe(12);
    expect((await findIssuedCredential(handle.db, "c-3"))?.document).toEqual(issued[3]);
    expect((await listIssuedCredentials(handle.db, ada)).map((c) => c.id).sort()).toEqual(
      ["c-1", "c-11", "c-3", "c-5", "c-7", "c-9"].sort(),
    );
    expect(await revokedStatusIndexes(handle.db, 0)).toEqual([]);
  });

  it("leaves no row behind when signing fails", async () => {
    await expect(
      recordIssuance(
        handle.db,
        { id: "broken", userId: ada, skillLevels: 1, issuedAt: new Date() },
        async () => {
          throw new Error("signing failed");
        },
      ),
    ).rejects.toThrow("signing failed");
    expect(await findIssuedCredential(handle.db, "broken")).toBeUndefined();
  });

  it("lets only the owner revoke, keeps the first date, and sets the bit", async () => {
    const slot = (await issue("revoke-me", ada)).slot;
    expect(await revokeIssuedCredential(handle.db, bob, "revoke-me", new Date())).toBe(false);
    expect(await revokeIssuedCredential(handle.db, ada, "no-such", new Date())).toBe(false);
    expect((await findIssuedCredential(handle.db, "revoke-me"))?.revokedAt).toBeNull();
    const first = new Date("2026-01-02T03:04:05Z");
    expect(await revokeIssuedCredential(handle.db, ada, "revoke-me", first)).toBe(true);
    expect(await revokeIssuedCredential(handle.db, ada, "revoke-me", new Date())).toBe(true);
    expect((await findIssuedCredential(handle.db, "revoke-me"))?.revokedAt).toEqual(first);
    expect(await revokedStatusIndexes(handle.db, slot.list)).toContain(slot.index);
    const [listed] = (await listIssuedCredentials(handle.db, ada)).filter(
      (c) => c.id === "revoke-me",
    );
    expect(listed.revokedAt).toEqual(first);
  });

  it("counts a credential whose row is gone (account deleted) as revoked", async () => {
    const carol = (
      await createUser(handle.db, { email: "carol@example.com", name: "Carol", passwordHash: "x" })
    ).id;
    const slot = (await issue("carol-1", carol)).slot;
    await issue("after-carol", ada);
    expect(await revokedStatusIndexes(handle.db, slot.list)).not.toContain(slot.index);
    await handle.db.delete(users).where(eq(users.id, carol));
    expect(
      await handle.db.select().from(issuedCredentials).where(eq(issuedCredentials.id, "carol-1")),
    ).toEqual([]);
    expect(await revokedStatusIndexes(handle.db, slot.list)).toContain(slot.index);
  });
});
