import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { BriefsmithError } from "../errors/briefsmith-error.js";
import type { ParsedYamlCache } from "./parsed-yaml-cache.js";
import { displayPath, readBriefFileText } from "./project.js";
import { fileLimits, readTextFile, type ReadOptions } from "./read-file.js";
import { parseYamlFileCached, type YamlFile } from "./yaml-file.js";

/*
 * A project's YAML files, read and parsed with every failure a diagnostic. Apart from project.ts, which
 * finds and reads files: a build with nothing to do reads brief files without parsing them, and need not
 * load the YAML parser.
 */

function diagnosticFromError(error: unknown, file: string): Diagnostic {
  if (error instanceof BriefsmithError) {
    return { severity: "error", code: error.code, message: error.message, file, hint: error.hint };
  }
  throw error;
}

/** Read and parse one YAML file (through `parsed`, files an earlier build parsed); every failure becomes a diagnostic. */
export async function loadYamlFile(
  path: string,
  cwd: string,
  options: ReadOptions = {},
  parsed?: ParsedYamlCache,
): Promise<{ file?: YamlFile; diagnostics: Diagnostic[] }> {
  const shown = displayPath(path, cwd);
  try {
    const text = await readTextFile(path, fileLimits.yamlBytes, shown, options);
    return parseYamlFileCached(shown, text, parsed);
  } catch (error) {
    return { diagnostics: [diagnosticFromError(error, shown)] };
  }
}

/**
 * Read and parse a brief file of a project (readBriefFileText's checks), through `parsed` (files an earlier build
 * parsed) when given; every failure becomes a diagnostic. `text`: the file's text, when the caller has read it already.
 */
export async function loadBriefFile(
  path: string,
  cwd: string,
  root: string,
  options: { text?: string; parsed?: ParsedYamlCache | undefined } = {},
): Promise<{ file?: YamlFile; diagnostics: Diagnostic[] }> {
  const shown = displayPath(path, cwd);
  try {
    return parseYamlFileCached(shown, options.text ?? (await readBriefFileText(path, cwd, root)), options.parsed);
  } catch (error) {
    return { diagnostics: [diagnosticFromError(error, shown)] };
  }
}

