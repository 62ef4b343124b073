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

/** WCAG 2 relative luminance of a #rrggbb colour. */
function luminance(colour: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(colour.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

describe("syntax colours", () => {
  it.each(["light", "dark"] as const)(
    "every token colour of the %s theme reads at 4.5:1 or more on the code background",
    (theme) => {
      const palette = SITE_PALETTES[theme];
      const tokens = Object.keys(palette).filter((name) => name.startsWith("tok-"));
      expect(tokens).toContain("tok-comment");
      for (const name of tokens) {
        const ratio = contrast(palette[name], palette["bg-code"]);
        expect({ name, enough: ratio >= 4.5 }).toEqual({ name, enough: true });
      }
    },
  );

  it("measures contrast as WCAG does", () => {
    expect(contrast("#000000", "#ffffff")).toBeCloseTo(21, 10);
    // The light comment colour before it was darkened: 4.29:1, under the 4.5 it needs.
    expect(contrast("#6b7488", "#f3f5fa")).toBeCloseTo(4.3, 1);
  });
});
