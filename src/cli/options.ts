import { resolve } from "node:path";
import { suggestionHint } from "../diagnostics/suggest.js";
import { outputFormats, type OutputFormat } from "../schema/formats.js";
import { briefDateDefault, momentOfEpoch } from "../text/dates.js";
import { UsageError, type CliIo } from "./io.js";

export function projectRoot(io: CliIo, root: string | undefined): string {
  return resolve(io.cwd, root ?? ".");
}

/**
 * The date printed on briefs that set none: SOURCE_DATE_EPOCH when set (the
 * reproducible-builds convention), otherwise today.
 */
export function buildDate(io: CliIo): string {
  const epoch = io.env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && epoch !== "") {
    const moment = momentOfEpoch(epoch);
    if (moment === undefined) throw new UsageError(`SOURCE_DATE_EPOCH must be whole seconds since 1970 (up to the year 9999), not "${epoch}"`);
    return briefDateDefault(moment, io.now());
  }
  return briefDateDefault(undefined, io.now());
}

/** A whole number of at least 1 given for an option, or undefined when the option is not given. */
export function positiveInteger(value: string | undefined, option: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new UsageError(`${option} takes a whole number of at least 1, not "${value}"`);
  return Number(value);
}

/** --format pdf,html,docx: the formats named, each once, in the order given; undefined when the option is not given. */
export function outputFormatList(value: string | undefined): OutputFormat[] | undefined {
  if (value === undefined) return undefined;
  const names = value.split(",").map((name) => name.trim().toLowerCase()).filter((name) => name !== "");
  const unknown = names.filter((name) => !(outputFormats as readonly string[]).includes(name));
  if (names.length === 0 || unknown.length > 0) {
    throw new UsageError(`--format takes a list of ${outputFormats.join(", ")} separated by commas${unknown.length > 0 ? `, not "${unknown.join(", ")}"` : ""}`);
  }
  return [...new Set(names as OutputFormat[])];
}

/** A corpus named on the command line must be one of the project's (under sources/): a usage error with the nearest id otherwise. */
export function requireCorpus(id: string, corpora: readonly string[]): void {
  if (!corpora.includes(id)) throw new UsageError(`there is no corpus "${id}": ${suggestionHint(id, corpora, "corpus")}`);
}
