import { describe, expect, it } from "vitest";

import {
  careersErrorMessage,
  DEFAULT_RETURN_TO,
  targetRoleSchema,
} from "@/app/(site)/careers/schema";

describe("target-role form returnTo", () => {
  const parse = (returnTo: unknown) => targetRoleSchema.safeParse({ roleId: "", returnTo });

  it("keeps a same-site path", () => {
    expect(parse("/careers/ml-engineer").data?.returnTo).toBe("/careers/ml-engineer");
    expect(parse("/roadmap?skill=qubits#x").data?.returnTo).toBe("/roadmap?skill=qubits#x");
  });

  it.each([
    "//evil.example",
    "/\t/evil.example",
    "/\\evil.example",
    "https://evil.example/careers",
    "javascript:alert(1)",
    `/${"a".repeat(5000)}`,
    "",
    undefined,
    42,
  ])("falls back to /careers for %j instead of failing the form", (returnTo) => {
    const parsed = parse(returnTo);
    expect(parsed.success).toBe(true);
    expect(parsed.data!.returnTo).toBe(DEFAULT_RETURN_TO);
  });
});

describe("careers page messages", () => {
  it("shows the message for a known code and nothing for any other text", () => {
    expect(careersErrorMessage("unknown-role")).toMatch(/no longer offered/);
    expect(careersErrorMessage(["unknown-role", "x"])).toMatch(/no longer offered/);
    expect(careersErrorMessage("<script>alert(1)</script>")).toBeUndefined();
    expect(careersErrorMessage(undefined)).toBeUndefined();
  });
});
