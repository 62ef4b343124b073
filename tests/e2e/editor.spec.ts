import { test as base, expect, type Page } from "@playwright/test";

/**
 * The notebook editor on its playground page (/dev/editor): two cells, the second with a
 * diagnostic at 3:1, and a run log. Every test also checks that the page talks to nobody but
 * its own origin (Monaco, its CSS and its worker are all served by the site) and logs no errors.
 */

/** Fails the test if the page asked anything of another origin or logged an error. */
const test = base.extend<{ watchPage: void }>({
  watchPage: [
    async ({ page, baseURL }, use) => {
      const origin = new URL(baseURL!).origin;
      const foreign: string[] = [];
      const errors: string[] = [];
      page.on("request", (request) => {
        const url = request.url();
        if (!url.startsWith(`${origin}/`) && !/^(data|blob):/.test(url)) foreign.push(url);
      });
      page.on("pageerror", (error) => errors.push(error.message));
      page.on("console", (message) => {
        // The site has no favicon; the browser's own request for one is not the editor's.
        if (message.type() === "error" && !message.location().url.endsWith("/favicon.ico")) {
          errors.push(message.text());
        }
      });
      await use();
      expect(foreign, "requests that left the site").toEqual([]);
      expect(errors, "errors in the browser console").toEqual([]);
    },
    { auto: true },
  ],
});

/** Text of an editor's visible lines, with Monaco's non-breaking spaces made plain. */
async function editorText(page: Page, cell: number): Promise<string> {
  const lines = await page
    .locator("section.cell")
    .nth(cell)
    .locator(".view-line")
    .evaluateAll((nodes) =>
      nodes
        .map((node) => ({
          top: parseFloat((node as HTMLElement).style.top),
          text: node.textContent,
        }))
        .sort((a, b) => a.top - b.top)
        .map((line) => (line.text ?? "").replace(/\u00a0/g, " ")),
    );
  return lines.join("\n");
}

test("the first paint has highlighted code and no Monaco; the editor then takes its place without moving anything", async ({
  page,
  request,
  browser,
}) => {
  // What the server sends: the stand-in, and no script that contains Monaco.
  const html = await (await request.get("/dev/editor")).text();
  expect(html).toContain('class="qasm-editor__static"');
  expect(html).not.toContain("monaco-editor");
  const scripts = [...html.matchAll(/src="(\/_next\/static\/[^"]+\.js)"/g)].map((m) => m[1]);
  expect(scripts.length).toBeGreaterThan(0);
  for (const src of new Set(scripts)) {
    const body = await (await request.get(src)).text();
    expect(body.includes("MonacoEnvironment"), `${src} holds Monaco`).toBe(false);
  }

  // Layout without any JavaScript (the stand-in) versus with the editor loaded.
  const staticContext = await browser.newContext({ javaScriptEnabled: false });
  const staticPage = await staticContext.newPage();
  await staticPage.goto("/dev/editor");
  const cellBoxes = (p: Page) =>
    p.locator("section.cell").evaluateAll((cells) =>
      cells.map((cell) => {
        const box = cell.getBoundingClientRect();
        return { top: Math.round(box.top), height: Math.round(box.height) };
      }),
    );
  const before = await cellBoxes(staticPage);
  await staticContext.close();

  await page.goto("/dev/editor");
  await expect(page.locator("section.cell .monaco-editor")).toHaveCount(2);
  await expect(page.locator(".qasm-editor__static")).toHaveCount(0);
  expect(await cellBoxes(page)).toEqual(before);
});

test("typing works; Shift+Enter runs and advances, Ctrl+Enter runs and stays; completion offers cx", async ({
  page,
}) => {
  await page.goto("/dev/editor");
  const cell = page.locator("section.cell").first();
  await expect(cell.locator(".monaco-editor")).toBeVisible();

  await cell.locator(".view-lines").click();
  await page.keyboard.press("Control+End");
  await page.keyboard.type("x q[1]; // flip");
  await expect.poll(() => editorText(page, 0)).toContain("x q[1]; // flip");

  const log = page.getByRole("list", { name: "Run log" });
  await page.keyboard.press("Shift+Enter");
  await expect(log.getByRole("listitem")).toHaveText(["run bell advance"]);
  await page.keyboard.press("Control+Enter");
  await expect(log.getByRole("listitem")).toHaveText(["run bell advance", "run bell stay"]);
  // Neither key inserted a line break.
  expect((await editorText(page, 0)).split("\n").at(-1)).toBe("x q[1]; // flip");

  // The editor grows by one line height per line (8 lines here, so above the 3-line minimum).
  const host = cell.locator(".qasm-editor__monaco");
  const heightBefore = (await host.boundingBox())!.height;
  await page.keyboard.press("End");
  await page.keyboard.press("Enter");
  await expect.poll(async () => (await host.boundingBox())!.height).toBe(heightBefore + 22);

  // Ctrl+/ comments the line out and back in.
  await page.keyboard.type("h q[0];");
  await page.keyboard.press("Control+/");
  await expect.poll(async () => (await editorText(page, 0)).split("\n").at(-1)).toBe("// h q[0];");
  await page.keyboard.press("Control+/");
  await expect.poll(async () => (await editorText(page, 0)).split("\n").at(-1)).toBe("h q[0];");

  await page.keyboard.press("End");
  await page.keyboard.press("Enter");
  await page.keyboard.type("cx");
  const suggestion = page
    .locator(".suggest-widget .monaco-list-row")
    .filter({ has: page.locator(".label-name", { hasText: /^cx$/ }) });
  await expect(suggestion).toBeVisible();
  await expect(suggestion).toContainText("cx c, t");
  await page.keyboard.press("Enter");
  // The snippet fills the qubits from the declared register.
  await expect.poll(() => editorText(page, 0)).toContain("cx q[0], q[1];");
});

