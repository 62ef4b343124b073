"use client";

import { type ChangeEvent, type FormEvent, useState } from "react";

import type { SubmittedCheck } from "@/lib/credentials/service";

import { CredentialResult } from "./credential-result";

type Outcome = SubmittedCheck | { format: "error"; message: string };

/**
 * Sends the pasted or uploaded credential (or a credential URL of this site) to
 * /api/credentials/verify and shows what it found.
 */
export function VerifyForm({ initialUrl }: { initialUrl?: string }) {
  const [text, setText] = useState(initialUrl ?? "");
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [busy, setBusy] = useState(false);

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (file) setText(await file.text());
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const input = text.trim();
    let body: unknown;
    if (/^https?:\/\//i.test(input)) body = { url: input };
    else if (input.startsWith("/")) body = { url: new URL(input, window.location.origin).href };
    else {
      try {
        body = JSON.parse(input);
      } catch {
        setOutcome({
          format: "error",
          message: "This is neither JSON nor a URL: paste the whole credential file or its link.",
        });
        return;
      }
      if (typeof body !== "object" || body === null || Array.isArray(body)) {
        setOutcome({
          format: "error",
          message: "This JSON is not a credential: a credential is a JSON object.",
        });
        return;
      }
    }
    setBusy(true);
    try {
      const response = await fetch("/api/credentials/verify", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      const answer = (await response.json()) as SubmittedCheck | { error: { message: string } };
      setOutcome("error" in answer ? { format: "error", message: answer.error.message } : answer);
    } catch {
      setOutcome({ format: "error", message: "Could not reach the server. Try again." });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="verify-form" onSubmit={onSubmit}>
      <label htmlFor="credential-json">Credential JSON, or its URL on this site</label>
      <textarea
        id="credential-json"
        value={text}
        onChange={(e) => setText(e.target.value)}
        spellCheck={false}
      />
      <label htmlFor="credential-file">Or upload the file</label>
      <input id="credential-file" type="file" accept="application/json,.json" onChange={onFile} />
      <div>
        <button type="submit" className="button button--primary" disabled={busy || text === ""}>
          Verify
        </button>
      </div>
      <div role="status" aria-live="polite">
        {outcome && <OutcomeView outcome={outcome} />}
      </div>
    </form>
  );
}

function OutcomeView({ outcome }: { outcome: Outcome }) {
  switch (outcome.format) {
    case "error":
      return (
        <p className="notice notice--bad" data-testid="verify-status" data-status="error">
          {outcome.message}
        </p>
      );
    case "legacy-report":
      return outcome.result.ok ? (
        <p className="notice notice--ok" data-testid="verify-status" data-status="valid">
          Valid skill report (legacy format, issued before Open Badges): issued by this Ketbook to{" "}
          {outcome.result.report.learner.name} on {outcome.result.report.issuedAt.slice(0, 10)},{" "}
          {outcome.result.report.skills.length} skill(s), unchanged since.
        </p>
      ) : (
        <p className="notice notice--bad" data-testid="verify-status" data-status="tampered">
          Not valid (legacy format skill report): {outcome.result.message}
        </p>
      );
    case "open-badges":
      return <CredentialResult check={outcome.check} />;
  }
}
