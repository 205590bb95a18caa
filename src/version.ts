import { readFileSync } from "node:fs";

/** Briefsmith's version, from package.json (one level up from both src/ and dist/): part of every cache key and of the manifest. */
export const version: string = (JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string }).version;
