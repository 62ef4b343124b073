import { execFile } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";

import { DataIntegrityProof } from "@digitalcredentials/data-integrity";
import { cryptosuite } from "@digitalcredentials/eddsa-rdfc-2022-cryptosuite";
import { securityLoader } from "@digitalcredentials/security-document-loader";
import { verifyCredential } from "@digitalcredentials/vc";
import { checkStatus } from "@digitalcredentials/vc-bitstring-status-list";
import { expect, type Page, test } from "@playwright/test";

import { loadLessonChecks } from "../../lib/grading/load-checks";

import { IRIS_EXERCISE_CELL, IRIS_LESSON, irisExerciseSpec } from "./iris-exercise";
import { answerQuestion } from "./quiz-answers";
import { newUser, replaceCode, signUp } from "./support";

const CONTENT = path.join(process.cwd(), "content");
const QUIZ_LESSON = "/learn/qml-foundations/qubits";
// The test knows the quiz answers (it reads the server-side check file); the page never does.
const checks = loadLessonChecks(CONTENT, "qml-foundations", "01-qubits");

type Json = Record<string, unknown>;

/** What an outside verifier does: the DCC library, the status list fetched from the site. */
async function independentlyVerify(page: Page, credential: Json) {
  const { statusListCredential } = credential.credentialStatus as { statusListCredential: string };
  const statusList = await (await page.request.get(statusListCredential)).json();
  const loader = securityLoader({ fetchRemoteContexts: false });
  loader.addStatic(statusListCredential, statusList);
  return verifyCredential({
    credential,
    suite: new DataIntegrityProof({ cryptosuite }),
    documentLoader: loader.build(),
    checkStatus,
  });
}

const runCli = (file: string) =>
  promisify(execFile)("npm", ["run", "--silent", "verify-report", "--", file]).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => e,
  );

