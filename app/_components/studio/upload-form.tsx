"use client";

import { useRouter } from "next/navigation";
import { type ReactNode, useState } from "react";

/**
 * A form that sends one chosen file as the request body (a course zip, a notebook) and opens
 * the page the answer names; refusals are shown with the server's reason.
 */
export function UploadForm({
  label,
  accept,
  submit,
  url,
  then,
  children,
}: {
  label: string;
  accept: string;
  submit: string;
  /** The URL to POST to, given the form's other fields and the file's name. */
  url: (fields: FormData, fileName: string) => string;
  /** Where to go with the JSON answer. */
  then: (answer: Record<string, string>) => string;
  children?: ReactNode;
}) {
  const router = useRouter();
  const [message, setMessage] = useState("");
  return (
    <form
      aria-label={label}
      className="stack"
      onSubmit={async (event) => {
        event.preventDefault();
        const fields = new FormData(event.currentTarget);
        const file = fields.get("file");
        if (!(file instanceof File) || file.size === 0) return setMessage("Choose a file first.");
        setMessage("Uploading…");
        try {
          const response = await fetch(url(fields, file.name), {
            method: "POST",
            headers: { "content-type": file.type || "application/octet-stream" },
            body: file,
          });
          const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
          if (response.ok) {
            setMessage("Imported.");
            router.push(then(body as Record<string, string>));
            router.refresh();
          } else {
            const error = body.error as { message?: string } | undefined;
            setMessage(error?.message ?? `The server answered ${response.status}.`);
          }
        } catch {
          setMessage("The server could not be reached.");
        }
      }}
    >
      <label>
        File
        <input name="file" type="file" accept={accept} required />
      </label>
      {children}
      <button type="submit" className="button">
        {submit}
      </button>
      <p role="status" aria-live="polite">
        {message}
      </p>
    </form>
  );
}
