import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { SETTINGS_ERRORS } from "@/app/(site)/me/settings/messages";
import { saveProfileForm } from "@/app/(site)/me/settings/save";
import type { DatabaseHandle } from "@/db/client";
import { findPublicProfile, getProfile } from "@/db/queries/roadmap";
import { createUser } from "@/db/queries/users";

import { testDatabases } from "../../support/databases";

const SKILLS = new Set(["qubits-superposition", "measurement"]);

describe.each(testDatabases)("profile handles on $name", (kind) => {
  let handle: DatabaseHandle;
  let alice: string;
  let bob: string;
  const save = (userId: string, form: { handle: string; isPublic?: boolean; skills?: string[] }) =>
    saveProfileForm(
      handle.db,
      userId,
      { handle: form.handle, isPublic: form.isPublic ?? false, shownSkills: form.skills ?? [] },
      SKILLS,
    );

  beforeAll(async () => {
    handle = await kind.create();
    alice = (await createUser(handle.db, { email: "a@x.test", name: "A", passwordHash: null })).id;
    bob = (await createUser(handle.db, { email: "b@x.test", name: "B", passwordHash: null })).id;
  });
  afterAll(async () => {
    await handle?.close();
  });

  it("a private handle held by someone else and a reserved one get the same answer", async () => {
    expect(await save(alice, { handle: "Quantum-Cat" })).toBe("saved");
    expect(await findPublicProfile(handle.db, "quantum-cat")).toBeUndefined();

    const taken = await save(bob, { handle: "quantum-cat" });
    const reserved = await save(bob, { handle: "admin" });
    expect(taken).toBe("handle-unavailable");
    expect(reserved).toBe(taken);
    expect(SETTINGS_ERRORS["handle-unavailable"]).not.toMatch(/taken|private|exists|reserved/i);
    // A public one is refused the same way, and nothing of Bob's was saved meanwhile.
    expect(await save(alice, { handle: "quantum-cat", isPublic: true })).toBe("saved");
    expect(await save(bob, { handle: "quantum-cat", isPublic: true })).toBe(taken);
    expect((await getProfile(handle.db, bob)).handle).toBeNull();

    expect(await save(bob, { handle: "quantum-dog" })).toBe("saved");
    expect((await getProfile(handle.db, bob)).handle).toBe("quantum-dog");
  });

  it("other problems come back as codes the page knows", async () => {
    expect(await save(bob, { handle: "-bad-" })).toBe("handle-format");
    expect(await save(bob, { handle: "", isPublic: true })).toBe("handle-required");
    expect(await save(bob, { handle: "quantum-dog", skills: ["<b>made-up</b>"] })).toBe(
      "unknown-skill",
    );
    expect(
      await saveProfileForm(
        handle.db,
        bob,
        { handle: "quantum-dog", isPublic: "yes", shownSkills: [] },
        SKILLS,
      ),
    ).toBe("invalid");
    for (const code of ["handle-format", "handle-required", "unknown-skill", "invalid"] as const) {
      expect(SETTINGS_ERRORS[code]).toBeTruthy();
    }
  });
});
