import type { CredentialCheck, CredentialStatus } from "@/lib/credentials/verify";

const HEADLINE: Record<CredentialStatus, string> = {
  valid: "Valid: issued by this Ketbook and unchanged since.",
  tampered: "Not valid: the credential was changed after it was issued.",
  revoked: "Revoked: its holder withdrew this credential.",
  foreign: "Not issued by this Ketbook.",
  "status-unknown": "The proof holds, but its revocation status could not be checked.",
};

/** The verdict on an Open Badges credential or bundle, then each skill level it certifies. */
export function CredentialResult({ check }: { check: CredentialCheck }) {
  if (check.kind === "not-a-credential") {
    return (
      <p className="notice notice--bad" data-testid="verify-status" data-status="not-a-credential">
        {check.message}
      </p>
    );
  }
  const ok = check.status === "valid";
  const first = check.credentials.find((c) => c.details)?.details;
  return (
    <div>
      <p
        className={`notice ${ok ? "notice--ok" : "notice--bad"}`}
        data-testid="verify-status"
        data-status={check.status}
      >
        {HEADLINE[check.status]}
      </p>
      {first && (
        <dl className="verify-facts">
          <dt>Issuer</dt>
          <dd>
            {first.issuer.name}
            {first.issuer.url ? ` (${first.issuer.url})` : ""} · <code>{first.issuer.id}</code>
          </dd>
          <dt>Learner</dt>
          <dd data-testid="verify-learner">{first.learnerName}</dd>
          <dt>Issued</dt>
          <dd>{first.validFrom.slice(0, 10)}</dd>
        </dl>
      )}
      <ul className="verify-skills" aria-label="Skill levels">
        {check.credentials.map((c, i) => (
          <li key={c.id ?? i} data-credential-skill={c.status}>
            {c.details ? (
              <>
                <strong>{c.details.achievement}</strong> — {c.message}
                <p className="meta">{c.details.description}</p>
                <ul aria-label={`Evidence for ${c.details.achievement}`}>
                  {c.details.evidence.map((e, j) => (
                    <li key={j}>
                      {e.name} <span className="meta">({e.description})</span>
                    </li>
                  ))}
                </ul>
              </>
            ) : (
              <>{c.message}</>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
