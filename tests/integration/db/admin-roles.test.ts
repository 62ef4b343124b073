import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { changeRoleForm } from "@/app/(site)/admin/change-role";
import { ROLE_CHANGE_MESSAGES } from "@/app/(site)/admin/messages";
import type { DatabaseHandle } from "@/db/client";
import {
  changeUserRole,
  createUser,
  findUserById,
  type PublicUser,
  searchUsers,
} from "@/db/queries/users";
import type { UserRole } from "@/db/schema";
import { ForbiddenError } from "@/lib/auth/guards";

import { testDatabases } from "../../support/databases";

describe.each(testDatabases)("admin: finding users and changing roles on $name", (kind) => {
  let handle: DatabaseHandle;
  const make = (email: string, name: string, role: UserRole = "learner") =>
    createUser(handle.db, { email, name, passwordHash: null, role });
  let admin: PublicUser;
  let ada: PublicUser;
  let instructor: PublicUser;

  beforeAll(async () => {
    handle = await kind.create();
    admin = await make("root@ketbook.test", "Root", "admin");
    ada = await make("ada@example.test", "Ada Lovelace");
    instructor = await make("grace@example.test", "Grace Hopper", "instructor");
    await make("percent_50%@example.test", "Odd Address");
  });
  afterAll(async () => {
    await handle?.close();
  });

  it("finds users by part of their email or name, in any case, with LIKE's wildcards as text", async () => {
    const emails = async (query: string) =>
      (await searchUsers(handle.db, query, 10)).map((u) => u.email);
    expect(await emails("LOVELACE")).toEqual(["ada@example.test"]);
    expect(await emails("example.test")).toEqual([
      "ada@example.test",
      "grace@example.test",
      "percent_50%@example.test",
    ]);
    expect(await emails("%")).toEqual(["percent_50%@example.test"]);
    expect(await emails("_")).toEqual(["percent_50%@example.test"]);
    expect(await emails("nobody")).toEqual([]);
    expect(await searchUsers(handle.db, "", 2)).toHaveLength(2);
  });

  it("an admin makes a learner an instructor, and the change is read back at once", async () => {
    expect(await changeRoleForm(handle.db, admin, { userId: ada.id, role: "instructor" })).toBe(
      "changed",
    );
    expect((await findUserById(handle.db, ada.id))?.role).toBe("instructor");
    expect(await changeRoleForm(handle.db, admin, { userId: ada.id, role: "instructor" })).toBe(
      "unchanged",
    );
    expect(await changeRoleForm(handle.db, admin, { userId: ada.id, role: "learner" })).toBe(
      "changed",
    );
  });

  it("refuses non-admins, bad input, an unknown user and the admin's own role", async () => {
    for (const actor of [ada, instructor]) {
      await expect(
        changeRoleForm(handle.db, { ...actor }, { userId: ada.id, role: "admin" }),
      ).rejects.toBeInstanceOf(ForbiddenError);
    }
    expect((await findUserById(handle.db, ada.id))?.role).toBe("learner");
    expect(await changeRoleForm(handle.db, admin, { userId: ada.id, role: "owner" })).toBe(
      "invalid",
    );
    expect(await changeRoleForm(handle.db, admin, { userId: "", role: "learner" })).toBe("invalid");
    expect(await changeRoleForm(handle.db, admin, { userId: "missing", role: "learner" })).toBe(
      "no-user",
    );
    expect(await changeRoleForm(handle.db, admin, { userId: admin.id, role: "learner" })).toBe(
      "self",
    );
    for (const code of ["invalid", "no-user", "self", "last-admin"] as const) {
      expect(ROLE_CHANGE_MESSAGES[code]).toMatch(/\w/);
    }
  });

  it("never leaves the site without an admin, even when two admins demote each other at once", async () => {
    expect(await changeUserRole(handle.db, admin.id, "learner")).toBe("last-admin");
    const second = await make("second@ketbook.test", "Second", "admin");
    const outcomes = await Promise.all([
      changeUserRole(handle.db, admin.id, "learner"),
      changeUserRole(handle.db, second.id, "learner"),
    ]);
    expect(outcomes.sort()).toEqual(["changed", "last-admin"]);
    const roles = await Promise.all(
      [admin, second].map(async (u) => (await findUserById(handle.db, u.id))?.role),
    );
    expect(roles.filter((r) => r === "admin")).toHaveLength(1);
  });
});
