import { expect, test } from "@playwright/test";

/**
 * The /dev/outputs gallery renders every output view on real engine results (fixed seeds).
 * These checks follow what a learner and a screen reader get: named bars, table rows, one
 * sphere per qubit, one drawn operation per circuit operation, and keyboard-driven tabs.
 */
test.beforeEach(async ({ page }) => {
  await page.goto("/dev/outputs");
  await expect(page.getByRole("heading", { level: 1, name: "Output views" })).toBeVisible();
});

test("the Bell histogram has a named, focusable bar for 00 and for 11 only", async ({ page }) => {
  const view = page.locator('[data-view="histogram"]');
  const bars = view.locator(".out-hit");
  await expect(bars).toHaveCount(2);
  const zero = view.getByRole("img", { name: /^00: \d+ shots, \d+\.\d%$/ });
  const ones = view.getByRole("img", { name: /^11: \d+ shots, \d+\.\d%$/ });
  await expect(zero).toHaveCount(1);
  await expect(ones).toHaveCount(1);

  // Keyboard focus shows the tooltip with the exact count.
  await zero.focus();
  await expect(zero.locator(".out-tip")).toHaveCSS("opacity", "1");
  await expect(zero.locator(".out-tip text")).toHaveText(/^00: \d+ shots, \d+\.\d%$/);

  // The text alternative lists the same outcomes.
  await view.getByText("Show as table").click();
  await expect(view.locator("tbody tr")).toHaveCount(2);
});

test("the GHZ-10 histogram folds the rarest outcomes into an 'others' bar", async ({ page }) => {
  const cell = page.locator('[data-sample="ghz10"]');
  await expect(cell.getByRole("tab", { name: "Histogram" })).toHaveAttribute(
    "aria-selected",
    "true",
  );
  await expect(cell.locator(".out-hit")).toHaveCount(17);
  await expect(cell.getByRole("img", { name: /^others \(\d+ outcomes\): \d+ shots/ })).toHaveCount(
    1,
  );
  await expect(cell.getByText(/^Showing the 16 most frequent of \d+ outcomes/)).toBeVisible();
  await expect(cell.getByText(/^Large results are capped/)).toBeVisible();
});

test("the state table lists the nonzero amplitudes of the 3-qubit state", async ({ page }) => {
  const view = page.locator('[data-view="state"]');
  const rows = view.locator("tbody tr");
  await expect(rows).toHaveCount(4);
  await expect(view.getByText("4 of 8 basis states shown", { exact: false })).toBeVisible();
  await expect(rows.first().locator("th")).toHaveText("|000⟩");
  await expect(rows.first().locator("td").first()).toHaveText("0.6124 + 0.0000i");
  await expect(view.getByRole("img", { name: /^phase 90\.0° \(π\/2\)$/ })).toHaveCount(1);
});

test("the state table of GHZ-10 pages with Prev and Next", async ({ page }) => {
  const cell = page.locator('[data-sample="ghz10"]');
  await cell.getByRole("tab", { name: "State" }).click();
  const panel = cell.getByRole("tabpanel");
  await expect(panel.locator("tbody tr")).toHaveCount(16);
  const first = await panel.locator("tbody tr th").first().textContent();
  await panel.getByRole("button", { name: "Next" }).click();
  await expect(panel.getByText(/^Page 2 of \d+/)).toBeVisible();
  await expect(panel.locator("tbody tr th").first()).not.toHaveText(first ?? "");
  await expect(panel.getByRole("button", { name: "Prev" })).toBeEnabled();
});

test("one Bloch sphere per qubit, with the mixed-state explanation", async ({ page }) => {
  const view = page.locator('[data-view="bloch"]');
  await expect(view.getByRole("img", { name: /^Bloch sphere of q\[\d\]/ })).toHaveCount(3);
  await expect(
    view.getByText("mixed: |r| = 0.00 — this qubit is entangled with others"),
  ).toHaveCount(2);
  const ghz = page.locator('[data-sample="ghz10"]');
  await ghz.getByRole("tab", { name: "Bloch" }).click();
  await expect(ghz.getByRole("img", { name: /^Bloch sphere of q\[\d+\]/ })).toHaveCount(10);
});

test("the circuit diagram draws every operation and lists them in words", async ({ page }) => {
  const view = page.locator('[data-view="circuit"]');
  await expect(
    view.getByRole("img", { name: /^Circuit diagram: 3 qubits, 2 classical bits, 10 operations/ }),
  ).toBeVisible();
  await expect(view.locator("[data-op]")).toHaveCount(10);
  await expect(view.locator(".out-ctrl--open")).toHaveCount(1);
  await expect(view.locator(".out-swap")).toHaveCount(2);
  await expect(view.locator(".out-meter")).toHaveCount(2);
  await expect(view.locator(".out-condition")).toHaveText("c[0]==1");
  await view.getByText("Operations as a list").click();
  const items = view.locator("ol li");
  await expect(items).toHaveCount(10);
  await expect(items.first()).toHaveText("H on q[0]");
  await expect(items.nth(2)).toHaveText("H on q[2], controlled by q[1] (on |0⟩)");
});

test("tabs follow the keyboard and the error reads its location", async ({ page }) => {
  const cell = page.locator('[data-sample="bell"]');
  const histogram = cell.getByRole("tab", { name: "Histogram" });
  await histogram.focus();
  await page.keyboard.press("ArrowRight");
  const state = cell.getByRole("tab", { name: "State" });
  await expect(state).toBeFocused();
  await expect(state).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("End");
  await expect(cell.getByRole("tab", { name: "Circuit" })).toBeFocused();
  await expect(cell.getByRole("tabpanel").locator("[data-op]")).toHaveCount(4);

  await expect(
    page.locator('[data-sample="state3"]').getByRole("tab", { name: "State" }),
  ).toHaveAttribute("aria-selected", "true");
  await expect(page.locator('[data-view="error"]').getByRole("alert")).toHaveText(
    /Line 4, column 1: unknown gate `hh`/,
  );
});
