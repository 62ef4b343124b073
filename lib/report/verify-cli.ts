/**
 * `npm run verify-report -- FILE.json [--key PUBLIC_KEY | --issuer URL]`
 *
 * Checks a signed Ketbook skill report. Pin the deployment's key with --key (shown on its
 * /verify page) or let the command fetch it from --issuer (GET URL/api/report/key); without
 * either, only the report's integrity under the key it carries is checked, and the output says
 * so. Exit status: 0 valid, 1 invalid, 2 usage or unreadable file.
 */
import { readFile } from "node:fs/promises";

import { verifySkillReport } from "./sign";

const USAGE = "usage: npm run verify-report -- FILE.json [--key PUBLIC_KEY | --issuer URL]";

async function main(argv: string[]): Promise<number> {
  let file: string | undefined;
  let key: string | undefined;
  let issuer: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--key" || arg === "--issuer") {
      const value = argv[++i];
      if (!value) return usage(`${arg} needs a value`);
      if (arg === "--key") key = value;
      else issuer = value;
    } else if (arg.startsWith("--")) return usage(`unknown option ${arg}`);
    else if (file) return usage("give one file");
    else file = arg;
  }
  if (!file) return usage("give the report file");
  if (key && issuer) return usage("give --key or --issuer, not both");

  let data: unknown;
  try {
    data = JSON.parse(await readFile(file, "utf8"));
  } catch (error) {
    console.error(`${file}: cannot read the report: ${(error as Error).message}`);
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

  const result = verifySkillReport(data, key);
  if (!result.ok) {
    console.error(`${file}: INVALID (${result.reason}): ${result.message}`);
    return 1;
  }
  const { report } = result;
  console.log(
    `${file}: VALID — ${report.learner.name}, ${report.skills.length} skill(s), issued ${report.issuedAt} by ${report.issuer}`,
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
