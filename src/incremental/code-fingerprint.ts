import { readdirSync, readFileSync } from "node:fs";
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
  return (fingerprint ??= computeCodeFingerprint());
}

let fingerprint: string | undefined;

/**
 * Read synchronously: a hundred small files, each read with one system call per step, take a few
 * milliseconds; through the thread pool, with four round trips per file, they took tens.
 */
function computeCodeFingerprint(): string {
  const lines: string[] = [];
  const walk = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(js|ts|yaml)$/.test(entry.name) && !entry.name.endsWith(".map")) lines.push(`${relative(codeRoot, path)}\0${sha256(readFileSync(path))}`);
    }
  };
  walk(codeRoot);
  let lock: Buffer;
  try {
    lock = readFileSync(lockFile);
  } catch {
    lock = Buffer.alloc(0);
  }
  lines.push(`package-lock.json\0${sha256(lock)}`);
  return sha256(lines.join("\n"));
}
