import { readFileSync } from "node:fs";
import { packageJsonPath } from "./load/package-files.js";

/** Briefsmith's version, from its package.json: part of every cache key and of the manifest. */
export const version: string = (JSON.parse(readFileSync(packageJsonPath, "utf8")) as { version: string }).version;
