import { describe, expect, it } from "vitest";

import { shutdownGraceMs } from "@/lib/http/edge.mjs";

describe("shutdown grace", () => {
  it("lets the longest deadline of runs and experiments pass, plus time to answer", () => {
    expect(shutdownGraceMs({})).toBe(63_000);
    expect(shutdownGraceMs({ KETBOOK_EXPERIMENT_DEADLINE_MS: "5000" })).toBe(13_000);
    expect(
      shutdownGraceMs({ KETBOOK_SIM_DEADLINE_MS: "90000", KETBOOK_EXPERIMENT_DEADLINE_MS: "5000" }),
    ).toBe(93_000);
  });
});
