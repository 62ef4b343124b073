"use client";

import { type ChangeEvent, type FormEvent, useState } from "react";

type Outcome =
  | { kind: "valid"; name: string; skills: number; issuedAt: string }
  | { kind: "invalid"; message: string };

/** Posts the pasted or uploaded report to /api/report/verify and says what it found. */
export function VerifyForm() {
  const [text, setText] = useState("");
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [busy, setBusy] = useState(false);

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (file) setText(await file.text());
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      let data: unknown;
      try {
        data = JSON.parse(text);
      } catch {
        setOutcome({ kind: "invalid", message: "This is not JSON: paste the whole report file." });
        return;
      }
      const response = await fetch("/api/report/verify", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(data),
      });
      const body = (await response.json()) as
        | { ok: true; report: { learner: { name: string }; skills: unknown[]; issuedAt: string } }
        | { ok: false; message: string }
        | { error: { message: string } };
      if ("error" in body) setOutcome({ kind: "invalid", message: body.error.message });
      else if (body.ok)
        setOutcome({
          kind: "valid",
          name: body.report.learner.name,
          skills: body.report.skills.length,
          issuedAt: body.report.issuedAt,
        });
      else setOutcome({ kind: "invalid", message: body.message });
    } catch {
      setOutcome({ kind: "invalid", message: "Could not reach the server. Try again." });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="verify-form" onSubmit={onSubmit}>
      <label htmlFor="report-json">Report JSON</label>
      <textarea
        id="report-json"
        value={text}
        onChange={(e) => setText(e.target.value)}
        spellCheck={false}
      />
      <label htmlFor="report-file">Or upload the file</label>
      <input id="report-file" type="file" accept="application/json,.json" onChange={onFile} />
      <div>
        <button type="submit" className="button button--primary" disabled={busy || text === ""}>
          Verify report
        </button>
      </div>
      <div role="status" aria-live="polite">
        {outcome?.kind === "valid" && (
          <p className="notice notice--ok">
            Valid: issued by this Ketbook to {outcome.name} on {outcome.issuedAt.slice(0, 10)},{" "}
            {outcome.skills} skill(s), unchanged since.
          </p>
        )}
        {outcome?.kind === "invalid" && (
          <p className="notice notice--bad">Not valid: {outcome.message}</p>
        )}
      </div>
    </form>
  );
}
