import fc from "fast-check";
import { describe, expect, it } from "vitest";

import {
  MAX_REDIRECT_LENGTH,
  safeAuthRedirect,
  safeCallbackUrl,
  safeRedirectPath,
} from "@/lib/auth/callback-url";

const SITE = "https://ketbook.example";

/** Where a browser ends up when it navigates from the site to `target` (WHATWG parsing). */
function landsOn(target: string): string {
  return new URL(target, `${SITE}/signin`).origin;
}

// Each of these has taken someone off-site in a real browser, or would with a naive check.
// Values are as the page receives them (query parameters already percent-decoded once), plus
// still-encoded forms for a value that is decoded twice somewhere.
const OFF_SITE = [
  "/\t/evil.example",
  "/\n/evil.example",
  "/\r\n/evil.example",
  "\t//evil.example",
  "/\t\\evil.example",
  " //evil.example",
  "/\\evil.example",
  "\\\\evil.example",
  "\\/evil.example",
  "//evil.example",
  "///evil.example",
  "////evil.example/me",
  "//user@evil.example",
  "//user:pw@evil.example/me",
  "/.//evil.example",
  "/./\\evil.example",
  "%2F%2Fevil.example",
  "%5C%5Cevil.example",
  "/%09/evil.example".replace("%09", decodeURIComponent("%09")),
  "javascript:alert(1)",
  "JaVaScRiPt:alert(1)",
  " javascript:alert(1)",
  "java\tscript:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "DATA:text/html;base64,PHNjcmlwdD4=",
  "vbscript:msgbox(1)",
  "http://evil.example",
  "HTTP://evil.example/me",
  "https://evil.example",
  "hTtPs:evil.example",
  "https:/evil.example",
  "ftp://evil.example",
  "evil.example",
  "me",
  "",
  "/\u0000//evil.example",
  "/\u007f//evil.example",
];

describe("safeRedirectPath: only same-site paths", () => {
  it.each(OFF_SITE.map((value) => [JSON.stringify(value), value]))(
    "refuses %s",
    (_label, value) => {
      expect(safeRedirectPath(value, "/fallback")).toBe("/fallback");
    },
  );

  it.each([
    ["/me", "/me"],
    ["/", "/"],
    ["/learn/qml-foundations/qubits?seed=3#cell-x", "/learn/qml-foundations/qubits?seed=3#cell-x"],
    ["/careers/ml-engineer", "/careers/ml-engineer"],
    // '@' and ':' inside a path are just characters of the path.
    ["/u/someone@evil.example", "/u/someone@evil.example"],
    ["/me?next=//evil.example", "/me?next=//evil.example"],
    // Still-encoded forms are paths on this site: the browser does not decode them into slashes.
    ["/%2F%2Fevil.example", "/%2F%2Fevil.example"],
    ["/%09/evil.example", "/%09/evil.example"],
    ["/%5Cevil.example", "/%5Cevil.example"],
    // Dot segments are resolved as the browser would, and the result is checked again.
    ["/learn/../me", "/me"],
    ["/a/./b", "/a/b"],
  ])("accepts %j as %j", (value, expected) => {
    expect(safeRedirectPath(value, "/fallback")).toBe(expected);
    expect(landsOn(expected)).toBe(SITE);
  });

  it("takes the first of repeated parameters and refuses other types", () => {
    expect(safeRedirectPath(["/review", "//evil.example"])).toBe("/review");
    expect(safeRedirectPath(["//evil.example", "/review"])).toBe("/me");
    expect(safeRedirectPath(undefined)).toBe("/me");
    expect(safeRedirectPath(null, "/careers")).toBe("/careers");
    expect(safeRedirectPath(42, "/careers")).toBe("/careers");
    expect(safeCallbackUrl("/\t/evil.example")).toBe("/me");
  });

  it("refuses very long input", () => {
    const long = `/${"a".repeat(MAX_REDIRECT_LENGTH)}`;
    expect(safeRedirectPath(long, "/fallback")).toBe("/fallback");
    expect(safeRedirectPath(long.slice(0, MAX_REDIRECT_LENGTH), "/fallback")).toBe(
      long.slice(0, MAX_REDIRECT_LENGTH),
    );
    expect(safeRedirectPath(`/${"/\t\\".repeat(100_000)}evil.example`, "/fallback")).toBe(
      "/fallback",
    );
  });

  it("never returns anything that leaves the site, whatever the input (fuzzed)", () => {
    const tricky = fc.constantFrom(
      "/",
      "\\",
      "\t",
      "\n",
      "\r",
      " ",
      "\u0000",
      "\u007f",
      ".",
      ":",
      "@",
      "%",
      "2F",
      "5C",
      "09",
      "?",
      "#",
      "evil.example",
      "javascript",
      "http",
      "s",
      "//",
      "\u3002",
      "\uff0f",
      "a",
    );
    fc.assert(
      fc.property(
        fc.array(tricky, { maxLength: 12 }).map((parts) => parts.join("")),
        (value) => {
          const result = safeRedirectPath(value, "/fallback");
          expect(result.startsWith("/") && !result.startsWith("//")).toBe(true);
          expect(landsOn(result)).toBe(SITE);
        },
      ),
      { numRuns: 1500, seed: 20261 },
    );
  });
});

describe("safeAuthRedirect: the Auth.js redirect callback", () => {
  const base = "http://localhost:3000";

  it("keeps same-site paths and absolute URLs on the site's own origin", () => {
    expect(safeAuthRedirect("/learn/x?y=1", base)).toBe("http://localhost:3000/learn/x?y=1");
    expect(safeAuthRedirect("http://localhost:3000/me", base)).toBe("http://localhost:3000/me");
  });

  it.each([
    ...OFF_SITE,
    "http://localhost:3000.evil.example/me",
    "http://localhost:3001/me",
    "https://localhost:3000/me",
    "http://user@localhost:3000/me",
    "http://localhost:3000\t/me",
  ])("sends %j to the site's root", (url) => {
    expect(safeAuthRedirect(url, base)).toBe("http://localhost:3000");
  });
});
