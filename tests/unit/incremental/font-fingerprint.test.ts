import { mkdirSync, mkdtempSync, rmSync, symlinkSync, unlinkSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { fontFingerprint, listFontFolders } from "../../../src/incremental/font-fingerprint.js";

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("fontFingerprint", () => {
  it("changes when a font is added, removed, rewritten or touched, or a linked fontconfig rule is edited or repointed", async () => {
    dir = mkdtempSync(join(tmpdir(), "briefsmith-fonts-"));
    mkdirSync(join(dir, "truetype", "liberation"), { recursive: true });
    mkdirSync(join(dir, "conf.avail"));
    mkdirSync(join(dir, "conf.d"));
    const font = join(dir, "truetype", "liberation", "LiberationSerif-Regular.ttf");
    writeFileSync(font, "glyphs");
    const rule = join(dir, "conf.avail", "30-metric-aliases.conf");
    writeFileSync(rule, "<alias><family>Arial</family><prefer>Liberation Sans</prefer></alias>");
    writeFileSync(join(dir, "conf.avail", "45-latin.conf"), "<alias/>");
    // As Debian lays it out: conf.d holds links into conf.avail, and only conf.d is a folder Briefsmith is told of.
    symlinkSync(rule, join(dir, "conf.d", "30-metric-aliases.conf"));
    const folders = [join(dir, "truetype"), join(dir, "conf.d"), join(dir, "no-such-folder")];
    const seen = new Set<string>();
    const fingerprint = async () => {
      const value = await fontFingerprint(folders);
      seen.add(value);
      return value;
    };
    const first = await fingerprint();
    expect(await fingerprint()).toBe(first);
    writeFileSync(font, "glyphs, more");
    await fingerprint();
    utimesSync(font, new Date(2030, 0, 1), new Date(2030, 0, 1));
    await fingerprint();
    writeFileSync(join(dir, "truetype", "liberation", "LiberationSans-Regular.ttf"), "sans");
    await fingerprint();
    writeFileSync(rule, "<alias><family>Arial</family><prefer>DejaVu Sans</prefer></alias>");
    await fingerprint();
    unlinkSync(join(dir, "conf.d", "30-metric-aliases.conf"));
    symlinkSync(join(dir, "conf.avail", "45-latin.conf"), join(dir, "conf.d", "30-metric-aliases.conf"));
    await fingerprint();
    unlinkSync(join(dir, "truetype", "liberation", "LiberationSans-Regular.ttf"));
    await fingerprint();
    // Eight fingerprints, one repeated with nothing changed: seven different ones.
    expect(seen.size).toBe(7);
  });

  it("walks a linked font folder, once even when links loop", async () => {
    dir = mkdtempSync(join(tmpdir(), "briefsmith-fonts-"));
    mkdirSync(join(dir, "real"));
    writeFileSync(join(dir, "real", "A.ttf"), "a");
    symlinkSync(join(dir, "real"), join(dir, "real", "loop"));
    const before = await fontFingerprint([join(dir, "real")]);
    writeFileSync(join(dir, "real", "A.ttf"), "ab");
    expect(await fontFingerprint([join(dir, "real")])).not.toBe(before);
  }, 5_000);

  it("looks where each system keeps its fonts", () => {
    expect(listFontFolders("linux", { XDG_DATA_HOME: "/data" }, "/home/ana")).toEqual([
      "/etc/fonts",
      "/usr/share/fontconfig",
      "/usr/share/fonts",
      "/usr/local/share/fonts",
      "/home/ana/.config/fontconfig",
      "/data/fonts",
      "/home/ana/.fonts",
    ]);
    expect(listFontFolders("darwin", {}, "/Users/ana")).toContain("/Users/ana/Library/Fonts");
    expect(listFontFolders("win32", { WINDIR: "C:\\Windows" }, "C:\\Users\\ana")[0]).toMatch(/Windows.Fonts$/);
  });
});
