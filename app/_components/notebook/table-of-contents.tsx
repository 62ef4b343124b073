"use client";

import { useId } from "react";

import type { TocEntry } from "@/lib/notebook/types";

import { useCurrentSection } from "./use-current-section";

/**
 * The lesson's sections, the one being read marked with aria-current (and highlighted).
 * "aside" is the list beside the text on wide screens; "top" is the same list folded into a
 * disclosure at the top of the lesson, for narrow screens where there is no room beside it.
 */
export function TableOfContents({
  entries,
  placement,
}: {
  entries: readonly TocEntry[];
  placement: "aside" | "top";
}) {
  const headingId = useId();
  const current = useCurrentSection(entries.map((entry) => entry.slug));
  if (entries.length === 0) return null;
  const list = (
    <ol className="toc__list">
      {entries.map((entry) => (
        <li key={entry.slug} className={`toc__item toc__item--${entry.depth}`}>
          <a href={`#${entry.slug}`} aria-current={entry.slug === current ? "location" : undefined}>
            {entry.text}
          </a>
        </li>
      ))}
    </ol>
  );
  if (placement === "top") {
    return (
      <details className="toc toc--top">
        <summary>On this page</summary>
        <nav aria-label="On this page">{list}</nav>
      </details>
    );
  }
  return (
    <nav className="toc" aria-labelledby={headingId}>
      <h2 id={headingId} className="toc__heading">
        On this page
      </h2>
      {list}
    </nav>
  );
}
