import { defineConfig } from "vitest/config";

/**
 * Four groups of tests, run apart or together (`npm test`):
 * - unit: no browser, ever (puppeteer is replaced by a stub that refuses to launch);
 * - browser: the printer against a real Chromium, without the CLI;
 * - e2e: the real `brief` command, with every PDF (and package) read back;
 * - fuzz: property-based fuzzing of the front door and the renderer.
 */
export default defineConfig({
  test: {
    // Chromium and PDF reading on a 2-core machine need room.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    maxWorkers: 2,
    projects: [
      { extends: true, test: { name: "unit", include: ["tests/unit/**/*.test.ts"], setupFiles: ["tests/helpers/no-browser.ts"] } },
      { extends: true, test: { name: "browser", include: ["tests/browser/**/*.test.ts"] } },
      { extends: true, test: { name: "e2e", include: ["tests/e2e/**/*.test.ts"] } },
      { extends: true, test: { name: "fuzz", include: ["tests/fuzz/**/*.test.ts"] } },
    ],
  },
});
