import { readdir, readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { sha256 } from "./hash.js";

/** The folder Briefsmith's code runs from: dist/ when built, src/ under the test runner. */
const codeRoot = fileURLToPath(new URL("..", import.meta.url));
const lockFile = fileURLToPath(new URL("../../package-lock.json", import.meta.url));

/**
 * A hash of the code that makes the output: every module of Briefsmith itself
 * and the exact versions of its dependencies (package-lock.json). The version
 * number alone would miss a change made without a release.
 */
export async function codeFingerprint(): Promise<string> {
  const lines: string[] = [];
  const walk = async (folder: string): Promise<void> => {
    for (const entry of (await readdir(folder, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (/\.(js|ts|yaml)$/.test(entry.name) && !entry.name.endsWith(".map")) lines.push(`${relative(codeRoot, path)}\0${sha256(await readFile(path))}`);
    }
  };
  await walk(codeRoot);
  lines.push(`package-lock.json\0${sha256(await readFile(lockFile).catch(() => Buffer.alloc(0)))}`);
  return sha256(lines.join("\n"));
}
