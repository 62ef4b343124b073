import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";

import { GUEST_PAGES, SIGNED_IN_STOPS } from "./audited-pages";

/**
 * axe-core on every page a learner meets, in the light and the dark theme: no serious or
 * critical violation. (Moderate and minor findings are left to review; they do not fail.)
 */
type AxeResults = Awaited<ReturnType<AxeBuilder["analyze"]>>;
type Violation = AxeResults["violations"][number];

const BLOCKING = new Set(["serious", "critical"]);

/** One line a violation, then one a node: its selector and what axe says to fix. */
function describe(violations: readonly Violation[]): string {
  return violations
    .map((v) =>
      [
        `[${v.impact}] ${v.id}: ${v.help} (${v.nodes.length} nodes) ${v.helpUrl}`,
        ...v.nodes.map(
          (node) =>
            `    ${node.target.join(" ")}\n      ${node.failureSummary?.replace(/\n/g, "\n      ")}`,
        ),
      ].join("\n"),
    )
    .join("\n");
}

/**
 * Every rule in the light theme; in the dark one only colour contrast, the one rule a palette
 * changes (a whole run costs tens of seconds on the lesson page). label-content-name-mismatch
 * (WCAG 2.5.3: a control's name contains its visible text) is still "experimental" in axe, so
 * off unless asked for.
 */
const RUNS = [
  {
    colorScheme: "light",
    axe: (page: Page) =>
      new AxeBuilder({ page }).options({
        rules: { "label-content-name-mismatch": { enabled: true } },
      }),
  },
  {
    colorScheme: "dark",
    axe: (page: Page) => new AxeBuilder({ page }).withRules(["color-contrast"]),
  },
] as const;

/** The blocking violations on the page as it is now, in both themes. */
async function audit(page: Page): Promise<string> {
  const reports: string[] = [];
  for (const { colorScheme, axe } of RUNS) {
    await page.emulateMedia({ colorScheme });
    const { violations } = await axe(page).analyze();
    const blocking = violations.filter((v) => BLOCKING.has(v.impact ?? ""));
    if (blocking.length > 0) reports.push(`${colorScheme} theme:\n${describe(blocking)}`);
  }
  await page.emulateMedia({ colorScheme: null });
  return reports.join("\n");
}

for (const { name, path } of GUEST_PAGES) {
  test(`axe: no serious or critical violation on the ${name} page`, async ({ page }) => {
    // axe takes tens of seconds on the lesson page when the machine is busy.
    test.setTimeout(180_000);
    await page.goto(path);
    await page.waitForLoadState("networkidle");
    const report = await audit(page);
    expect(report, `${name} (${path}):\n${report}`).toBe("");
  });
}

test("axe: no serious or critical violation on the quiz results, /review, /me and the careers page signed in", async ({
  page,
}) => {
  test.setTimeout(300_000);
  for (const stop of SIGNED_IN_STOPS) {
    await stop.open(page);
    const report = await audit(page);
    expect.soft(report, `${stop.name} (${page.url()}):\n${report}`).toBe("");
  }
});
