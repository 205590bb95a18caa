import { readdir, readlink, stat } from "node:fs/promises";
import { homedir } from "node:os";
import { join } from "node:path";
import { sha256 } from "./hash.js";

/**
 * Where the system keeps the fonts the browser draws with, and on Linux the
 * fontconfig rules that pick among them (which font stands in for "Arial",
 * say): a change to either can change every PDF.
 */
export function fontFolders(platform: string = process.platform, env: Readonly<Record<string, string | undefined>> = process.env, home = homedir()): string[] {
  switch (platform) {
    case "darwin":
      return ["/System/Library/Fonts", "/Library/Fonts", join(home, "Library", "Fonts")];
    case "win32":
      return [join(env.WINDIR ?? "C:\\Windows", "Fonts"), join(env.LOCALAPPDATA ?? join(home, "AppData", "Local"), "Microsoft", "Windows", "Fonts")];
    default:
      return [
        "/etc/fonts",
        "/usr/share/fonts",
        "/usr/local/share/fonts",
        join(env.XDG_DATA_HOME ?? join(home, ".local", "share"), "fonts"),
        join(home, ".fonts"),
      ];
  }
}

/**
 * A fingerprint of the installed fonts: every file's path, size and time, as
 * make judges a file, and every link's target. Fonts are large, so they are
 * not read; a font installed, removed or updated changes the fingerprint.
 * Folders that do not exist count as empty.
 */
export async function fontFingerprint(folders: readonly string[] = fontFolders()): Promise<string> {
  const lines: string[] = [];
  const walk = async (folder: string): Promise<void> => {
    const entries = await readdir(folder, { withFileTypes: true }).catch(() => []);
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (entry.isSymbolicLink()) lines.push(`${path}\0link\0${await readlink(path).catch(() => "")}`);
      else if (entry.isFile()) {
        const info = await stat(path).catch(() => undefined);
        if (info !== undefined) lines.push(`${path}\0${info.size}\0${Math.floor(info.mtimeMs)}`);
      }
    }
  };
  for (const folder of folders) await walk(folder);
  return sha256(lines.join("\n"));
}
