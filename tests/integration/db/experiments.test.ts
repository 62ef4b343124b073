import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { DatabaseHandle } from "@/db/client";
import { listExperimentResults, saveExperimentResult } from "@/db/queries/experiments";
import { createUser } from "@/db/queries/users";

import { testDatabases } from "../../support/databases";

describe.each(testDatabases)("stored experiment results on $name", (kind) => {
  let handle: DatabaseHandle;
  let ada: string;
  let grace: string;
  beforeAll(async () => {
    handle = await kind.create();
    ada = (
      await createUser(handle.db, { email: "ada@example.com", name: "Ada", passwordHash: "x" })
    ).id;
    grace = (
      await createUser(handle.db, { email: "grace@example.com", name: "Grace", passwordHash: "x" })
    ).id;
  });
  afterAll(async () => {
    await handle?.close();
  });

  it("keeps the latest result per cell, with the code that produced it, for its owner only", async () => {
    const result = (loss: number) => ({
      kind: "train",
      metrics: { loss },
      history: [{ step: 1, loss }],
    });
    await saveExperimentResult(handle.db, ada, "course", "lesson", {
      cellId: "train",
      source: "v1",
      result: result(0.5),
    });
    await saveExperimentResult(handle.db, ada, "course", "lesson", {
      cellId: "train",
      source: "v2",
      result: result(0.1),
    });
    await saveExperimentResult(handle.db, ada, "course", "lesson", {
      cellId: "scan",
      source: "s",
      result: result(0.9),
    });
    await saveExperimentResult(handle.db, grace, "course", "lesson", {
      cellId: "train",
      source: "g",
      result: result(0.7),
    });

    const stored = await listExperimentResults(handle.db, ada, "course", "lesson");
    expect(stored.map((r) => r.cellId).sort()).toEqual(["scan", "train"]);
    const train = stored.find((r) => r.cellId === "train")!;
    expect(train.source).toBe("v2");
    expect(train.result).toEqual(result(0.1)); // JSON survives the round trip exactly
    expect(await listExperimentResults(handle.db, ada, "course", "other")).toEqual([]);
    const graces = await listExperimentResults(handle.db, grace, "course", "lesson");
    expect(graces.map((r) => r.source)).toEqual(["g"]);
  });
});
