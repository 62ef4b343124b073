"use client";

import { useSyncExternalStore } from "react";

export type SiteTheme = "light" | "dark";

/**
 * The site's current theme, following the same rule as globals.css: an explicit
 * `<html data-theme>` wins, otherwise the OS preference. It watches the attribute itself, so any
 * way of changing the theme (the toggle, another tab's script) is picked up.
 */
const DARK_QUERY = "(prefers-color-scheme: dark)";

function readTheme(): SiteTheme {
  const explicit = document.documentElement.dataset.theme;
  if (explicit === "light" || explicit === "dark") return explicit;
  return window.matchMedia(DARK_QUERY).matches ? "dark" : "light";
}

function subscribe(onChange: () => void): () => void {
  const media = window.matchMedia(DARK_QUERY);
  media.addEventListener("change", onChange);
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ["data-theme"] });
  return () => {
    media.removeEventListener("change", onChange);
    observer.disconnect();
  };
}

/** The theme in the browser; null while rendering on the server, where it is not known. */
export function useSiteTheme(): SiteTheme | null {
  return useSyncExternalStore<SiteTheme | null>(subscribe, readTheme, () => null);
}
