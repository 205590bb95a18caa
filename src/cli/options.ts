import { resolve } from "node:path";
import { parseArgs, type ParseArgsConfig } from "node:util";
import { isoDate } from "../dates.js";
import type { CliIo } from "./io.js";
import { UsageError } from "./io.js";

/** Parse a command's arguments with node:util, turning its errors into usage errors. */
export function parseCommandArgs<T extends NonNullable<ParseArgsConfig["options"]>>(args: readonly string[], options: T) {
  try {
    return parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

export const rootOption = { root: { type: "string" } } as const;

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
    const moment = new Date(Number(epoch) * 1000);
    if (!/^\d+$/.test(epoch) || !Number.isFinite(moment.getTime()) || moment.getUTCFullYear() > 9999) {
      throw new UsageError(`SOURCE_DATE_EPOCH must be whole seconds since 1970 (up to the year 9999), not "${epoch}"`);
    }
    return isoDate(moment);
  }
  return isoDate(io.now());
}
