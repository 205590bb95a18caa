import { defineConfig } from "vitest/config";

/**
 * Four groups of tests, run apart or together (`npm test`):
 * - unit (and unit-mocked, the files that replace a module): no browser, ever (puppeteer is
 *   replaced by a stub that refuses to launch);
 * - browser: the printer against a real Chromium, without the CLI;
 * - e2e: the real `brief` command, with every PDF (and package) read back;
 * - fuzz: property-based fuzzing of the front door and the renderer.
 */
/** Unit test files that replace a module with vi.mock. */
const moduleMocking = [
  "tests/unit/author/atomic-writes.test.ts",
  "tests/unit/build/lock-full-disk.test.ts",
  "tests/unit/build/nightly-safety.test.ts",
  "tests/unit/build/render-ahead.test.ts",
  "tests/unit/cli/stop-while-closing.test.ts",
  "tests/unit/build/no-op-parsing.test.ts",
  "tests/unit/build/template-trust.test.ts",
  "tests/unit/build/word-output.test.ts",
  "tests/unit/output/lock-race.test.ts",
  "tests/unit/print/launch-abort.test.ts",
  "tests/unit/print/launch-failure.test.ts",
  "tests/unit/print/crash-retry.test.ts",
  "tests/unit/print/launch.test.ts",
];

export default defineConfig({
  test: {
    // Chromium and PDF reading on a 2-core machine need room.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    maxWorkers: 2,
    projects: [
      // Unit test files share one module cache per worker (isolate: false): importing the pipeline once
      // rather than once per file cut the unit suite from 44 s to about 20 s. Files that replace a module
      // (vi.mock) run isolated, so their replacements never reach another file.
      { extends: true, test: { name: "unit", include: ["tests/unit/**/*.test.ts"], exclude: moduleMocking, setupFiles: ["tests/helpers/no-browser.ts"], isolate: false } },
      { extends: true, test: { name: "unit-mocked", include: moduleMocking, setupFiles: ["tests/helpers/no-browser.ts"] } },
      { extends: true, test: { name: "browser", include: ["tests/browser/**/*.test.ts"] } },
      { extends: true, test: { name: "e2e", include: ["tests/e2e/**/*.test.ts"] } },
      { extends: true, test: { name: "fuzz", include: ["tests/fuzz/**/*.test.ts"] } },
    ],
  },
});
