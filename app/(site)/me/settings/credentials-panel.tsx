"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

export interface IssuedCredentialView {
  readonly id: string;
  readonly skillLevels: number;
  readonly issuedAt: string;
  readonly revokedAt: string | null;
}

/**
 * Issues and downloads the learner's Open Badges credential, lists the ones issued before (each
 * with its link for employers) and revokes them.
 */
export function CredentialsPanel({
  issued,
  canIssue,
}: {
  issued: readonly IssuedCredentialView[];
  canIssue: boolean;
}) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  const issue = async () => {
    setBusy(true);
    setMessage(null);
    try {
      const response = await fetch("/api/credentials", { method: "POST" });
      if (!response.ok) {
        const body = (await response.json()) as { error?: { message?: string } };
        setMessage(body.error?.message ?? "Could not issue the credential.");
        return;
      }
      const name =
        /filename="([^"]+)"/.exec(response.headers.get("content-disposition") ?? "")?.[1] ??
        "ketbook-credential.json";
      const link = document.createElement("a");
      link.href = URL.createObjectURL(await response.blob());
      link.download = name;
      link.click();
      URL.revokeObjectURL(link.href);
      router.refresh();
    } catch {
      setMessage("Could not reach the server. Try again.");
    } finally {
      setBusy(false);
    }
  };

  const revoke = async (id: string) => {
    if (!window.confirm("Revoke this credential? Everyone who checks it will see it revoked.")) {
      return;
    }
    const response = await fetch(`/api/credentials/${id}/revoke`, { method: "POST" });
    if (!response.ok) setMessage("Could not revoke the credential.");
    router.refresh();
  };

  return (
    <section aria-labelledby="credentials-heading">
      <h2 id="credentials-heading">Credentials</h2>
      <p>
        An Open Badges 3.0 credential: one verifiable badge per skill level you have earned, with
        its evidence and dates, that employers, wallets and profiles can check at{" "}
        <a href="/verify">/verify</a> or with any Verifiable Credentials verifier.
      </p>
      <button
        type="button"
        className="button button--primary"
        onClick={issue}
        disabled={busy || !canIssue}
      >
        Download my credential (Open Badges JSON)
      </button>
      {!canIssue && (
        <p className="meta">Earn a skill level first: pass a quiz or solve exercises.</p>
      )}
      {message && (
        <p className="notice notice--bad" role="alert">
          {message}
        </p>
      )}
      {issued.length > 0 && (
        <ul className="issued-credentials" aria-label="Issued credentials">
          {issued.map((c) => (
            <li key={c.id} data-credential-id={c.id}>
              Issued {c.issuedAt.slice(0, 10)}, {c.skillLevels} skill level(s) ·{" "}
              <a href={`/api/credentials/${c.id}?download`} download>
                Download again
              </a>{" "}
              · <a href={`/verify?url=${encodeURIComponent(`/api/credentials/${c.id}`)}`}>Verify</a>{" "}
              ·{" "}
              {c.revokedAt ? (
                <strong>Revoked {c.revokedAt.slice(0, 10)}</strong>
              ) : (
                <button type="button" className="button button--small" onClick={() => revoke(c.id)}>
                  Revoke
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
