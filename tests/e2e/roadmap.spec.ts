import path from "node:path";

import { expect, type Page, test } from "@playwright/test";

import { loadLessonChecks } from "../../lib/grading/load-checks";

import { answerQuestion } from "./quiz-answers";
import { newUser, replaceCode, signUp } from "./support";

const CONTENT = path.join(process.cwd(), "content");
const LESSON = "/learn/qml-foundations/qubits";
const EXERCISE = "#cell-qubits-exercise-amplitudes";
const SOLUTION = 'OPENQASM 3.0;\ninclude "stdgates.inc";\nqubit[1] q;\nry(pi/3) q[0];';
const ROLE = "quantum-software-engineer";
// The test knows the quiz answers (it reads the server-side check file); the page never does.
const checks = loadLessonChecks(CONTENT, "qml-foundations", "01-qubits");

const node = (page: Page, skill: string) => page.locator(`[data-skill-node="${skill}"]`);
const readiness = (page: Page) =>
  page
    .locator(`[data-role="${ROLE}"]`)
    .getByRole("progressbar", { name: "Readiness for Quantum software engineer" });

test("a new learner starts at 0%; a solved exercise, a passed quiz and a completed lesson move the roadmap, readiness and recommendation", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const { quiz } = await checks;
  await signUp(page, newUser(), "/roadmap");

  await expect(page.getByTestId("roadmap-counts")).toHaveText(
    /^0 mastered · 0 in progress · \d+ not started · 5 not assessed here$/,
  );
  await expect(node(page, "qubits-superposition")).toHaveAttribute("data-status", "not-started");
  await expect(page.locator('[data-skill-item="qubits-superposition"]')).toContainText(
    "Not started",
  );
  await page.goto("/careers");
  await expect(readiness(page)).toHaveAttribute("aria-valuenow", "0");

  // Earn the evidence through the real lesson UI.
  await page.goto(LESSON);
  const cell = page.locator(EXERCISE);
  await replaceCode(page, cell, SOLUTION);
  await cell.getByRole("button", { name: "Check my answer" }).click();
  await expect(cell.locator(".feedback")).toContainText("✓ Correct");
  const form = page.getByRole("region", { name: "Check your understanding" });
  for (const question of quiz!.questions) await answerQuestion(page, question);
  await form.getByRole("button", { name: /Submit answers/ }).click();
  await expect(page.locator("#quiz-results-title")).toContainText(/^Passed: /);
  await page.getByRole("button", { name: "Mark lesson complete" }).click();
  await expect(page.getByText("✓ Lesson completed")).toBeVisible();

  // The node changes state; its details show where the evidence came from.
  await page.goto("/roadmap");
  await expect(node(page, "qubits-superposition")).toHaveAttribute("data-status", "in-progress");
  // Braket is not assessed here: never earned, and the details say where to get it.
  await expect(node(page, "tool-braket")).toHaveAttribute("data-status", "not-assessed");
  await node(page, "qubits-superposition").click();
  const details = page.locator("#skill-details");
  await expect(details.getByRole("heading", { name: "Qubits and superposition" })).toBeVisible();
  // Learners read the exercise's title, never its cell id.
  await expect(details).toContainText(
    "Solved exercise (Practitioner): “Prepare given amplitudes” in “Bits, qubits and the Bloch sphere”",
  );
  await expect(details).not.toContainText("qubits-exercise-amplitudes");
  await expect(details).toContainText(
    /Passed quiz \(Aware\): Quiz: Bits, qubits and the Bloch sphere \(\d+%\)/,
  );
  // Reading the lesson is not evidence.
  await expect(details).not.toContainText("Lesson completed");
  await expect(details.getByRole("link", { name: "Gates and circuits" })).toHaveCount(0);
  await expect(page).toHaveURL(/\/roadmap\?skill=qubits-superposition$/);

  // Readiness rises; the /me panel and the course card agree on the next lesson (the CHSH game,
  // whose exercise evidences entanglement and measurement)…
  await page.goto("/careers");
  const percent = Number(await readiness(page).getAttribute("aria-valuenow"));
  expect(percent).toBeGreaterThan(0);
  await page.goto("/me");
  await expect(page.locator("[data-next-lesson]")).toHaveAttribute("data-next-lesson", "chsh-game");
  await expect(page.locator("[data-course-next-lesson]")).toHaveAttribute(
    "data-course-next-lesson",
    "chsh-game",
  );

  // …the role page says what is missing and where to get what Ketbook does not assess…
  await page.goto(`/careers/${ROLE}`);
  await expect(page.locator('[data-missing="tool-qiskit"]')).toContainText(
    "Not assessed here: Ketbook runs its own simulator, not Qiskit.",
  );

  // …and aiming at quantum software engineering shows its readiness beside the same next step.
  await page.getByRole("button", { name: "Make Quantum software engineer my target role" }).click();
  await expect(
    page.getByRole("button", { name: "Stop targeting Quantum software engineer" }),
  ).toBeVisible();
  await page.goto("/me");
  const panel = page.getByRole("region", { name: "Target role" });
  await expect(panel.getByRole("link", { name: "Quantum software engineer" })).toBeVisible();
  await expect(panel.getByRole("progressbar")).toHaveAttribute("aria-valuenow", String(percent));
  await expect(panel.getByRole("link", { name: /^Next step: The CHSH game/ })).toHaveAttribute(
    "href",
    "/learn/qml-foundations/chsh-game",
  );
  await expect(page.locator("[data-course-next-lesson]")).toHaveAttribute(
    "data-course-next-lesson",
    "chsh-game",
  );
});