test("a learner earns skills, downloads an Open Badges credential that verifies here and with an independent verifier; a tampered copy and a revoked one are rejected", async ({
  page,
}, testInfo) => {
  test.setTimeout(240_000);
  const { quiz } = await checks;
  const user = newUser("badge");
  await signUp(page, user, QUIZ_LESSON);

  // Earn evidence through the real lesson UI: a passed quiz and a passed experiment exercise.
  const form = page.getByRole("region", { name: "Check your understanding" });
  for (const question of quiz!.questions) await answerQuestion(page, question);
  await form.getByRole("button", { name: /Submit answers/ }).click();
  await expect(page.locator("#quiz-results-title")).toContainText(/^Passed: /);

  // The experiment exercise, trained for longer in the cell's spec editor, then checked.
  await page.goto(IRIS_LESSON);
  const cell = page.locator(IRIS_EXERCISE_CELL);
  await cell.scrollIntoViewIfNeeded();
  await replaceCode(page, cell.locator("[data-part=spec]"), irisExerciseSpec(40));
  await cell.getByRole("button", { name: "Check my answer" }).click();
  await expect(cell.locator(".feedback")).toContainText("✓ Correct", { timeout: 30_000 });

  // Download the credential where the report used to be.
  await page.goto("/me/settings");
  const downloading = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download my credential (Open Badges JSON)" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^ketbook-credential-\d{4}-\d\d-\d\d\.json$/);
  const file = testInfo.outputPath("credential.json");
  await download.saveAs(file);
  const bundle = JSON.parse(await readFile(file, "utf8")) as Json;
  expect(bundle.type).toEqual(["VerifiablePresentation"]);
  const credentials = bundle.verifiableCredential as Json[];
  const qubits = credentials.find((c) => String(c.name).startsWith("Qubits and superposition:"))!;
  expect(qubits.type).toEqual(["VerifiableCredential", "OpenBadgeCredential"]);
  expect(qubits.proof).toMatchObject({ cryptosuite: "eddsa-rdfc-2022" });
  // A quiz alone earns level 1; the experiment check, passed on held-out data, earns level 3 of
  // the skills it declares; nothing claims an SDK or Python, which Ketbook does not assess.
  expect(qubits.name).toBe("Qubits and superposition: Aware");
  const qnn = credentials.find((c) => String(c.name).startsWith("Parameterised circuits"))!;
  expect(qnn.name).toBe("Parameterised circuits and QNNs: Proficient");
  expect((qnn.evidence as Json[]).map((e) => [e.name, e.genre])).toEqual([
    ["90 % on held-out data", "Experiment check passed"],
  ]);
  expect(credentials.map((c) => String(c.name))).not.toContainEqual(
    expect.stringMatching(/^(Qiskit|PennyLane|Cirq|Amazon Braket|Programming)/),
  );

  // Anyone's verifier accepts it, revocation status included.
  for (const credential of credentials) {
    const result = await independentlyVerify(page, credential);
    expect(result.verified, JSON.stringify(result.error)).toBe(true);
  }
  const cli = await runCli(file);
  expect(cli.code).toBe(0);
  expect(cli.stdout).toContain(`${file}: VALID — ${user.name}`);

  // /verify by paste: valid, with the issuer, the learner, each skill and its dated evidence.
  await page.goto("/verify");
  const did = await page.getByTestId("issuer-did").innerText();
  expect(did).toMatch(/^did:key:z6Mk/);
  const input = page.getByLabel("Credential JSON, or its URL on this site");
  const verifyButton = page.getByRole("button", { name: "Verify", exact: true });
  const status = page.getByTestId("verify-status");
  await input.fill(JSON.stringify(bundle, null, 2));
  await verifyButton.click();
  await expect(status).toHaveAttribute("data-status", "valid");
  await expect(status).toHaveText("Valid: issued by this Ketbook and unchanged since.");
  await expect(page.getByTestId("verify-learner")).toHaveText(user.name);
  await expect(page.getByText(did).first()).toBeVisible();
  const skills = page.getByRole("list", { name: "Skill levels" });
  await expect(skills.locator("li[data-credential-skill]")).toHaveCount(credentials.length);
  const qubitsItem = skills.locator("li[data-credential-skill]").filter({
    hasText: String(qubits.name),
  });
  await expect(qubitsItem).toContainText(/Quiz passed on \d{4}-\d\d-\d\d/);

  // By upload: the same verdict.
  await input.fill("");
  await page.getByLabel("Or upload the file").setInputFiles(file);
  await expect(input).not.toHaveValue("");
  await verifyButton.click();
  await expect(status).toHaveAttribute("data-status", "valid");

  // A copy with a level raised is rejected.
  const tampered = structuredClone(bundle);
  const forged = (tampered.verifiableCredential as Json[]).find((c) => c.id === qubits.id)!;
  const achievement = (forged.credentialSubject as Json).achievement as Json;
  achievement.name = String(achievement.name).replace(/: \w+$/, ": Proficient");
  const tamperedFile = testInfo.outputPath("tampered.json");
  await writeFile(tamperedFile, JSON.stringify(tampered));
  await input.fill(JSON.stringify(tampered));
  await verifyButton.click();
  await expect(status).toHaveAttribute("data-status", "tampered");
  await expect(status).toHaveText("Not valid: the credential was changed after it was issued.");
  expect((await independentlyVerify(page, forged)).verified).toBe(false);
  expect((await runCli(tamperedFile)).code).toBe(1);

  // JSON that is no credential gets a plain message.
  await input.fill('{ "hello": "world" }');
  await verifyButton.click();
  await expect(status).toHaveAttribute("data-status", "not-a-credential");
  await expect(status).toContainText("This is not a verifiable credential");

  // The learner revokes it: every verifier now rejects it.
  await page.goto("/me/settings");
  const issued = page.getByRole("list", { name: "Issued credentials" }).locator("li");
  await expect(issued).toHaveCount(1);
  page.once("dialog", (dialog) => dialog.accept());
  await issued.getByRole("button", { name: "Revoke" }).click();
  await expect(issued).toContainText(/Revoked \d{4}-\d\d-\d\d/);

  // Checked by its URL on this site, from the link beside it.
  await issued.getByRole("link", { name: "Verify" }).click();
  await page.waitForURL(/\/verify\?url=/);
  await page.getByRole("button", { name: "Verify", exact: true }).click();
  await expect(page.getByTestId("verify-status")).toHaveAttribute("data-status", "revoked");
  await expect(page.getByTestId("verify-status")).toHaveText(
    "Revoked: its holder withdrew this credential.",
  );
  expect((await independentlyVerify(page, qubits)).verified).toBe(false);
  expect((await runCli(file)).code).toBe(1);
});
