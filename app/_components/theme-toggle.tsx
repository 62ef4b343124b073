"use client";

import { THEME_STORAGE_KEY } from "./theme";
import { type SiteTheme, useSiteTheme } from "./use-site-theme";

export function ThemeToggle() {
  const theme = useSiteTheme();
  const next: SiteTheme = theme === "dark" ? "light" : "dark";
  return (
    <button
      type="button"
      className="icon-button"
      aria-label={`Switch to ${next} theme`}
      title={`Switch to ${next} theme`}
      onClick={() => {
        document.documentElement.dataset.theme = next;
        localStorage.setItem(THEME_STORAGE_KEY, next);
      }}
    >
      <span aria-hidden="true">{theme === "dark" ? "☀" : "☾"}</span>
    </button>
  );
}
