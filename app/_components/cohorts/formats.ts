/** How the studio's cohort pages write dates and shares (UTC, so every instructor reads alike). */
export const dayFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });
export const momentFormat = new Intl.DateTimeFormat("en-GB", {
  dateStyle: "medium",
  timeStyle: "short",
  timeZone: "UTC",
});

export const percent = (share: number) => `${Math.round(share * 100)}%`;
