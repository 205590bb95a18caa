import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/**
 * Data Briefsmith reads at run time ships beside its code, not inside it:
 * `templates/`, `data/` and `schemas/` at the package's root, one level above both `src/`
 * (under the test runner) and `dist/` (installed).
 */
export const builtInTemplatesDir = fileURLToPath(new URL("../../templates/", import.meta.url));

/** Briefsmith's own package.json: its version. */
export const packageJsonPath = fileURLToPath(new URL("../../package.json", import.meta.url));

/** The JSON Schemas of briefs and extracts, for editors: made from the zod schemas (src/author/json-schemas.ts). */
export const schemasDir = fileURLToPath(new URL("../../schemas/", import.meta.url));

/** The project `brief init` copies. */
export const starterDir = fileURLToPath(new URL("../../data/starter/", import.meta.url));

/** The balance word lists. */
export const lexiconPath = fileURLToPath(new URL("../../data/lexicon.yaml", import.meta.url));

/** The word lists' text: read once per build, then hashed for cache keys and parsed for the balance stage. */
export async function readLexiconText(path: string = lexiconPath): Promise<string> {
  return readFileSync(path, "utf8");
}
