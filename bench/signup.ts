/**
 * Sign-up to /me in a real browser, against a running server:
 * `npm run bench:signup -- http://127.0.0.1:3000 [runs]`. Each run opens /signup in a fresh
 * context, fills the form, and times from the click on "Create account" to /me showing its
 * heading, with every request made in between (the sign-up action, Auth.js's csrf, credentials
 * callback and session, the navigation to /me), so a slow step shows by name. The first run
 * also pays for the server's first render of each route; later runs show the steady state.
 */
import { chromium, type Request } from "playwright-core";

const base = process.argv[2] ?? "http://127.0.0.1:3000";
const runs = Number(process.argv[3] ?? 5);
const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

interface Step {
  readonly what: string;
  readonly ms: number;
}

function label(request: Request): string {
  const url = new URL(request.url());
  const action = request.headers()["next-action"] ? " (server action)" : "";
  const rsc = request.headers()["rsc"] ? " (RSC)" : "";
  return `${request.method()} ${url.pathname}${action}${rsc}`;
}

async function once(index: number): Promise<{ total: number; steps: Step[] }> {
  const browser = await chromium.launch({ executablePath });
  try {
    const page = await (await browser.newContext()).newPage();
    await page.goto(new URL("/signup?callbackUrl=%2Fme", base).toString());
    const stamp = `${Date.now()}-${index}`;
    await page.getByLabel("Name").fill("Bench Learner");
    await page.getByLabel("Email").fill(`bench-${stamp}@example.com`);
    await page.getByLabel(/^Password/).fill(`a long bench password ${stamp}`);
    const finished: Request[] = [];
    page.on("requestfinished", (r) => finished.push(r));
    const clickedAt = Date.now();
    const clock = performance.now();
    await page.getByRole("button", { name: "Create account" }).click();
    // "commit": a document navigation would otherwise wait for its load event, a client one not.
    await page.waitForURL((url) => url.pathname === "/me", {
      timeout: 60_000,
      waitUntil: "commit",
    });
    await page.getByRole("heading", { level: 1 }).waitFor({ timeout: 60_000 });
    const total = performance.now() - clock;
    await page.waitForLoadState("networkidle");
    // Requests the form made after the click, by when they started; prefetches of links the
    // page merely shows, and static files, are not part of signing up.
    const steps = finished
      .filter((r) => r.timing().startTime >= clickedAt - 5)
      .filter((r) => !/\/_next\/static\/|\.svg$/.test(r.url()))
      .filter((r) => !(r.headers()["next-router-prefetch"] === "1"))
      .sort((a, b) => a.timing().startTime - b.timing().startTime)
      .map((r) => ({
        what: `+${(r.timing().startTime - clickedAt).toFixed(0)} ms ${label(r)}`,
        ms: r.timing().responseEnd,
      }));
    return { total, steps };
  } finally {
    await browser.close();
  }
}

const totals: number[] = [];
for (let i = 0; i < runs; i++) {
  const { total, steps } = await once(i);
  totals.push(total);
  console.log(`run ${i + 1}: sign-up to /me ${total.toFixed(0)} ms`);
  for (const step of steps) console.log(`  ${step.ms.toFixed(0).padStart(6)} ms  ${step.what}`);
}
const sorted = [...totals].sort((a, b) => a - b);
console.log(
  `sign-up to /me over ${runs} runs: median ${sorted[Math.floor(runs / 2)].toFixed(0)} ms, ` +
    `first ${totals[0].toFixed(0)} ms, best ${sorted[0].toFixed(0)} ms`,
);
