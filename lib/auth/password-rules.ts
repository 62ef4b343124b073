/** Shared by the sign-up form (browser) and the server's checks. */
export const PASSWORD_RULES = { minLength: 10, maxLength: 200 } as const;
