/**
 * What the settings page may say after a save. The action redirects with a code
 * (`?error=handle-unavailable`), and the page shows the message for a known code and nothing
 * for any other, so the URL cannot be used to put words on the page.
 */
export const SETTINGS_ERRORS = {
  "handle-format":
    "A handle is 3 to 30 letters, digits or dashes, not starting or ending with a dash.",
  // One answer for a handle someone holds (public or not) and a reserved one, so the page does
  // not tell which handles private profiles use.
  "handle-unavailable": "That handle is not available. Try another.",
  "handle-required": "Choose a handle to make your profile public.",
  "unknown-skill": "One of the skills is not one Ketbook knows. Reload the page and try again.",
  invalid: "Those settings could not be saved. Reload the page and try again.",
} as const;

export type SettingsErrorCode = keyof typeof SETTINGS_ERRORS;

/** The message for a code from the URL, or undefined for anything unknown. */
export function settingsErrorMessage(code: unknown): string | undefined {
  const value = Array.isArray(code) ? code[0] : code;
  return typeof value === "string" && Object.hasOwn(SETTINGS_ERRORS, value)
    ? SETTINGS_ERRORS[value as SettingsErrorCode]
    : undefined;
}
