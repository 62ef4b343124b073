import { readFileSync } from "node:fs";

import { describe, expect, it } from "vitest";

import { monacoTheme, SITE_PALETTES } from "@/app/_components/editor/qasm-themes";

/** The custom properties declared in the first rule of globals.css whose selector is `selector`. */
function cssVariables(css: string, selector: string): Record<string, string> {
  const start = css.indexOf(`${selector} {`);
  if (start < 0) throw new Error(`no rule ${selector} in globals.css`);
  const body = css.slice(start, css.indexOf("}", start));
  return Object.fromEntries(
    [...body.matchAll(/--([\w-]+):\s*([^;]+);/g)].map((m) => [m[1], m[2].trim()]),
  );
}

const css = readFileSync("app/globals.css", "utf8");

describe("editor themes", () => {
  it.each([
    ["light", ":root"],
    ["dark", ':root[data-theme="dark"]'],
  ] as const)("the %s palette is the one globals.css declares", (theme, selector) => {
    const declared = cssVariables(css, selector);
    for (const [name, value] of Object.entries(SITE_PALETTES[theme])) {
      expect({ name, value }).toEqual({ name, value: declared[name] });
    }
  });

  it("colours each token class with its site variable", () => {
    const dark = monacoTheme("dark");
    expect(dark.base).toBe("vs-dark");
    expect(dark.colors["editor.background"]).toBe("#141b2a");
    const rule = (token: string) => dark.rules.find((r) => r.token === token);
    expect(rule("keyword")).toEqual({ token: "keyword", foreground: "d8a2ff", fontStyle: "bold" });
    expect(rule("gate")?.foreground).toBe("a9a2ff");
    expect(rule("comment")).toEqual({
      token: "comment",
      foreground: "8b95ab",
      fontStyle: "italic",
    });
  });
});
