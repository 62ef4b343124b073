/**
 * What /verify answers (lib/credentials/service checkSubmitted): Open Badges credentials by
 * status, legacy reports by their own check, and plain words for anything else.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { DatabaseHandle } from "@/db/client";
import { revokeIssuedCredential } from "@/db/queries/credentials";
import { addSkillEvidence } from "@/db/queries/progress";
import { createUser } from "@/db/queries/users";
import { issuerKey } from "@/lib/credentials/issuer-key";
import { checkSubmitted, issueLearnerCredential } from "@/lib/credentials/service";
import { signCredential } from "@/lib/credentials/sign";
import { generateReportKeyPair } from "@/lib/report/keys";
import { buildSkillReport } from "@/lib/report/report";
import { signSkillReport } from "@/lib/report/sign";
import { getOrCreateReportKeys } from "@/lib/report/stored-keys";

import { testDatabases } from "../../support/databases";

const ORIGIN = "https://ketbook.test";
type Json = Record<string, unknown>;

describe.each(testDatabases)("checking submitted credentials on $name", (kind) => {
  let handle: DatabaseHandle;
  let ada: string;
  let issued: { id: string; document: Json };

  beforeAll(async () => {
    handle = await kind.create();
    ada = (await createUser(handle.db, { email: "a@example.com", name: "Ada", passwordHash: "x" }))
      .id;
    await addSkillEvidence(handle.db, ada, [
      { skillId: "measurement", kind: "quiz", ref: "qml-foundations/qubits-quiz", score: 1 },
    ]);
    issued = await issueLearnerCredential(handle.db, { id: ada, name: "Ada" }, ORIGIN, new Date());
  });
  afterAll(async () => {
    await handle?.close();
  });

  const check = (data: unknown) => checkSubmitted(handle.db, data, new Date());
  const credentials = () => issued.document.verifiableCredential as Json[];

  it("accepts the bundle and a single credential taken out of it, with their details", async () => {
    const bundle = await check(issued.document);
    expect(bundle).toMatchObject({ format: "open-badges", check: { status: "valid" } });
    if (bundle.format !== "open-badges" || bundle.check.kind !== "credentials") throw new Error();
    // The qubits quiz names four skills, each at level 1.
    expect(bundle.check.credentials.map((c) => c.details!.achievement)).toEqual([
      "Linear algebra: Aware",
      "Probability and statistics: Aware",
      "Qubits and superposition: Aware",
      "Measurement: Aware",
    ]);
    expect(bundle.check.credentials[0].details).toMatchObject({
      learnerName: "Ada",
      issuer: { name: "Ketbook", url: ORIGIN },
    });
    expect(bundle.check.credentials[0].details!.evidence[0].description).toMatch(
      /^Quiz passed on \d{4}-/,
    );
    expect(await check(credentials()[0])).toMatchObject({ check: { status: "valid" } });
  });

  it("says tampered when a level is raised, and foreign when another key signed it", async () => {
    const tampered = structuredClone(credentials()[0]);
    ((tampered.credentialSubject as Json).achievement as Json).name = "Measurement: Proficient";
    expect(await check(tampered)).toMatchObject({ check: { status: "tampered" } });

    const stranger = await issuerKey(generateReportKeyPair());
    const { proof: _proof, ...unsigned } = structuredClone(credentials()[0]);
    const forged = await signCredential(
      { ...unsigned, issuer: { ...(unsigned.issuer as Json), id: stranger.did } },
      stranger,
    );
    expect(await check(forged)).toMatchObject({ check: { status: "foreign" } });
  });

  it("says plainly when JSON is not a credential", async () => {
    for (const data of [{ hello: "world" }, { type: "VerifiablePresentation" }, [1, 2], "text"]) {
      expect(await check(data)).toMatchObject({ check: { kind: "not-a-credential" } });
    }
  });

  it("keeps verifying skill reports in the legacy format", async () => {
    const keys = await getOrCreateReportKeys(handle.db);
    const report = buildSkillReport({
      issuer: ORIGIN,
      issuedAt: new Date(),
      learner: { name: "Ada", handle: null },
      skills: [],
      mastery: new Map(),
      shownSkills: new Set(),
      titles: new Map(),
    });
    const signed = signSkillReport(report, keys);
    expect(await check(signed)).toMatchObject({ format: "legacy-report", result: { ok: true } });
    const edited = structuredClone(signed);
    edited.report.learner.name = "Eve";
    expect(await check(edited)).toMatchObject({
      format: "legacy-report",
      result: { ok: false, reason: "bad-signature" },
    });
  });

  it("says revoked once the holder revokes it", async () => {
    await revokeIssuedCredential(handle.db, ada, issued.id, new Date());
    expect(await check(issued.document)).toMatchObject({ check: { status: "revoked" } });
  });
});
