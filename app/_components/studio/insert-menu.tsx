"use client";

import { useId, useRef, useState } from "react";

import type { Template } from "@/lib/studio/templates";

/**
 * "Insert" on a YAML tab: a disclosure that lists templates; choosing one appends it to the
 * file. Escape closes the list and returns focus to its button.
 */
export function InsertMenu({
  templates,
  onInsert,
  label,
}: {
  templates: readonly Template[];
  onInsert(template: Template): void;
  /** e.g. "Insert exercise": the button's name. */
  label: string;
}) {
  const [open, setOpen] = useState(false);
  const listId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  return (
    <div
      className="studio-insert"
      onKeyDown={(event) => {
        if (event.key === "Escape" && open) {
          setOpen(false);
          buttonRef.current?.focus();
        }
      }}
    >
      <button
        ref={buttonRef}
        type="button"
        className="button button--small"
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen((value) => !value)}
      >
        {label} ▾
      </button>
      <ul id={listId} className="studio-insert__list" hidden={!open}>
        {templates.map((template) => (
          <li key={template.label}>
            <button
              type="button"
              onClick={() => {
                setOpen(false);
                onInsert(template);
              }}
            >
              {template.label}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
