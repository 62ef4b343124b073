import "server-only";

import { readFileSync } from "node:fs";
import path from "node:path";

import { type PasswordProblem, passwordShapeProblem } from "./password-rules";

/**
 * The common-password list (lib/auth/common-passwords.txt: the 10,000 most common passwords and
 * every longer one of a larger ranked list). Read from the app folder like content/, once per
 * process; a missing file fails loudly rather than silently accepting every password.
 */
const LIST_FILE = path.join(process.cwd(), "lib", "auth", "common-passwords.txt");

let common: ReadonlySet<string> | undefined;

function commonPasswords(): ReadonlySet<string> {
  common ??= new Set(
    readFileSync(LIST_FILE, "utf8")
      .split("\n")
      .filter((line) => line !== "" && !line.startsWith("#")),
  );
  return common;
}

/**
 * Whether `password` is on the list. Case and surrounding spaces do not make a common password
 * uncommon (`Password123 ` is tried right after `password123`), so both are ignored.
 */
export function isCommonPassword(password: string): boolean {
  return commonPasswords().has(password.trim().toLowerCase());
}

/** Why a new password is refused, or undefined when it is acceptable. */
export function passwordProblem(password: string): PasswordProblem | undefined {
  return passwordShapeProblem(password) ?? (isCommonPassword(password) ? "common" : undefined);
}
