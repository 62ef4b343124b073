import type { RoleChange } from "@/db/queries/users";

/** What the admin page says after a role change, by the outcome code carried in its URL. */
export type RoleChangeOutcome = RoleChange | "invalid" | "self";

export const ROLE_CHANGE_MESSAGES: Readonly<Record<RoleChangeOutcome, string>> = {
  changed: "Role changed. It applies from the user's next page or request.",
  unchanged: "That user already had this role; nothing changed.",
  "no-user": "No such user: the account may have been deleted.",
  "last-admin": "Ketbook needs at least one admin: make someone else an admin first.",
  self: "You cannot change your own role here; ask another admin.",
  invalid: "Choose a user and one of the roles learner, instructor or admin.",
};

/** The outcome named in the URL, or undefined for anything else (the URL is the learner's to edit). */
export function roleChangeOutcome(value: unknown): RoleChangeOutcome | undefined {
  return typeof value === "string" && Object.hasOwn(ROLE_CHANGE_MESSAGES, value)
    ? (value as RoleChangeOutcome)
    : undefined;
}
