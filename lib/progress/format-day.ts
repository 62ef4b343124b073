const DAY = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  timeZone: "UTC",
});

/**
 * "3 Dec 2026" for an ISO time. Fixed locale and time zone, so the server's render and the
 * browser's hydration print the same text.
 */
export function formatDay(iso: string): string {
  return DAY.format(new Date(iso));
}