test("a target role that is no longer offered gets a message on the careers page, not an error", async ({
  page,
}) => {
  await signUp(page, newUser("retired-role"));
  await page.goto("/careers");
  // A page opened before roles.yaml dropped a role still offers it: its form sends that id.
  const card = page.locator(`[data-role="${ROLE}"]`);
  await card.locator('input[name="roleId"]').evaluate((input: HTMLInputElement) => {
    input.value = "retired-role";
  });
  await card.getByRole("button", { name: "Make Quantum software engineer my target role" }).click();
  await page.waitForURL("/careers?error=unknown-role");
  await expect(
    page.getByRole("alert").filter({ hasText: "That role is no longer offered." }),
  ).toBeVisible();
  await expect(page.getByText("Your target role")).toHaveCount(0);
  // The message comes from a known code only: other text in the URL puts nothing on the page.
  await page.goto("/careers?error=%3Cb%3Ehello%3C%2Fb%3E");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.locator(".notice--bad")).toHaveCount(0);
  await expect(page.getByText("hello")).toHaveCount(0);
});

test("the graph zooms by buttons and keyboard, scrolls with the arrow keys, and nodes are reachable with Tab", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto("/roadmap");
  const svg = page.locator(".skill-graph__svg");
  const frame = page.getByRole("group", { name: /Skill graph/ });
  const natural = Number((await svg.getAttribute("viewBox"))!.split(" ")[2]);
  await expect(svg).toHaveAttribute("width", String(Math.ceil(natural)));
  await page.getByRole("button", { name: "Zoom in" }).click();
  await expect(svg).toHaveAttribute("width", String(Math.ceil(natural * 1.25)));
  await frame.focus();
  await page.keyboard.press("0");
  await expect(svg).toHaveAttribute("width", String(Math.ceil(natural)));
  // Wider than the screen at its natural size: it scrolls sideways instead of shrinking.
  expect(natural).toBeGreaterThan((await frame.boundingBox())!.width);
  await page.keyboard.press("ArrowRight");
  await expect.poll(() => frame.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
  await page.keyboard.press("Tab");
  await expect(node(page, "linear-algebra")).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(
    page.locator("#skill-details").getByRole("heading", { name: "Linear algebra" }),
  ).toBeVisible();
});

