import type { Metadata } from "next";
import { connection } from "next/server";

import { getDatabase } from "@/db/client";
import { getOrCreateReportKeys } from "@/lib/report/stored-keys";

import "../../_components/roadmap/roadmap.css";
import { VerifyForm } from "./verify-form";

export const metadata: Metadata = { title: "Verify a skill report" };

/** Where an employer checks that a skill report file was issued here and not edited. */
export default async function VerifyPage() {
  // The key lives in the database: render per request, never at build time.
  await connection();
  const { publicKey } = await getOrCreateReportKeys(getDatabase().db);
  return (
    <div className="page">
      <h1>Verify a skill report</h1>
      <p className="lead">
        Ketbook signs every exported skill report with this deployment&apos;s Ed25519 key. Paste or
        upload the JSON file to check that it was issued here and has not been changed.
      </p>
      <VerifyForm />
      <h2>Verify offline</h2>
      <p>
        With the Ketbook source: <code>npm run verify-report -- report.json --key {publicKey}</code>
      </p>
      <p className="meta">
        This deployment&apos;s public key: <code data-testid="public-key">{publicKey}</code>
      </p>
    </div>
  );
}
