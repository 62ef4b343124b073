import { readFileSync } from "node:fs";

import { describe, expect, it } from "vitest";

import { signUpSchema } from "@/app/(site)/signup/schema";
import { isCommonPassword, passwordProblem } from "@/lib/auth/password-policy";
import { PASSWORD_MESSAGES, PASSWORD_RULES, passwordShapeProblem } from "@/lib/auth/password-rules";

describe("new passwords", () => {
  it.each([
    ["short", "too-short"],
    ["123456789", "too-short"],
    ["x".repeat(PASSWORD_RULES.maxLength) + "y", "too-long"],
    [" ".repeat(10), "blank"],
    ["\t \n \t \u00a0 \u2003 \t  ", "blank"],
    ["aaaaaaaaaaaa", "repeated"],
    ["............", "repeated"],
    ["1234567890", "common"],
    ["qwertyuiop", "common"],
    ["password123", "common"],
    // Case and surrounding spaces do not make a common password uncommon.
    ["PassWord123", "common"],
    ["  1q2w3e4r5t ", "common"],
    ["basketball", "common"],
  ])("%j is refused: %s", (password, problem) => {
    expect(passwordProblem(password)).toBe(problem);
  });

  it.each([
    "correct horse 1a2b3c4d",
    "Tr0ub4dor&3 kept long",
    "   inner spaces count   ",
    "ab".repeat(5),
    "x".repeat(PASSWORD_RULES.maxLength - 1) + "y",
  ])("%j is accepted", (password) => {
    expect(passwordProblem(password)).toBeUndefined();
  });

  it("the browser's checks agree with the server's on everything but the list", () => {
    expect(passwordShapeProblem(" ".repeat(12))).toBe("blank");
    expect(passwordShapeProblem("1234567890")).toBeUndefined();
    expect(passwordProblem("1234567890")).toBe("common");
  });

  it("bundles about ten thousand common passwords, most common first", () => {
    const entries = readFileSync("lib/auth/common-passwords.txt", "utf8")
      .split("\n")
      .filter((line) => line !== "" && !line.startsWith("#"));
    expect(entries.length).toBeGreaterThanOrEqual(10_000);
    expect(entries.slice(0, 3)).toEqual(["123456", "password", "12345678"]);
    expect(entries.every((p) => p === p.trim().toLowerCase())).toBe(true);
    // Every entry is found by the check (a parsing slip would silently drop some).
    expect(entries.filter((p) => !isCommonPassword(p))).toEqual([]);
  });

  it("the sign-up schema gives the password's message on the password field", () => {
    const base = { name: "Ada", email: "ada@example.test" };
    for (const [password, problem] of [
      ["1234567890", "common"],
      [" ".repeat(10), "blank"],
      ["short", "too-short"],
    ] as const) {
      const parsed = signUpSchema.safeParse({ ...base, password });
      expect(parsed.success).toBe(false);
      expect(parsed.error!.issues.map((i) => [i.path, i.message])).toEqual([
        [["password"], PASSWORD_MESSAGES[problem]],
      ]);
    }
    expect(signUpSchema.safeParse({ ...base, password: "correct horse 1a2b" }).success).toBe(true);
  });
});
