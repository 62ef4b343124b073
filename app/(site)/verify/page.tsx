import type { Metadata } from "next";
import { connection } from "next/server";

import { getDatabase } from "@/db/client";
import { issuerDid } from "@/lib/credentials/issuer-key";
import { getOrCreateReportKeys } from "@/lib/report/stored-keys";

import "../../_components/roadmap/roadmap.css";
import { VerifyForm } from "./verify-form";

export const metadata: Metadata = { title: "Verify a credential" };

interface Props {
  searchParams: Promise<{ url?: string | string[] }>;
}

/** Where an employer checks that a skill credential was issued here, unchanged and unrevoked. */
export default async function VerifyPage({ searchParams }: Props) {
  // The key lives in the database: render per request, never at build time.
  await connection();
  const { publicKey } = await getOrCreateReportKeys(getDatabase().db);
  const did = await issuerDid(publicKey);
  const { url } = await searchParams;
  return (
    <div className="page">
      <h1>Verify a credential</h1>
      <p className="lead">
        Ketbook issues skill credentials as Open Badges 3.0 (W3C Verifiable Credentials), signed
        with a Data Integrity proof (<code>eddsa-rdfc-2022</code>) by this deployment&apos;s{" "}
        <code>did:key</code>. Paste the JSON file, upload it, or paste its link on this site to
        check who issued it, to whom, for which skills, and whether it was changed or revoked.
      </p>
      <VerifyForm initialUrl={typeof url === "string" ? url : undefined} />
      <h2>Verify anywhere</h2>
      <p>
        Any Verifiable Credentials verifier that supports <code>eddsa-rdfc-2022</code> and Bitstring
        Status Lists can check the file: the issuer&apos;s key is in its DID, so the proof checks
        offline; revocation is read from the status list URL in the credential. With the Ketbook
        source: <code>npm run verify-report -- credential.json</code>.
      </p>
      <p className="meta">
        This deployment&apos;s issuer: <code data-testid="issuer-did">{did}</code>
        <br />
        Skill reports issued before credentials (legacy format) are still checked here, against the
        Ed25519 key <code data-testid="public-key">{publicKey}</code>.
      </p>
    </div>
  );
}
