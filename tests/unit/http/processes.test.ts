import { describe, expect, it } from "vitest";

import {
  httpProcessCount,
  processCountProblem,
  simWorkersPerProcess,
} from "@/lib/http/processes.mjs";

describe("KETBOOK_HTTP_PROCESSES", () => {
  it("is one process when unset or blank", () => {
    expect(httpProcessCount({}, 8)).toBe(1);
    expect(httpProcessCount({ KETBOOK_HTTP_PROCESSES: " " }, 8)).toBe(1);
  });

  it("takes a whole number, or auto for one process per core", () => {
    expect(httpProcessCount({ KETBOOK_HTTP_PROCESSES: "3" }, 8)).toBe(3);
    expect(httpProcessCount({ KETBOOK_HTTP_PROCESSES: "auto" }, 8)).toBe(8);
  });

  it.each(["0", "-1", "1.5", "two", "2x"])("refuses %j, saying what it takes", (value) => {
    expect(() => httpProcessCount({ KETBOOK_HTTP_PROCESSES: value }, 8)).toThrow(
      /whole number of at least 1 or "auto"/,
    );
  });

  it("needs DATABASE_URL for more than one process", () => {
    expect(processCountProblem(2, {})).toMatch(/needs DATABASE_URL/);
    expect(processCountProblem(2, { DATABASE_URL: "postgres://db/app" })).toBeUndefined();
    expect(processCountProblem(1, {})).toBeUndefined();
  });

  it("shares the cores out among the processes' simulation pools, at least one thread each", () => {
    expect(simWorkersPerProcess(2, 8)).toBe(4);
    expect(simWorkersPerProcess(3, 8)).toBe(2);
    expect(simWorkersPerProcess(4, 2)).toBe(1);
  });
});
