import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { readManifest, serializeManifest } from "../../../src/output/manifest.js";
import { runCli } from "../../helpers/cli.js";

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

describe("a file given to brief manifest merge that is not a manifest", () => {
  // V8's message quotes the file's first bytes: `manifest merge shard/manifest.json`, the manifest a link to
  // ~/.git-credentials, printed the token into the job's log.
  it("is MANIFEST_INVALID with where the JSON breaks, never the file's text", async () => {
    dir = mkdtempSync(join(tmpdir(), "briefsmith-manifest-"));
    const path = join(dir, "manifest.json");
    writeFileSync(path, "https://ci:ghp_TOKEN1234567890@github.com\n");
    const error = await readManifest(path).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ code: "MANIFEST_INVALID" });
    expect((error as Error).message).not.toMatch(/ghp_|github|https/);
    expect((error as Error).message).toContain("is not JSON");
  });

  it("says at which line and column the JSON breaks, when the parser says so", async () => {
    dir = mkdtempSync(join(tmpdir(), "briefsmith-manifest-"));
    const path = join(dir, "manifest.json");
    writeFileSync(path, '{\n  "version": 1,\n  "secret": "ghp_TOKEN');
    await expect(readManifest(path)).rejects.toMatchObject({ code: "MANIFEST_INVALID", message: expect.stringMatching(/is not JSON: .* at line 3, column \d+$/) });
    await expect(readManifest(path)).rejects.not.toMatchObject({ message: expect.stringContaining("ghp_") });
  });
});

describe("brief manifest merge --out", () => {
  const manifest = () => serializeManifest({ generator: "briefsmith test", briefs: [] } as never);

  // The merged file was written beside the target and renamed over it: over a folder that was exit 70 with a
  // stack trace; over a device (as root, --out /dev/null) it replaced the device with a regular file.
  it("a folder is OUTPUT_NOT_WRITABLE, not an internal error", async () => {
    dir = mkdtempSync(join(tmpdir(), "briefsmith-manifest-"));
    writeFileSync(join(dir, "a.json"), manifest());
    mkdirSync(join(dir, "merged"));
    const run = await runCli(["manifest", "merge", "a.json", "--out", "merged"], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("OUTPUT_NOT_WRITABLE");
    expect(run.stderr).not.toMatch(/internal error|    at /);
    expect(statSync(join(dir, "merged")).isDirectory()).toBe(true);
  });

  it("a pipe or device is never replaced, and a pipe given as a manifest is refused rather than waited on", async () => {
    dir = mkdtempSync(join(tmpdir(), "briefsmith-manifest-"));
    writeFileSync(join(dir, "a.json"), manifest());
    execFileSync("mkfifo", [join(dir, "pipe")]);
    const out = await runCli(["manifest", "merge", "a.json", "--out", "pipe"], { cwd: dir });
    expect(out.code).toBe(1);
    expect(out.stderr).toContain("OUTPUT_NOT_WRITABLE");
    expect(statSync(join(dir, "pipe")).isFIFO()).toBe(true);
    const input = await runCli(["manifest", "merge", "pipe", "--out", "merged.json"], { cwd: dir });
    expect(input.code).toBe(1);
    expect(input.stderr).toContain("not a regular file");
    expect(readFileSync(join(dir, "a.json"), "utf8")).toBe(manifest());
  }, 10_000);
});

