#!/usr/bin/env node
// Write dist/cli-bundle/: the `brief` command's modules, and the dependencies every build loads, bundled by
// esbuild into a few files. Run by `npm run build`, after tsc and the precompiled templates. Node loads the
// unbundled command as some 250 modules (Briefsmith's 150, zod's 95, yaml's), one lookup, read and compile each,
// before a build can render its first brief; bundled, a forced build of the bench's 40 briefs finished about
// 85 ms sooner. The library (dist/index.js) stays unbundled: a program that imports it bundles it its own way.
//
// Code splitting keeps each command's lazy import() lazy: `brief list` does not load what `brief build` does.
// Packages off a build's path (PDF and Word reading, the preview's, Puppeteer, which loads no faster bundled) are
// left to Node, as before. dist/cli-bundle/modules.json says which of Briefsmith's modules each file holds: a test
// reads it to tell which modules a build loaded. dist/cli-bundle/code-files.sha256 is the hash of dist/'s modules,
// which a build would otherwise compute every time (src/incremental/code-fingerprint.ts).
import { copyFileSync, rmSync, writeFileSync } from "node:fs";
import { isBuiltin } from "node:module";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = fileURLToPath(new URL("..", import.meta.url));
const dist = join(root, "dist");
const outdir = join(dist, "cli-bundle");

// The dependencies a build loads, reading, checking and rendering briefs (the CommonJS ones keep working through
// the require() the banner gives each file).
const bundledPackages = new Set([
  "yaml",
  "zod",
  "handlebars",
  "source-map",
  "marked",
  "marked-footnote",
  "smartypants",
  "pluralize",
  "parse5",
  "entities",
  "cli-progress",
  "string-width",
  "strip-ansi",
  "ansi-regex",
  "emoji-regex",
  "is-fullwidth-code-point",
]);

/** "@scope/name/sub/path" → "@scope/name"; "name/sub" → "name". */
function packageName(specifier) {
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0];
}

rmSync(outdir, { recursive: true, force: true });
const { metafile } = await build({
  absWorkingDir: root,
  entryPoints: [join(dist, "cli", "main.js")],
  outdir,
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  chunkNames: "chunk-[hash]",
  // Bundled CommonJS calls require(); an ES module has none of its own.
  banner: { js: 'import { createRequire as createRequireForBundledModules } from "node:module"; const require = createRequireForBundledModules(import.meta.url);' },
  plugins: [
    {
      // zod's messages in some sixty languages are half its code, and a build read them all at every start: Briefsmith
      // words its own messages (src/validate/zod-diagnostics.ts), in English. English, zod's default, stays.
      name: "zod-in-english",
      setup(esbuild) {
        // zod's index of its translations, wherever zod imports it, becomes one that has English alone.
        esbuild.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, ({ importer }) =>
          /[\\/]node_modules[\\/]zod[\\/]/.test(importer) ? { path: join(dirname(importer), "..", "locales", "index.js"), namespace: "zod-in-english" } : undefined,
        );
        esbuild.onLoad({ filter: /.*/, namespace: "zod-in-english" }, ({ path }) => ({
          contents: 'export { default as en } from "./en.js";',
          resolveDir: dirname(path),
        }));
      },
    },
    {
      name: "bundle-listed-packages-only",
      setup(esbuild) {
        esbuild.onResolve({ filter: /^[^./]/ }, ({ path }) => (isBuiltin(path) || !bundledPackages.has(packageName(path)) ? { path, external: true } : undefined));
      },
    },
  ],
  metafile: true,
  logLevel: "warning",
});

// Briefsmith's templates compiled by Handlebars: src/render/compile.ts reads them from beside its own module.
copyFileSync(join(dist, "render", "precompiled-templates.cjs"), join(outdir, "precompiled-templates.cjs"));

const modules = Object.fromEntries(
  Object.entries(metafile.outputs).map(([file, output]) => [
    relative(outdir, join(root, file)),
    Object.keys(output.inputs)
      .filter((input) => input.startsWith("dist/"))
      .map((input) => input.slice("dist/".length)),
  ]),
);
writeFileSync(join(outdir, "modules.json"), JSON.stringify(modules, null, 2) + "\n");

// Of all of dist/, as the library hashes it when it runs unbundled: the two must agree (src/incremental/code-fingerprint.ts).
const { hashCodeFiles, recordedHashFileName } = await import(join(dist, "incremental", "code-fingerprint.js"));
writeFileSync(join(outdir, recordedHashFileName), hashCodeFiles(dist) + "\n");
