#!/usr/bin/env node
// Make a fresh clone ready to build briefs (and, with --for-tests, to run the
// tests): install the npm dependencies, compile the TypeScript, and make sure a
// browser (and poppler-utils for the tests) is there. Installs Debian packages
// only when it runs as root on Debian or Ubuntu; elsewhere it says what to do.
// Plain JavaScript with no dependencies, because it runs before they exist.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const forTests = process.argv.includes("--for-tests");
const say = (message) => process.stderr.write(`setup: ${message}\n`);

function run(command, args, env = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: ["ignore", "inherit", "inherit"], env: { ...process.env, ...env } });
  if (result.status !== 0) {
    say(`\`${command} ${args.join(" ")}\` failed (exit ${result.status ?? result.signal})`);
    process.exit(1);
  }
}

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function onPath(name) {
  return (process.env.PATH ?? "").split(":").some((dir) => dir && existsSync(join(dir, name)));
}

const canApt = process.platform === "linux" && process.getuid?.() === 0 && existsSync("/etc/debian_version") && onPath("apt-get");
const aptEnv = { DEBIAN_FRONTEND: "noninteractive" };
let aptUpdated = false;
function aptUpdateOnce() {
  if (!aptUpdated) run("apt-get", ["update", "-qq"], aptEnv);
  aptUpdated = true;
}
function aptHas(name) {
  aptUpdateOnce();
  return spawnSync("apt-cache", ["show", "--no-all-versions", name], { stdio: "ignore" }).status === 0;
}
function aptInstall(packages, why, flags = []) {
  if (!canApt) return false;
  aptUpdateOnce();
  say(`installing ${packages.join(" ")} with apt-get (${why})`);
  run("apt-get", ["install", "-y", "-qq", ...flags, ...packages], aptEnv);
  return true;
}

// 1. npm dependencies, exactly as locked. Puppeteer must not download a browser.
const lock = join(root, "package-lock.json");
const installed = join(root, "node_modules", ".package-lock.json");
if (!existsSync(installed) || statSync(lock).mtimeMs > statSync(installed).mtimeMs) {
  say("installing npm dependencies (npm ci)");
  run("npm", ["ci", "--no-audit", "--no-fund"], { PUPPETEER_SKIP_DOWNLOAD: "1" });
}

// 2. The compiled library, when the sources are newer; from scratch, so no module moved or removed lingers in dist/.
const entry = join(root, "dist", "cli", "main.js");
if (!existsSync(entry) || newestMtime(join(root, "src")) > statSync(entry).mtimeMs) {
  say("compiling TypeScript");
  rmSync(join(root, "dist"), { recursive: true, force: true });
  run(process.execPath, [join(root, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.build.json"]);
}

// 3. A browser, found the way `brief build` finds one.
const { findBrowser } = await import(new URL("../dist/print/browser.js", import.meta.url).href);
const { puppeteerCachePaths } = await import(new URL("../dist/print/launch.js", import.meta.url).href);
const search = { env: process.env, puppeteerCachePaths };
try {
  await findBrowser(search);
} catch (error) {
  // The headless shell prints the same PDFs as the full browser, faster and with a smaller download; older releases lack it.
  const browserPackage = canApt && aptHas("chromium-headless-shell") ? "chromium-headless-shell" : "chromium";
  if (!aptInstall([browserPackage, "fonts-liberation", "fonts-dejavu-core"], "no Chrome or Chromium was found")) {
    say(`${error.message}\n  ${error.hint ?? ""}`);
    process.exit(1);
  }
  await findBrowser(search);
}

// 4. For the tests: where apt-get can, the full browser beside the headless shell, so both ways
//    of launching are tested and their PDFs compared (elsewhere that one test is skipped).
if (forTests && canApt && (await findBrowser(search)).headlessShell) {
  const full = await findBrowser({ ...search, acceptHeadlessShell: false }).catch(() => undefined);
  if (full === undefined) aptInstall(["chromium"], "the tests compare the headless shell's PDFs with the full browser's");
}

// 5. For the tests: poppler-utils, to read the PDFs back as a reader would.
if (forTests && !onPath("pdftotext")) {
  if (!aptInstall(["poppler-utils"], "the end-to-end tests read PDFs with pdftotext and pdfinfo")) {
    say("the tests need pdftotext and pdfinfo: install poppler-utils (Debian/Ubuntu: apt-get install poppler-utils; macOS: brew install poppler)");
    process.exit(1);
  }
}

// 6. For the tests: LibreOffice Writer, to open each Word file as a user would and print it to PDF. Only what
//    converting needs (no recommended packages); where apt-get cannot run, those tests are skipped and say so.
if (forTests && !onPath("soffice")) {
  if (!aptInstall(["libreoffice-writer", "fonts-liberation"], "the end-to-end tests open each Word file with LibreOffice", ["--no-install-recommends"])) {
    say("the Word output tests are skipped without LibreOffice: install libreoffice-writer (Debian/Ubuntu) or LibreOffice, with soffice on PATH");
  }
}
