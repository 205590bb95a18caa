import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

/**
 * Every file the preview server sends that is not made from the project:
 * the page's own script, style sheet and shell (shipped in preview/ at the
 * package root), and pdf.js, resolved from its package by name. A request
 * names a file by its key here; nothing else on the disk can be asked for.
 */
const previewDir = new URL("../../preview/", import.meta.url);
const resolvePackage = createRequire(import.meta.url).resolve;

interface Asset {
  readonly path: () => string;
  readonly contentType: string;
}

const assets: ReadonlyMap<string, Asset> = new Map([
  ["preview.js", { path: () => fileURLToPath(new URL("preview.js", previewDir)), contentType: "text/javascript; charset=utf-8" }],
  ["preview.css", { path: () => fileURLToPath(new URL("preview.css", previewDir)), contentType: "text/css; charset=utf-8" }],
  ["pdf.mjs", { path: () => resolvePackage("pdfjs-dist/build/pdf.min.mjs"), contentType: "text/javascript; charset=utf-8" }],
  ["pdf.worker.mjs", { path: () => resolvePackage("pdfjs-dist/build/pdf.worker.min.mjs"), contentType: "text/javascript; charset=utf-8" }],
]);

/** The names a page may ask for under /assets/. */
export const assetNames: readonly string[] = [...assets.keys()];

/** An asset's bytes and type, or undefined for a name not in the table. Read on each request: they are small, and a changed file shows at once. */
export async function readAsset(name: string): Promise<{ body: Buffer; contentType: string } | undefined> {
  const asset = assets.get(name);
  if (asset === undefined) return undefined;
  return { body: await readFile(asset.path()), contentType: asset.contentType };
}

/** The page's shell: the same for the index and a brief; its script reads which from the URL. */
export async function pageShell(token: string): Promise<string> {
  const shell = await readFile(new URL("index.html", previewDir), "utf8");
  return shell.replaceAll("%TOKEN%", encodeURIComponent(token));
}
