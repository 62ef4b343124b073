/**
 * Issued credentials checked by the Digital Credentials Consortium's verifier (their `vc`
 * library with the eddsa-rdfc-2022 Data Integrity suite, their Bitstring Status List check and
 * their offline document loader), not by Ketbook's own verification code: what any wallet or
 * employer's tool would do with the file.
 */
import { DataIntegrityProof } from "@digitalcredentials/data-integrity";
import { cryptosuite } from "@digitalcredentials/eddsa-rdfc-2022-cryptosuite";
import { securityLoader } from "@digitalcredentials/security-document-loader";
import { verifyCredential } from "@digitalcredentials/vc";
import { checkStatus } from "@digitalcredentials/vc-bitstring-status-list";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { DatabaseHandle } from "@/db/client";
import { revokeIssuedCredential } from "@/db/queries/credentials";
import { addSkillEvidence } from "@/db/queries/progress";
import { createUser } from "@/db/queries/users";
import { issueLearnerCredential, signedStatusList } from "@/lib/credentials/service";
import { statusListNumber } from "@/lib/credentials/status-list";

import { testDatabases } from "../../support/databases";

const ORIGIN = "https://ketbook.test";

type Json = Record<string, unknown>;

/** Verifies one credential as an outside verifier would, given the status list it names. */
async function independentlyVerify(credential: Json, statusList: Json) {
  const loader = securityLoader({ fetchRemoteContexts: false });
  const status = credential.credentialStatus as { statusListCredential: string };
  loader.addStatic(status.statusListCredential, statusList);
  return verifyCredential({
    credential,
    suite: new DataIntegrityProof({ cryptosuite }),
    documentLoader: loader.build(),
    checkStatus,
  });
}

describe.each(testDatabases)("Open Badges credentials on $name", (kind) => {
  let handle: DatabaseHandle;
  let ada: string;
  let bundle: { id: string; document: Json };
  let credentials: Json[];

  beforeAll(async () => {
    handle = await kind.create();
    ada = (
      await createUser(handle.db, {
        email: "ada@example.com",
        name: "Ada Lovelace",
        passwordHash: "x",
      })
    ).id;
    await addSkillEvidence(handle.db, ada, [
      {
        skillId: "qubits-superposition",
        kind: "quiz",
        ref: "qml-foundations/qubits-quiz",
        score: 1,
      },
      {
        skillId: "qubits-superposition",
        kind: "exercise",
        ref: "qml-foundations/qubits-exercise-amplitudes",
        score: 1,
      },
      // A row an older rule stored from a lesson's tags: the tools quiz declares only gates and
      // circuits, and Qiskit is not assessed here, so no credential may claim it.
      { skillId: "tool-qiskit", kind: "quiz", ref: "qml-foundations/tools-quiz", score: 1 },
    ]);
    bundle = await issueLearnerCredential(
      handle.db,
      { id: ada, name: "Ada Lovelace" },
      ORIGIN,
      new Date(),
    );
    credentials = bundle.document.verifiableCredential as Json[];
  });
  afterAll(async () => {
    await handle?.close();
  });

  async function currentStatusList(credential: Json): Promise<Json> {
    const url = (credential.credentialStatus as { statusListCredential: string })
      .statusListCredential;
    return signedStatusList(handle.db, ORIGIN, statusListNumber(url)!, new Date());
  }

  it("issues one OpenBadgeCredential per earned skill level, with titled, dated evidence", () => {
    expect(bundle.document.type).toEqual(["VerifiablePresentation"]);
    expect(credentials.length).toBeGreaterThan(0);
    const superposition = credentials.find((c) =>
      JSON.stringify(c).includes("qubits-superposition/"),
    )!;
    expect(superposition.type).toEqual(["VerifiableCredential", "OpenBadgeCredential"]);
    const subject = superposition.credentialSubject as Json;
    expect(subject.name).toBe("Ada Lovelace");
    const achievement = subject.achievement as Json;
    expect(achievement.humanCode).toBe("qubits-superposition/2");
    expect(achievement.name).toMatch(/: Practitioner$/);
    const evidence = superposition.evidence as Json[];
    expect(evidence.map((e) => e.genre).sort()).toEqual(["Exercise solved", "Quiz passed"]);
    expect(evidence.find((e) => e.genre === "Quiz passed")!.name).toBe(
      "Quiz: Bits, qubits and the Bloch sphere",
    );
    expect(evidence.find((e) => e.genre === "Exercise solved")!.name).toBe(
      "Prepare given amplitudes",
    );
    for (const e of evidence) expect(e.description).toMatch(/ on \d{4}-\d\d-\d\dT/);
    const issuer = superposition.issuer as Json;
    expect(issuer.id).toMatch(/^did:key:z6Mk/);
    const proof = superposition.proof as Json;
    expect(proof).toMatchObject({ type: "DataIntegrityProof", cryptosuite: "eddsa-rdfc-2022" });
  });

  it("claims only levels the evidence earns, and never a skill not assessed here", () => {
    const codes = credentials.map(
      (c) => ((c.credentialSubject as Json).achievement as Json).humanCode,
    );
    // The qubits quiz names four skills (level 1 each); the amplitudes exercise raises two of
    // them to level 2; the tools quiz gives gates and circuits level 1 and Qiskit nothing.
    expect(codes).toEqual([
      "linear-algebra/2",
      "probability-statistics/1",
      "qubits-superposition/2",
      "measurement/1",
      "gates-circuits/1",
    ]);
  });

  it("is accepted by the independent verifier, status list included", async () => {
    for (const credential of credentials) {
      const result = await independentlyVerify(credential, await currentStatusList(credential));
      expect(result.error).toBeUndefined();
      expect(result.verified).toBe(true);
      expect(result.statusResult?.verified).toBe(true);
    }
  });

  it("is rejected by the independent verifier once a level is changed", async () => {
    const tampered = structuredClone(credentials[0]);
    const achievement = (tampered.credentialSubject as Json).achievement as Json;
    achievement.name = String(achievement.name).replace(/: \w+$/, ": Proficient");
    achievement.humanCode = String(achievement.humanCode).replace(/\/\d$/, "/3");
    const result = await independentlyVerify(tampered, await currentStatusList(tampered));
    expect(result.verified).toBe(false);
  });

  it("is rejected by the independent verifier once its holder revokes it", async () => {
    expect(await revokeIssuedCredential(handle.db, ada, bundle.id, new Date())).toBe(true);
    for (const credential of credentials) {
      const result = await independentlyVerify(credential, await currentStatusList(credential));
      expect(result.verified).toBe(false);
      expect(result.statusResult?.verified).toBe(false);
    }
  });
});
