import { existsSync } from "node:fs";

import { defineConfig } from "@playwright/test";

/**
 * End-to-end tests drive the system's Chromium (Debian's `chromium` package), never a
 * downloaded browser. CHROMIUM_PATH overrides the location.
 */
const chromiumPath = [
  process.env.CHROMIUM_PATH,
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
].find((candidate): candidate is string => Boolean(candidate && existsSync(candidate)));
if (!chromiumPath) {
  throw new Error(
    "No Chromium found for the end-to-end tests. Install one (Debian/Ubuntu: `sudo apt-get install -y chromium`) " +
      "or point CHROMIUM_PATH at a Chromium or Chrome binary.",
  );
}

const PORT = Number(process.env.E2E_PORT ?? 3100);
// E2E_BASE_URL points the tests at a server that is already running (no build, no start).
const externalServer = process.env.E2E_BASE_URL;
const baseURL = externalServer ?? `http://127.0.0.1:${PORT}`;

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: true,
  reporter: process.env.CI ? [["list"]] : [["list"]],
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: chromiumPath,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  projects: [{ name: "chromium", use: { browserName: "chromium" } }],
  webServer: externalServer
    ? undefined
    : {
        // A production build on its own embedded database, fresh for every run.
        command: `rm -rf .data/e2e && npm run build && npx next start -p ${PORT}`,
        url: `${baseURL}/learn`,
        timeout: 240_000,
        reuseExistingServer: false,
        env: {
          KETBOOK_DATA_DIR: ".data/e2e",
          NEXT_TELEMETRY_DISABLED: "1",
          // Every test signs up from the same address; the per-address limits are for real traffic.
          KETBOOK_SIGNUP_RATE_LIMIT: "10000",
          KETBOOK_SIGNIN_RATE_LIMIT: "10000",
          KETBOOK_RUN_RATE_LIMIT: "10000",
        },
        stdout: "pipe",
      },
});