test("at 1280 px every node shows its whole name in type of at least 12 px, inside its box, and is named by what it shows", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto("/roadmap");
  const nodes = await page.locator("[data-skill-node]").evaluateAll((links) =>
    links.map((link) => {
      const box = link.querySelector("rect")!.getBoundingClientRect();
      const texts = [...link.querySelectorAll("text")];
      return {
        id: link.getAttribute("data-skill-node")!,
        name: link.getAttribute("aria-label")!,
        shown: texts.map((t) => t.textContent).join(" "),
        // Rendered type size: the CSS size times the drawing's scale on screen.
        fontPx: texts.map((t) => {
          const ctm = (t as SVGTextElement).getScreenCTM()!;
          return parseFloat(getComputedStyle(t).fontSize) * ctm.a;
        }),
        fits: texts.every((t) => {
          const r = t.getBoundingClientRect();
          return (
            r.left >= box.left && r.right <= box.right && r.top >= box.top && r.bottom <= box.bottom
          );
        }),
      };
    }),
  );
  expect(nodes.length).toBeGreaterThan(20);
  const words = (s: string) => s.replace(/[^\p{L}\p{N}%]+/gu, " ").trim();
  for (const n of nodes) {
    expect(n.fits, `${n.id}: text outside its box`).toBe(true);
    for (const px of n.fontPx) expect(px, n.id).toBeGreaterThanOrEqual(12);
    expect(words(n.name), n.id).toBe(words(n.shown));
  }
  // The whole name: nothing cut or squeezed.
  await expect(node(page, "hybrid-workflows")).toHaveAttribute(
    "aria-label",
    /^Hybrid quantum-classical workflows: /,
  );
  await expect(page.locator(".skill-graph [textLength]")).toHaveCount(0);
});

test("on a phone the graph is folded and the list comes first; opened, the graph scrolls within the screen, and a role's table fits", async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/roadmap");
  const disclosure = page.locator(".skill-graph__disclosure");
  await expect(disclosure).not.toHaveAttribute("open");
  await expect(node(page, "linear-algebra")).toBeHidden();
  const firstItem = page.locator("[data-skill-item]").first();
  await expect(firstItem.getByRole("link")).toBeVisible();
  await disclosure.locator("summary").click();
  await expect(node(page, "linear-algebra")).toBeVisible();
  const widest = () => page.evaluate(() => document.scrollingElement!.scrollWidth);
  expect(await widest()).toBe(390);
  // A role's four-column table of skills fits too.
  await page.goto(`/careers/${ROLE}`);
  await expect(page.locator("table.requirements")).toBeVisible();
  expect(await widest()).toBe(390);
});

test("the public profile is off by default, shows only opted-in skills, and links to the credential check", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const user = newUser("report");
  const handle = `h-${user.email.slice(7, 15)}`;
  await signUp(page, user, LESSON);
  const cell = page.locator(EXERCISE);
  await replaceCode(page, cell, SOLUTION);
  await cell.getByRole("button", { name: "Check my answer" }).click();
  await expect(cell.locator(".feedback")).toContainText("✓ Correct");

  await page.goto("/me/settings");
  const isPublic = page.getByLabel("Make my skill report public");
  await expect(isPublic).not.toBeChecked();
  await page.getByLabel(/Public handle/).fill(handle);
  await page.getByLabel(/^Qubits and superposition/).check();
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByRole("status")).toHaveText("Saved.");
  // A handle alone does not publish anything.
  expect((await page.request.get(`/u/${handle}`)).status()).toBe(404);

  await expect(page.getByText("Your public profile is off")).toBeVisible();
  await page.getByLabel("Make my skill report public").check();
  await page.getByRole("button", { name: "Save profile" }).click();
  await page.getByRole("link", { name: "My public profile (printable)" }).click();
  await page.waitForURL(`/u/${handle}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(user.name);
  await expect(page.locator("[data-report-skill]")).toHaveCount(1);
  await expect(page.locator('[data-report-skill="qubits-superposition"]')).toContainText(
    "Solved exercise: “Prepare given amplitudes” in “Bits, qubits and the Bloch sphere”",
  );
  await expect(page.locator('[data-report-skill="qubits-superposition"]')).toContainText(
    "Level 2: Practitioner, earned by a solved exercise",
  );
  await expect(page.getByText("Measurement")).toHaveCount(0);

  // Printed, it carries the address where it can be checked.
  await expect(page.locator(".report-url")).toHaveText(
    `Check this report at ${new URL(`/u/${handle}`, page.url()).href}`,
  );
  await page.emulateMedia({ media: "print" });
  await expect(page.locator(".report-url")).toBeVisible();
  await expect(page.locator(".report-actions")).toBeHidden();
  await page.emulateMedia({ media: "screen" });

  // The profile sends readers to the credential check; the credential itself is downloaded from
  // /me/settings (tests/e2e/credential.spec.ts).
  await expect(page.getByRole("link", { name: "Verify a credential" })).toHaveAttribute(
    "href",
    "/verify",
  );
});
