import { describe, expect, it } from "vitest";

import { SETTINGS_ERRORS, settingsErrorMessage } from "@/app/(site)/me/settings/messages";

describe("settings page messages (?error=)", () => {
  it("shows the message of a known code", () => {
    expect(settingsErrorMessage("handle-unavailable")).toBe(SETTINGS_ERRORS["handle-unavailable"]);
    expect(settingsErrorMessage(["handle-format", "x"])).toBe(SETTINGS_ERRORS["handle-format"]);
  });

  it.each([
    "That handle is taken. Try another.",
    "<script>alert(1)</script>",
    "Your account is locked: call +1 555 0100",
    "toString",
    "__proto__",
    "constructor",
    "",
    undefined,
  ])("shows nothing for %j", (code) => {
    expect(settingsErrorMessage(code)).toBeUndefined();
  });
});
