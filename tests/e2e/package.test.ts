import { execFile } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pdfReadingText, repoRoot } from "../helpers/cli.js";

/**
 * Briefsmith as a new user gets it: the packed tarball installed into an
 * empty folder, and the README's library example run there as written.
 */
function run(command: string, args: readonly string[], cwd: string, env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(command, args, { cwd, env: { ...process.env, ...env }, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) =>
      resolve({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, stdout, stderr }),
    );
  });
}

/** The code block the README marks as runnable under this file name. */
function readmeExample(name: string): string {
  const readme = readFileSync(join(repoRoot, "README.md"), "utf8");
  const marker = readme.indexOf(`<!-- runnable: ${name}`);
  if (marker === -1) throw new Error(`the README has no example marked ${name}`);
  const match = /```js\n([\s\S]*?)```/.exec(readme.slice(marker));
  if (match === null) throw new Error(`no code block follows the marker of ${name}`);
  return match[1]!;
}

describe("the packed package", () => {
  let work: string;

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), "briefsmith-package-"));
    // dist/ is built by the test setup; packing without scripts keeps other tests' dist/ as it is.
    const pack = await run("npm", ["pack", "--ignore-scripts", "--pack-destination", work, "--silent"], repoRoot);
    expect(pack.code, pack.stderr).toBe(0);
    const tarball = readdirSync(work).find((f) => f.endsWith(".tgz"))!;
    writeFileSync(join(work, "package.json"), JSON.stringify({ name: "a-new-user", private: true, type: "module" }));
    const install = await run("npm", ["install", `./${tarball}`, "--no-audit", "--no-fund", "--prefer-offline"], work, { PUPPETEER_SKIP_DOWNLOAD: "1" });
    expect(install.code, install.stderr).toBe(0);
  }, 240_000);

  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it("ships the code, its types and the data it reads, and not its sources or tests", () => {
    const installed = join(work, "node_modules", "briefsmith");
    for (const path of ["dist/index.js", "dist/index.d.ts", "templates/memo.hbs", "data/lexicon.yaml", "bin/brief.js"]) expect(existsSync(join(installed, path)), path).toBe(true);
    for (const path of ["src", "tests", "sources"]) expect(existsSync(join(installed, path)), path).toBe(false);
  });

  it("runs the README's example as written, and its types check", async () => {
    cpSync(join(repoRoot, "sources", "sino-russian"), join(work, "sources", "sino-russian"), { recursive: true });
    writeFileSync(join(work, "brief-to-pdf.mjs"), readmeExample("brief-to-pdf.mjs"));
    const example = await run(process.execPath, ["brief-to-pdf.mjs"], work);
    expect(example.code, example.stderr).toBe(0);
    expect(example.stdout).toBe("China and Russia: an alliance in the making?: balanced\n");
    const text = await pdfReadingText(join(work, "alliance.pdf"));
    expect(text).toContain("China and Russia: an alliance in the making?");
    expect(text).toContain("15 February 2016");
    const tsc = join(repoRoot, "node_modules", "typescript", "bin", "tsc");
    const types = ["--noEmit", "--allowJs", "--checkJs", "--strict", "--module", "nodenext", "--moduleResolution", "nodenext", "--target", "es2022", "--skipLibCheck"];
    const typecheck = await run(process.execPath, [tsc, ...types, "--typeRoots", join(repoRoot, "node_modules", "@types"), "--types", "node", "brief-to-pdf.mjs"], work);
    expect(typecheck.stdout + typecheck.stderr).toBe("");
  }, 120_000);

  it("gives the brief command", async () => {
    const version = await run(join(work, "node_modules", ".bin", "brief"), ["--version"], work);
    expect(version.stdout).toBe(`briefsmith ${JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")).version}\n`);
  });
});
