import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

/**
 * Import boundaries from the architecture guide, enforced rather than remembered:
 * - lib/quantum is the pure engine: no React, Next, database or app code, and no Node built-ins
 *   (except its CLI);
 * - lib/ never reaches into app/;
 * - client components never import the database or the server-side runner: server modules
 *   import "server-only" (the build fails otherwise) and tests/unit/architecture.test.ts checks it;
 * - db/ holds queries only: the schema, the client and the queries import nothing from lib/
 *   (logic lives above them and passes values down);
 * - no import cycles in lib/, db/ or app/ (a cycle means two modules are one job, or an arrow
 *   runs the wrong way).
 */
const webAndDb = [
  {
    group: ["react", "react-dom", "react/*", "next", "next/*", "next-auth", "next-auth/*"],
    message: "lib/quantum is framework-free.",
  },
  {
    group: [
      "drizzle-orm",
      "drizzle-orm/*",
      "postgres",
      "@electric-sql/*",
      "@/db",
      "@/db/*",
      "**/db/*",
    ],
    message: "lib/quantum knows nothing of the database.",
  },
  { group: ["@/app", "@/app/*", "**/app/*"], message: "lib/ must not import app/." },
];
const nodeBuiltins = [
  {
    group: ["node:*", "fs", "path", "os", "child_process", "worker_threads"],
    message: "lib/quantum runs anywhere; Node APIs only in cli.ts.",
  },
];

const config = [
  {
    ignores: [
      ".next/**",
      // Extra build folders (KETBOOK_DIST_DIR).
      ".next-*/**",
      "node_modules/**",
      ".data/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
      "bench/results/**",
      // AssemblyScript (WebAssembly kernels): its own types and compiler, not TypeScript's.
      "lib/quantum/wasm/assembly/**",
    ],
  },
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
    },
  },
  {
    // CommonJS (the command-line simulator's launcher, lib/runner/sim.cjs): require is its import.
    files: ["**/*.cjs"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    // lib/qml (data sets, optimisers, experiments) runs in the same workers as the engine.
    files: ["lib/quantum/**/*.ts", "lib/qml/**/*.ts"],
    ignores: ["lib/quantum/cli.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: [...webAndDb, ...nodeBuiltins] }] },
  },
  {
    files: ["lib/quantum/cli.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: webAndDb }] },
  },
  {
    files: ["lib/**/*.ts", "lib/**/*.tsx"],
    ignores: ["lib/quantum/**"],
    rules: { "no-restricted-imports": ["error", { patterns: [webAndDb[2]] }] },
  },
  {
    // All of db/, its command-line tools included: a tool that needs lib/ (passwords, content)
    // lives in lib/ and calls db/, never the other way round.
    files: ["db/**/*.{ts,tsx,mts,mjs}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/lib", "@/lib/*", "**/lib/*"],
              message:
                "db/ holds schema, client, migrations and queries only: compute in lib/ and pass values down.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["lib/**/*.{ts,tsx}", "db/**/*.{ts,tsx}", "app/**/*.{ts,tsx}"],
    // Only our own modules can form a cycle: never parse packages (pglite's bundle alone takes
    // minutes). Type-only imports are skipped by the rule: they are erased at build time.
    settings: { "import/ignore": ["node_modules"] },
    rules: { "import/no-cycle": ["error", { ignoreExternal: true }] },
  },
];

export default config;
