import { execFile } from "node:child_process";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";

import { describe, expect, it } from "vitest";

import { canonicalJson } from "@/lib/report/canonical";
import { generateReportKeyPair } from "@/lib/report/keys";
import { buildSkillReport, REPORT_FORMAT } from "@/lib/report/report";
import { signSkillReport, verifySkillReport } from "@/lib/report/sign";
import { computeMastery } from "@/lib/roadmap/mastery";

import { daysAgo, fullEvidence, NOW, row, SKILLS, SOURCES } from "./fixtures";

const keys = generateReportKeyPair();
const mastery = computeMastery(SKILLS, SOURCES, [
  ...fullEvidence("algebra", daysAgo(2)),
  // Reading the ml lesson earns nothing; passing its quiz earns level 1.
  { skillId: "ml", kind: "lesson", ref: "c/ml", score: 1, createdAt: daysAgo(1) },
  row("ml", "quiz", daysAgo(1), 0.8),
]);
const report = buildSkillReport({
  issuer: "https://ketbook.example",
  issuedAt: NOW,
  learner: { name: "Ada", handle: "ada" },
  skills: SKILLS,
  mastery,
  shownSkills: new Set(["algebra", "ml", "qubits"]),
  titles: new Map([["c/ml-quiz", "Quiz: Machine learning basics"]]),
});

describe("buildSkillReport", () => {
  it("lists only shown skills that have evidence, with level and dated evidence", () => {
    expect(report.format).toBe(REPORT_FORMAT);
    expect(report.skills.map((s) => [s.id, s.level, s.levelName, s.masteryPercent])).toEqual([
      ["algebra", 3, "Proficient", 100],
      ["ml", 1, "Aware", 33],
    ]);
    expect(report.skills[1].evidence).toEqual([
      {
        kind: "quiz",
        ref: "c/ml-quiz",
        title: "Quiz: Machine learning basics",
        score: 0.8,
        earnedAt: daysAgo(1).toISOString(),
      },
    ]);
    // Same date: the quiz comes first; the lesson read is not evidence.
    expect(report.skills[0].evidence.map((e) => e.kind)).toEqual(["quiz", "exercise", "exercise"]);
  });
});

describe("canonicalJson", () => {
  it("sorts keys at every depth and drops undefined", () => {
    expect(canonicalJson({ b: [{ z: 1, a: "x" }], a: null, c: undefined })).toBe(
      '{"a":null,"b":[{"a":"x","z":1}]}',
    );
  });
  it("refuses numbers JSON cannot carry", () => {
    expect(() => canonicalJson({ a: Number.NaN })).toThrow("cannot sign the number NaN");
  });
});

describe("signing", () => {
  const signed = signSkillReport(report, keys);
  const roundTrip = () => JSON.parse(JSON.stringify(signed)) as typeof signed;

  it("verifies an untouched report, also re-indented, with and without the pinned key", () => {
    expect(verifySkillReport(JSON.parse(JSON.stringify(signed, null, 4)))).toMatchObject({
      ok: true,
      publicKey: keys.publicKey,
    });
    expect(verifySkillReport(roundTrip(), keys.publicKey)).toEqual({
      ok: true,
      report,
      publicKey: keys.publicKey,
    });
  });

  it("fails on any edit to the report", () => {
    const tampered = roundTrip();
    (tampered.report.skills[1] as { level: number }).level = 3;
    expect(verifySkillReport(tampered, keys.publicKey)).toEqual({
      ok: false,
      reason: "bad-signature",
      message: "The signature does not match: the report was changed after it was signed.",
    });
  });

  it("fails on a report re-signed with another key when the deployment's key is pinned", () => {
    const forged = signSkillReport(
      { ...report, learner: { name: "Mallory", handle: null } },
      generateReportKeyPair(),
    );
    expect(verifySkillReport(forged)).toMatchObject({ ok: true });
    expect(verifySkillReport(forged, keys.publicKey)).toMatchObject({
      ok: false,
      reason: "wrong-key",
    });
  });

  it("explains malformed files", () => {
    expect(verifySkillReport("x")).toMatchObject({
      reason: "malformed",
      message: "The file is not a JSON object.",
    });
    expect(verifySkillReport({ report })).toMatchObject({
      message: "The file has no `signature`.",
    });
    expect(
      verifySkillReport({ report, signature: { algorithm: "RSA", publicKey: "a", value: "b" } }),
    ).toMatchObject({
      message: "The signature algorithm must be Ed25519.",
    });
  });

  it("the verify-report command accepts the real file and rejects a tampered one", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "report-"));
    const good = path.join(dir, "good.json");
    const bad = path.join(dir, "bad.json");
    await writeFile(good, JSON.stringify(signed, null, 2));
    const tampered = roundTrip();
    tampered.report.learner.name = "Someone Else";
    await writeFile(bad, JSON.stringify(tampered));
    const run = (args: string[]) =>
      promisify(execFile)("npx", ["tsx", "lib/report/verify-cli.ts", ...args]).then(
        (r) => ({ code: 0, ...r }),
        (e: { code: number; stdout: string; stderr: string }) => e,
      );
    const ok = await run([good, "--key", keys.publicKey]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toBe(
      `${good}: VALID (legacy skill report) — Ada, 2 skill(s), issued ${NOW.toISOString()} by https://ketbook.example\n`,
    );
    const no = await run([bad]);
    expect(no.code).toBe(1);
    expect(no.stderr).toBe(
      `${bad}: INVALID (bad-signature): The signature does not match: the report was changed after it was signed.\n`,
    );
    const usage = await run([]);
    expect(usage.code).toBe(2);
  }, 30_000);
});
