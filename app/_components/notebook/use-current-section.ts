"use client";

import { useEffect, useState } from "react";

import { currentSection, READING_LINE } from "./current-section";

/**
 * The slug of the section being read, updated as headings cross the reading line. An
 * IntersectionObserver whose band is the top of the viewport down to that line reports each
 * crossing, so nothing runs on every scroll event.
 */
export function useCurrentSection(slugs: readonly string[]): string | null {
  const [current, setCurrent] = useState<string | null>(null);
  const key = JSON.stringify(slugs);

  useEffect(() => {
    const headings = (JSON.parse(key) as string[])
      .map((slug) => document.getElementById(slug))
      .filter((heading): heading is HTMLElement => heading !== null);
    if (headings.length === 0) return;
    const update = () =>
      setCurrent(
        currentSection(
          headings.map((h) => ({ slug: h.id, top: h.getBoundingClientRect().top })),
          window.innerHeight * READING_LINE,
        ),
      );
    const observer = new IntersectionObserver(update, {
      rootMargin: `0px 0px -${Math.round((1 - READING_LINE) * 100)}% 0px`,
    });
    for (const heading of headings) observer.observe(heading);
    return () => observer.disconnect();
  }, [key]);

  return current;
}
