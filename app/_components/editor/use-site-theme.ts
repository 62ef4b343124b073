"use client";

import { useSyncExternalStore } from "react";

import type { SiteTheme } from "./qasm-themes";

/**
 * The site's current theme, following the same rule as globals.css: an explicit
 * `<html data-theme>` wins, otherwise the OS preference. It watches the attribute itself (not
 * only the theme toggle's event) so any way of changing the theme is picked up.
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

export function useSiteTheme(): SiteTheme {
  // The editor only renders in the browser, so the server value is never shown; "light" keeps
  // the hook total.
  return useSyncExternalStore(subscribe, readTheme, () => "light");
}
