/**
 * `npm run verify-report -- FILE.json [--key PUBLIC_KEY | --issuer URL] [--offline]`
 *
 * Checks a Ketbook credential file: an Open Badges 3.0 credential or bundle (Data Integrity
 * proof, eddsa-rdfc-2022, by the deployment's did:key; revocation from the Bitstring Status List
 * the credential names, fetched unless --offline), or a skill report in the legacy format
 * (Ed25519 over canonical JSON). Pin the deployment's key with --key (shown on its /verify page)
 * or let the command fetch it from --issuer (GET URL/api/report/key); without either, only
 * integrity under the key the file names is checked, and the output says so.
 * Exit status: 0 valid, 1 invalid or revoked, 2 usage or unreadable file.
 */
import { readFile } from "node:fs/promises";

import { issuerDid } from "../credentials/issuer-key";
import { statusListNumber } from "../credentials/status-list";
import { checkCredentials, credentialsIn } from "../credentials/verify";
import { verifySkillReport } from "./sign";

const USAGE =
  "usage: npm run verify-report -- FILE.json [--key PUBLIC_KEY | --issuer URL] [--offline]";

async function main(argv: string[]): Promise<number> {
  let file: string | undefined;
  let key: string | undefined;
  let issuer: string | undefined;
  let offline = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--offline") offline = true;
    else if (arg === "--key" || arg === "--issuer") {
      const value = argv[++i];
      if (!value) return usage(`${arg} needs a value`);
      if (arg === "--key") key = value;
      else issuer = value;
    } else if (arg.startsWith("--")) return usage(`unknown option ${arg}`);
    else if (file) return usage("give one file");
    else file = arg;
  }
  if (!file) return usage("give the credential or report file");
  if (key && issuer) return usage("give --key or --issuer, not both");

  let data: unknown;
  try {
    data = JSON.parse(await readFile(file, "utf8"));
  } catch (error) {
    console.error(`${file}: cannot read the file: ${(error as Error).message}`);
    return 2;
  }
  if (issuer) {
    const response = await fetch(new URL("/api/report/key", issuer));
    if (!response.ok) {
      console.error(`${issuer}: could not fetch the public key (HTTP ${response.status})`);
      return 2;
    }
    key = ((await response.json()) as { publicKey: string }).publicKey;
  }
  const credentials = credentialsIn(data);
  return credentials
    ? verifyCredentialFile(file, credentials, data, key, offline)
    : verifyLegacy(file, data, key);
}

async function verifyCredentialFile(
  file: string,
  credentials: Record<string, unknown>[],
  data: unknown,
  key: string | undefined,
  offline: boolean,
): Promise<number> {
  const named = credentials[0].issuer;
  const namedDid = typeof named === "string" ? named : (named as { id?: string } | undefined)?.id;
  const trusted = key ? await issuerDid(key) : (namedDid ?? "");
  const statusLists = new Map<string, unknown>();
  if (!offline) {
    for (const credential of credentials) {
      const url = (credential.credentialStatus as { statusListCredential?: string } | undefined)
        ?.statusListCredential;
      if (!url || statusLists.has(url) || statusListNumber(url) === undefined) continue;
      const response = await fetch(url);
      if (response.ok) statusLists.set(url, await response.json());
    }
  }
  const check = await checkCredentials(data, trusted, statusLists);
  if (check.kind === "not-a-credential") {
    console.error(`${file}: INVALID: ${check.message}`);
    return 1;
  }
  for (const c of check.credentials) {
    console.log(`${c.details?.achievement ?? c.id ?? "credential"}: ${c.status} — ${c.message}`);
  }
  const acceptable = check.status === "valid" || (offline && check.status === "status-unknown");
  const learner = check.credentials.find((c) => c.details)?.details?.learnerName ?? "?";
  console.log(
    `${file}: ${acceptable ? "VALID" : `INVALID (${check.status})`} — ${learner}, ${check.credentials.length} credential(s), issuer ${trusted}`,
  );
  if (offline) console.log("note: --offline: the proofs were checked, revocation was not");
  if (!key) {
    console.log(
      "note: checked against the issuer the file names; pass --key or --issuer to confirm it is the deployment's key",
    );
  }
  return acceptable ? 0 : 1;
}

function verifyLegacy(file: string, data: unknown, key: string | undefined): number {
  const result = verifySkillReport(data, key);
  if (!result.ok) {
    console.error(`${file}: INVALID (${result.reason}): ${result.message}`);
    return 1;
  }
  const { report } = result;
  console.log(
    `${file}: VALID (legacy skill report) — ${report.learner.name}, ${report.skills.length} skill(s), issued ${report.issuedAt} by ${report.issuer}`,
  );
  if (!key) {
    console.log(
      `note: checked against the key inside the file (${result.publicKey}); pass --key or --issuer to confirm it is the deployment's key`,
    );
  }
  return 0;
}

function usage(problem: string): number {
  console.error(`${problem}\n${USAGE}`);
  return 2;
}

process.exitCode = await main(process.argv.slice(2));
