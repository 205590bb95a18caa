import { readdirSync, realpathSync, statSync, type Stats } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { sha256 } from "../text/sha256.js";

/**
 * Where the system keeps the fonts the browser draws with, and on Linux the
 * fontconfig settings that pick among them (which font stands in for "Arial",
 * say), the system's and the user's: a change to any of them can change every PDF.
 */
export function listFontFolders(
  platform: string = process.platform,
  env: Readonly<Record<string, string | undefined>> = process.env,
  home = homedir(),
): string[] {
  switch (platform) {
    case "darwin":
      return ["/System/Library/Fonts", "/Library/Fonts", join(home, "Library", "Fonts")];
    case "win32":
      return [join(env.WINDIR ?? "C:\\Windows", "Fonts"), join(env.LOCALAPPDATA ?? join(home, "AppData", "Local"), "Microsoft", "Windows", "Fonts")];
    default:
      return [
        "/etc/fonts",
        "/usr/share/fontconfig",
        "/usr/share/fonts",
        "/usr/local/share/fonts",
        join(env.XDG_CONFIG_HOME ?? join(home, ".config"), "fontconfig"),
        join(env.XDG_DATA_HOME ?? join(home, ".local", "share"), "fonts"),
        join(home, ".fonts"),
      ];
  }
}

/**
 * A fingerprint of the installed fonts and font settings: every file's path,
 * size and time, as make judges a file. Links are followed with stat, which
 * never opens the file: Debian's /etc/fonts/conf.d is all links, and an
 * update edits what they point to. A linked folder is walked once, however
 * often it is reached. Fonts are large, so none is read. Folders that do not
 * exist count as empty.
 */
export async function fontFingerprint(folders: readonly string[] = listFontFolders()): Promise<string> {
  const lines: string[] = [];
  const walked = new Set<string>();
  // Synchronous: a stat is one system call, where the thread pool (busy with a starting build's module
  // files) would queue each; a desktop's thousands of fonts take milliseconds.
  const attempt = <T>(run: () => T): T | undefined => {
    try {
      return run();
    } catch {
      return undefined;
    }
  };
  const walk = (folder: string): void => {
    const real = attempt(() => realpathSync(folder));
    if (real === undefined || walked.has(real)) return;
    walked.add(real);
    const names = (attempt(() => readdirSync(folder)) ?? []).sort();
    for (const name of names) {
      const path = join(folder, name);
      const info: Stats | undefined = attempt(() => statSync(path));
      if (info === undefined) lines.push(`${path}\0missing`);
      else if (info.isDirectory()) walk(path);
      else lines.push(`${path}\0${info.size}\0${Math.floor(info.mtimeMs)}`);
    }
  };
  for (const folder of folders) walk(folder);
  return sha256(lines.join("\n"));
}
