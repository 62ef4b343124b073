/**
 * What a new password must be. Shared by the sign-up form (browser) and the server, which alone
 * also checks the common-password list (lib/auth/password-policy.ts).
 */
export const PASSWORD_RULES = { minLength: 10, maxLength: 200 } as const;

/** Why a password is refused, as a stable code; the wording lives in PASSWORD_MESSAGES. */
export type PasswordProblem = "too-short" | "too-long" | "blank" | "repeated" | "common";

export const PASSWORD_MESSAGES: Record<PasswordProblem, string> = {
  "too-short": `Use at least ${PASSWORD_RULES.minLength} characters.`,
  "too-long": `Use at most ${PASSWORD_RULES.maxLength} characters.`,
  blank: "A password cannot be only spaces.",
  repeated: "A password cannot be one character repeated.",
  common: "This is one of the most common passwords, so it is guessed first. Choose another.",
};

/**
 * The checks that need no word list: length (in characters as the form counts them), not only
 * whitespace, not one character over and over (`aaaaaaaaaa` is long but guessed at once).
 */
export function passwordShapeProblem(password: string): PasswordProblem | undefined {
  if (password.length < PASSWORD_RULES.minLength) return "too-short";
  if (password.length > PASSWORD_RULES.maxLength) return "too-long";
  if (password.trim() === "") return "blank";
  if (new Set(password).size === 1) return "repeated";
  return undefined;
}
