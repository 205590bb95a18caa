import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { sha256 } from "../text/sha256.js";

/** The folder Briefsmith's code runs from: dist/ when built, src/ under the test runner. */
const codeRoot = fileURLToPath(new URL("..", import.meta.url));
const packageRoot = fileURLToPath(new URL("../..", import.meta.url));

/**
 * The hash of dist/'s modules, the bundle's among them, as the library computes it: scripts/bundle-cli.mjs writes it
 * beside the bundled command, in dist/cli-bundle/, as the last step of `npm run build`. Hashing the 300 modules
 * took a build some 20 ms before it could read its first brief. The command and the library thus give the same
 * fingerprint, and a build by one finds the other's outputs current. Run unbundled (the library, or src/ under the
 * test runner) there is none beside this module, and the modules are hashed.
 */
export const recordedHashFileName = "code-files.sha256";
const recordedHashPath = fileURLToPath(new URL(`./${recordedHashFileName}`, import.meta.url));

/**
 * A hash of the code that makes the output: every module of Briefsmith itself
 * and the exact version of each dependency as installed. Briefsmith's own
 * version number alone would miss a change made without a release; its
 * package-lock.json is not there once Briefsmith is installed as a package,
 * so the versions are read from the installed dependencies themselves.
 */
export async function codeFingerprint(): Promise<string> {
  return (fingerprint ??= computeCodeFingerprint(codeRoot, packageRoot, recordedHash(recordedHashPath)));
}

let fingerprint: string | undefined;

function recordedHash(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8").trim();
  } catch {
    return undefined;
  }
}

/** The code's hash with the installed dependencies' versions: of the modules under `codeRoot`, or the bundle's recorded one. */
export function computeCodeFingerprint(codeRoot: string, packageRoot: string, recorded?: string): string {
  const lines = [recorded ?? hashCodeFiles(codeRoot)];
  for (const [name, version] of installedDependencies(packageRoot)) lines.push(`${name}@${version}`);
  return sha256(lines.join("\n"));
}

/**
 * Every module under `codeRoot`, hashed. Read synchronously: a hundred small files, each read with one system call
 * per step, take a few milliseconds; through the thread pool, with four round trips per file, they took tens.
 */
export function hashCodeFiles(codeRoot: string): string {
  const lines: string[] = [];
  const walk = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (runsAsCode(entry.name)) lines.push(`${relative(codeRoot, path)}\0${sha256(readFileSync(path))}`);
    }
  };
  walk(codeRoot);
  return sha256(lines.join("\n"));
}

/** Modules: JavaScript when built, TypeScript under the test runner; not the type declarations beside the built ones, which never run. */
function runsAsCode(name: string): boolean {
  return /\.(js|ts)$/.test(name) && !name.endsWith(".d.ts");
}

/** Each dependency of Briefsmith's package.json with the version installed where Node would find it ("missing" if none). */
function installedDependencies(packageRoot: string): [string, string][] {
  const manifest = JSON.parse(readFileSync(join(packageRoot, "package.json"), "utf8")) as { dependencies?: Record<string, string> };
  return Object.keys(manifest.dependencies ?? {})
    .sort()
    .map((name) => [name, installedVersion(name, packageRoot)]);
}

function installedVersion(name: string, packageRoot: string): string {
  for (let folder = packageRoot; ; folder = dirname(folder)) {
    try {
      return (JSON.parse(readFileSync(join(folder, "node_modules", name, "package.json"), "utf8")) as { version?: string }).version ?? "unknown";
    } catch {
      if (dirname(folder) === folder) return "missing";
    }
  }
}