test("a diagnostic is a squiggle whose hover shows the message", async ({ page }) => {
  await page.goto("/dev/editor");
  const cell = page.locator("section.cell").nth(1);
  const squiggle = cell.locator(".squiggly-error");
  await expect(squiggle).toHaveCount(1);
  // The squiggle sits under the word `hadamard` (line 3, from column 1). Monaco may re-render the
  // line while it tokenizes, so compare positions once both are stable.
  const word = cell.locator(".view-line span span", { hasText: "hadamard" }).first();
  await expect(word).toBeVisible();
  await expect(async () => {
    const box = (await squiggle.boundingBox())!;
    const wordBox = (await word.boundingBox())!;
    expect(Math.abs(box.x - wordBox.x)).toBeLessThan(2);
  }).toPass({ timeout: 10_000 });
  const wordBox = (await word.boundingBox())!;
  // Monaco opens a hover after a delay and only on a fresh mouse move over the word, so move
  // away and back until it shows (a slow machine can miss the first move).
  await expect(async () => {
    await page.mouse.move(0, 0);
    await page.mouse.move(wordBox.x + 10, wordBox.y + wordBox.height / 2);
    await expect(page.locator(".monaco-hover:visible")).toContainText('unknown gate "hadamard"', {
      timeout: 2_000,
    });
  }).toPass({ timeout: 20_000 });
});

test("gate hover docs, site colours in both themes, and Escape gives the keyboard back", async ({
  page,
}) => {
  await page.goto("/dev/editor");
  await page.evaluate(() => {
    document.documentElement.dataset.theme = "light";
  });
  const cell = page.locator("section.cell").first();
  await expect(cell.locator(".monaco-editor")).toBeVisible();

  // The innermost element holding exactly this token, however Monaco nests its spans.
  const token = (text: string) =>
    cell.locator(".view-lines").getByText(text, { exact: true }).first();
  // Colours from globals.css: --tok-keyword and --tok-gate of the light theme.
  await expect(token("OPENQASM")).toHaveCSS("color", "rgb(138, 43, 185)");
  await expect(token("cx")).toHaveCSS("color", "rgb(75, 63, 214)");

  const gate = token("cx");
  const gateBox = (await gate.boundingBox())!;
  const hover = page.locator(".monaco-hover:visible");
  await expect(async () => {
    await page.mouse.move(0, 0);
    await page.mouse.move(gateBox.x + gateBox.width / 2, gateBox.y + gateBox.height / 2);
    await expect(hover).toContainText("Controlled-NOT: flips the target when the control is |1⟩.", {
      timeout: 2_000,
    });
  }).toPass({ timeout: 20_000 });
  await expect(hover).toContainText("⎢ 0  0  0  1 ⎥");
  await page.mouse.move(0, 0);

  await page.evaluate(() => {
    document.documentElement.dataset.theme = "dark";
  });
  await expect(cell.locator(".lines-content.monaco-editor-background")).toHaveCSS(
    "background-color",
    "rgb(20, 27, 42)",
  );
  await expect(token("OPENQASM")).toHaveCSS("color", "rgb(216, 162, 255)");

  const input = cell.getByRole("textbox", { name: "OpenQASM code of cell 1" });
  await expect(input).toHaveAccessibleDescription(/Escape or Ctrl\+M leaves the editor/);
  await cell.locator(".view-lines").click();
  await expect(input).toBeFocused();
  // Tab indents (Monaco keeps it), so Escape is the way out.
  await page.keyboard.press("Tab");
  await expect(input).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(cell).toBeFocused();
  await cell.locator(".view-lines").click();
  await page.keyboard.press("Control+m");
  await expect(cell).toBeFocused();
});

test("without a chosen theme the editor follows the system's dark preference", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto("/dev/editor");
  const cell = page.locator("section.cell").first();
  await expect(cell.locator(".monaco-editor")).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBeUndefined();
  await expect(cell.locator(".lines-content.monaco-editor-background")).toHaveCSS(
    "background-color",
    "rgb(20, 27, 42)",
  );
  await page.emulateMedia({ colorScheme: "light" });
  await expect(cell.locator(".lines-content.monaco-editor-background")).toHaveCSS(
    "background-color",
    "rgb(243, 245, 250)",
  );
});
