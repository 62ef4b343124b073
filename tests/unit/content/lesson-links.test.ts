import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { loadContent } from "@/lib/notebook/load-content";

/**
 * Lessons name each other by link, never by position ("lesson 7"), because the teaching order
 * changes. A link `/learn/<course>/<slug>` must name a lesson the site serves at that address.
 */
const CONTENT = path.join(process.cwd(), "content");
const library = await loadContent(CONTENT);

describe("links between lessons", () => {
  const files = readdirSync(path.join(CONTENT, "courses"), { recursive: true, encoding: "utf8" })
    .filter((file) => /\.(md|ya?ml)$/.test(file))
    .sort();

  it("there are lesson files to check", () => {
    expect(files.length).toBeGreaterThan(0);
  });

  for (const file of files) {
    const text = readFileSync(path.join(CONTENT, "courses", file), "utf8");
    const links = [...text.matchAll(/\]\((\/learn\/[\w-]+\/[\w-]+)\)/g)].map((m) => m[1]);
    if (links.length === 0) continue;
    it(`${file}: every /learn/ link names a lesson`, () => {
      const broken = links.filter((link) => !library.lessons.has(link.replace(/^\/learn\//, "")));
      expect(broken).toEqual([]);
    });
  }
});
