/**
 * `npm run user:create -- --email a@b.c --role admin [--name "Ada"] [--password …]`
 * Creates a user (e.g. the first admin), or changes the role of an existing one. Without
 * --password a strong one is generated and printed once; a given one must pass the same policy
 * as sign-up (length, not blank, not one of the most common passwords).
 */
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";

import { openDatabaseForCli } from "@/db/cli-database";
import { runMigrations } from "@/db/migrate";
import { createUser, findUserByEmail, setUserRole } from "@/db/queries/users";
import { USER_ROLES, type UserRole } from "@/db/schema";

import { hashPassword } from "./password";
import { passwordProblem } from "./password-policy";
import { PASSWORD_MESSAGES } from "./password-rules";

const { values } = parseArgs({
  options: {
    email: { type: "string" },
    role: { type: "string", default: "learner" },
    name: { type: "string" },
    password: { type: "string" },
  },
});
const role = values.role as UserRole;
if (!values.email || !USER_ROLES.includes(role)) {
  console.error(
    `usage: npm run user:create -- --email EMAIL [--role ${USER_ROLES.join("|")}] [--name NAME] [--password PASSWORD]`,
  );
  process.exit(2);
}
// Checked before the database is opened, so a refused password changes nothing. An operator's
// weak password is as guessable as a learner's, and admin accounts are the ones worth guessing.
const problem = values.password === undefined ? undefined : passwordProblem(values.password);
if (problem) {
  console.error(
    `error: --password is refused: ${PASSWORD_MESSAGES[problem]} (Leave --password out to get a generated one.)`,
  );
  process.exit(2);
}

const handle = openDatabaseForCli();
try {
  await runMigrations(handle);
  const existing = await findUserByEmail(handle.db, values.email);
  if (existing) {
    await setUserRole(handle.db, existing.id, role);
    console.log(`${existing.email} now has the role ${role}`);
  } else {
    const password = values.password ?? randomBytes(12).toString("base64url");
    const user = await createUser(handle.db, {
      email: values.email,
      name: values.name ?? values.email.split("@")[0],
      passwordHash: await hashPassword(password),
      role,
    });
    console.log(`created ${user.email} with the role ${role}`);
    if (!values.password)
      console.log(`password: ${password}  (shown once; change it after signing in)`);
  }
} finally {
  await handle.close();
}
