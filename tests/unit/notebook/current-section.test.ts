import { describe, expect, it } from "vitest";

import { currentSection } from "@/app/_components/notebook/current-section";

const headings = (...tops: number[]) => tops.map((top, i) => ({ slug: `s${i + 1}`, top }));

describe("currentSection", () => {
  it("is none before the first heading reaches the reading line", () => {
    expect(currentSection(headings(400, 900, 1500), 250)).toBeNull();
    expect(currentSection([], 250)).toBeNull();
  });

  it("is the last heading at or above the reading line", () => {
    expect(currentSection(headings(250, 900), 250)).toBe("s1");
    expect(currentSection(headings(-800, -100, 120, 600), 250)).toBe("s3");
    expect(currentSection(headings(-3000, -2000, -900), 250)).toBe("s3");
  });
});
