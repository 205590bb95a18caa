import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { readManifest } from "../../../src/output/manifest.js";

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
