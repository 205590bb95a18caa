import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { hashFolder } from "../../../src/incremental/cache-key.js";

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function corpus(): string {
  dir = mkdtempSync(join(tmpdir(), "briefsmith-key-"));
  mkdirSync(join(dir, "texts"));
  writeFileSync(join(dir, "corpus.yaml"), "themes: []\n");
  writeFileSync(join(dir, "texts", "hearing.txt"), "The council met.\n");
  return dir;
}

describe("hashFolder", () => {
  it("changes when any file's content, name or place changes", async () => {
    const folder = corpus();
    const before = await hashFolder(folder);
    expect(await hashFolder(folder)).toBe(before);
    writeFileSync(join(folder, "texts", "hearing.txt"), "The council met again.\n");
    const edited = await hashFolder(folder);
    expect(edited).not.toBe(before);
    writeFileSync(join(folder, "texts", "notes.txt"), "");
    expect(await hashFolder(folder)).not.toBe(edited);
  });

  // Regression: the no-op check hashed a corpus whose text was a link to /dev/zero, and never finished.
  it("hashes a link by where it points, without following it to a device or a pipe", async () => {
    const folder = corpus();
    symlinkSync("/dev/zero", join(folder, "texts", "zero.txt"));
    execFileSync("mkfifo", [join(folder, "texts", "pipe.txt")]);
    const withZero = await hashFolder(folder);
    unlinkSync(join(folder, "texts", "zero.txt"));
    symlinkSync("hearing.txt", join(folder, "texts", "zero.txt"));
    expect(await hashFolder(folder)).not.toBe(withZero);
  }, 5_000);

  it("follows a link's whole chain, so repointing a link outside the corpus that it passes through changes the hash", async () => {
    const folder = corpus();
    mkdirSync(join(folder, "draft", "texts"), { recursive: true });
    writeFileSync(join(folder, "draft", "texts", "hearing.txt"), "A draft of the hearing.\n");
    const outside = mkdtempSync(join(tmpdir(), "briefsmith-alias-"));
    try {
      symlinkSync(folder, join(outside, "alias"));
      symlinkSync(join(outside, "alias", "texts", "hearing.txt"), join(folder, "texts", "linked.txt"));
      const before = await hashFolder(folder);
      unlinkSync(join(outside, "alias"));
      symlinkSync(join(folder, "draft"), join(outside, "alias"));
      expect(await hashFolder(folder)).not.toBe(before);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });
});
