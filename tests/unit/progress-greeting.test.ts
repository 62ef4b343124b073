import { describe, expect, it } from "vitest";

import { dashboardGreeting } from "@/lib/progress/greeting";

describe("dashboardGreeting", () => {
  it("welcomes a brand-new account without the 'back'", () => {
    expect(dashboardGreeting("Ada", { lessonsVisited: 0, exercisesSolved: 0 })).toBe(
      "Welcome, Ada",
    );
  });

  it("welcomes back anyone with a lesson visited or an exercise solved", () => {
    expect(dashboardGreeting("Ada", { lessonsVisited: 1, exercisesSolved: 0 })).toBe(
      "Welcome back, Ada",
    );
    expect(dashboardGreeting("Ada", { lessonsVisited: 0, exercisesSolved: 2 })).toBe(
      "Welcome back, Ada",
    );
  });
});
