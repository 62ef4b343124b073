import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { DatabaseHandle } from "@/db/client";
import { addSkillEvidence, completeLesson } from "@/db/queries/progress";
import { getOrCreateReportKeys } from "@/lib/report/stored-keys";
import {
  DEFAULT_PROFILE,
  findPublicProfile,
  getProfile,
  HandleTakenError,
  loadLearnerRecord,
  saveProfileSettings,
  setTargetRole,
} from "@/db/queries/roadmap";
import { createUser } from "@/db/queries/users";
import { signSkillReport, verifySkillReport } from "@/lib/report/sign";
import { buildSkillReport } from "@/lib/report/report";
import { computeMastery } from "@/lib/roadmap/mastery";
import type { EvidenceSource } from "@/lib/roadmap/types";

import { testDatabases } from "../../support/databases";

/** A one-quiz catalogue: quiz `c/q1` evidences vqe. */
const VQE_QUIZ: ReadonlyMap<string, EvidenceSource> = new Map([
  [
    "c/q1",
    {
      ref: "c/q1",
      kind: "quiz",
      type: "quiz",
      title: "Quiz: VQE",
      courseId: "c",
      lessonId: "l1",
      lessonTitle: "VQE",
      href: "/learn/c/l1",
      skills: ["vqe"],
    },
  ],
]);

describe.each(testDatabases)("roadmap profiles and report keys on $name", (kind) => {
  let handle: DatabaseHandle;
  let ada: string;
  let bob: string;
  beforeAll(async () => {
    handle = await kind.create();
    ada = (
      await createUser(handle.db, { email: "ada@example.com", name: "Ada", passwordHash: "x" })
    ).id;
    bob = (
      await createUser(handle.db, { email: "bob@example.com", name: "Bob", passwordHash: "x" })
    ).id;
  });
  afterAll(async () => {
    await handle?.close();
  });

  it("has a private profile with no target role by default", async () => {
    expect(await getProfile(handle.db, ada)).toEqual(DEFAULT_PROFILE);
  });

  it("sets and clears the target role without touching the public settings", async () => {
    await saveProfileSettings(handle.db, ada, {
      handle: "Ada-L",
      isPublic: false,
      shownSkills: ["vqe"],
    });
    await setTargetRole(handle.db, ada, "qml-engineer");
    expect(await getProfile(handle.db, ada)).toEqual({
      targetRoleId: "qml-engineer",
      handle: "ada-l",
      isPublic: false,
      shownSkills: ["vqe"],
    });
    await setTargetRole(handle.db, ada, null);
    expect((await getProfile(handle.db, ada)).targetRoleId).toBeNull();
  });

  it("finds a profile by handle only while it is public", async () => {
    expect(await findPublicProfile(handle.db, "ada-l")).toBeUndefined();
    await saveProfileSettings(handle.db, ada, {
      handle: "ada-l",
      isPublic: true,
      shownSkills: ["vqe"],
    });
    expect(await findPublicProfile(handle.db, "ADA-L")).toEqual({
      userId: ada,
      name: "Ada",
      handle: "ada-l",
      shownSkills: ["vqe"],
    });
  });

  it("refuses a handle another learner holds, even when both claim it at once", async () => {
    await expect(
      saveProfileSettings(handle.db, bob, { handle: "ADA-L", isPublic: true, shownSkills: [] }),
    ).rejects.toBeInstanceOf(HandleTakenError);
    const claims = await Promise.allSettled([
      saveProfileSettings(handle.db, ada, { handle: "qubit", isPublic: true, shownSkills: [] }),
      saveProfileSettings(handle.db, bob, { handle: "qubit", isPublic: true, shownSkills: [] }),
    ]);
    expect(claims.filter((c) => c.status === "fulfilled")).toHaveLength(1);
    expect(claims.find((c) => c.status === "rejected")?.reason).toBeInstanceOf(HandleTakenError);
  });

  it("reads evidence and completed lessons for the roadmap", async () => {
    await completeLesson(handle.db, bob, "c", "l1");
    await addSkillEvidence(handle.db, bob, [
      { skillId: "vqe", kind: "lesson", ref: "c/l1", score: 1 },
      { skillId: "vqe", kind: "quiz", ref: "c/q1", score: 0.8 },
    ]);
    const record = await loadLearnerRecord(handle.db, bob);
    expect([...record.completedLessons]).toEqual(["c/l1"]);
    const mastery = computeMastery([{ id: "vqe" }], VQE_QUIZ, record.evidence);
    // The passed quiz earns level 1; the lesson row earns nothing.
    expect(mastery.get("vqe")).toMatchObject({ level: 1, status: "in-progress" });
    expect(mastery.get("vqe")!.evidence.map((e) => [e.ref, e.score])).toEqual([["c/q1", 0.8]]);
  });

  it("creates one report key pair per deployment, even on concurrent first use, and signs with it", async () => {
    const pairs = await Promise.all([1, 2, 3].map(() => getOrCreateReportKeys(handle.db)));
    expect(new Set(pairs.map((p) => p.publicKey)).size).toBe(1);
    const report = buildSkillReport({
      issuer: "http://x",
      issuedAt: new Date(),
      learner: { name: "Bob", handle: null },
      skills: [{ id: "vqe", name: "VQE" }],
      mastery: computeMastery(
        [{ id: "vqe" }],
        VQE_QUIZ,
        (await loadLearnerRecord(handle.db, bob)).evidence,
      ),
      shownSkills: new Set(["vqe"]),
      titles: new Map(),
    });
    const signed = signSkillReport(report, pairs[0]);
    expect(verifySkillReport(signed, (await getOrCreateReportKeys(handle.db)).publicKey).ok).toBe(
      true,
    );
  });
});
