import { mkdirSync, mkdtempSync, rmSync, symlinkSync, unlinkSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { fontFingerprint, fontFolders } from "../../../src/incremental/font-fingerprint.js";

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("fontFingerprint", () => {
  it("changes when a font is added, removed, rewritten or touched, or a fontconfig link is repointed", async () => {
    dir = mkdtempSync(join(tmpdir(), "briefsmith-fonts-"));
    mkdirSync(join(dir, "truetype", "liberation"), { recursive: true });
    const font = join(dir, "truetype", "liberation", "LiberationSerif-Regular.ttf");
    writeFileSync(font, "glyphs");
    symlinkSync("../conf.avail/30-metric-aliases.conf", join(dir, "30-metric-aliases.conf"));
    const seen = new Set<string>();
    const fingerprint = async () => {
      const value = await fontFingerprint([dir, join(dir, "no-such-folder")]);
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
    unlinkSync(join(dir, "30-metric-aliases.conf"));
    symlinkSync("../conf.avail/45-latin.conf", join(dir, "30-metric-aliases.conf"));
    await fingerprint();
    unlinkSync(join(dir, "truetype", "liberation", "LiberationSans-Regular.ttf"));
    await fingerprint();
    // Seven fingerprints, one repeated with nothing changed: six different ones.
    expect(seen.size).toBe(6);
  });

  it("looks where each system keeps its fonts", () => {
    expect(fontFolders("linux", { XDG_DATA_HOME: "/data" }, "/home/ana")).toEqual([
      "/etc/fonts",
      "/usr/share/fonts",
      "/usr/local/share/fonts",
      "/data/fonts",
      "/home/ana/.fonts",
    ]);
    expect(fontFolders("darwin", {}, "/Users/ana")).toContain("/Users/ana/Library/Fonts");
    expect(fontFolders("win32", { WINDIR: "C:\\Windows" }, "C:\\Users\\ana")[0]).toMatch(/Windows.Fonts$/);
  });
});
