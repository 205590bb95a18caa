import {
  checkCallbackArgument,
  checkCountArgument,
  checkDateArgument,
  checkFlagArgument,
  checkOptionsArgument,
  checkSignalArgument,
  checkTextArgument,
  checkTextListArgument,
  invalidArgument,
} from "../errors/argument.js";
import { maxTabs, maxTimeoutMs } from "../print/limits.js";
import { outputFormats } from "../schema/formats.js";
import type { BuildOptions } from "./types.js";

const buildOptionNames = {
  paths: true, root: true, cwd: true, outDir: true, date: true, env: true, printer: true, browser: true, templatesDir: true, fontFolders: true,
  timeoutMs: true, force: true, formats: true, failFast: true, shard: true, jobs: true, restartAfter: true, onStart: true, onBrief: true,
  onBrowserLaunch: true, signal: true, graceMs: true, wait: true, onWaitForLock: true,
} as const satisfies Record<keyof BuildOptions, true>;

/**
 * The options of buildBriefs and validateBriefs, checked at the call, before anything is read or written: a
 * program's wrong value is its bug, said once (API_INVALID_ARGUMENT), not a memo dated "30 February 2016", a
 * build of nothing for jobs 0, or "built" for a format no file is written in.
 */
export function checkBuildOptions(options: unknown): asserts options is BuildOptions | undefined {
  checkOptionsArgument("buildBriefs's options", options, buildOptionNames);
  if (options === undefined) return;
  const given = options as Record<keyof BuildOptions, unknown>;
  checkProjectOptions("buildBriefs", given);
  checkTextArgument("buildBriefs's outDir", given.outDir);
  checkTextArgument("buildBriefs's browser", given.browser);
  checkTextListArgument("buildBriefs's fontFolders", given.fontFolders);
  if (given.env !== undefined && (typeof given.env !== "object" || given.env === null)) throw invalidArgument("buildBriefs's env", given.env, "an environment (names to values)");
  if (given.printer !== undefined && !isPrinterLike(given.printer)) throw invalidArgument("buildBriefs's printer", given.printer, "a printer createPrinter made (or a promise of one)");
  if (given.jobs !== undefined) checkCountArgument("buildBriefs's jobs", given.jobs, 1, maxTabs);
  if (given.timeoutMs !== undefined) checkCountArgument("buildBriefs's timeoutMs", given.timeoutMs, 1, maxTimeoutMs);
  if (given.restartAfter !== undefined) checkCountArgument("buildBriefs's restartAfter", given.restartAfter, 1, Number.MAX_SAFE_INTEGER);
  if (given.graceMs !== undefined) checkCountArgument("buildBriefs's graceMs", given.graceMs, 0, maxTimeoutMs);
  if (given.formats !== undefined && (!Array.isArray(given.formats) || given.formats.length === 0 || given.formats.some((f) => !(outputFormats as readonly unknown[]).includes(f)))) {
    throw invalidArgument("buildBriefs's formats", given.formats, `a list of ${outputFormats.map((f) => `"${f}"`).join(", ")}`);
  }
  if (given.shard !== undefined) checkShard(given.shard);
  for (const flag of ["force", "failFast", "wait"] as const) checkFlagArgument(`buildBriefs's ${flag}`, given[flag]);
  for (const callback of ["onStart", "onBrief", "onBrowserLaunch", "onWaitForLock"] as const) checkCallbackArgument(`buildBriefs's ${callback}`, given[callback]);
  checkSignalArgument("buildBriefs's signal", given.signal);
}

/** `known`: every option validateBriefs takes (validate-briefs.ts keeps the list whole against its type). */
export function checkValidateOptions(options: unknown, known: Readonly<Record<string, true>>): void {
  checkOptionsArgument("validateBriefs's options", options, known);
  if (options === undefined) return;
  const given = options as Record<"paths" | "root" | "cwd" | "date" | "templatesDir" | "lexicon" | "env", unknown>;
  checkProjectOptions("validateBriefs", given);
}

/** A template set loadTemplates made: the maps rendering reads. */
export function checkTemplateSetArgument(what: string, set: unknown): void {
  if (set === undefined) return;
  const maps = ["templates", "partials", "styles", "assets", "letterheads", "fileTexts"] as const;
  if (typeof set !== "object" || set === null || maps.some((name) => !((set as Record<string, unknown>)[name] instanceof Map))) {
    throw invalidArgument(what, set, "a template set loadTemplates returned");
  }
}

/** What both take: which briefs, of which project, from where, on which date. */
function checkProjectOptions(name: string, given: Record<"paths" | "root" | "cwd" | "date" | "templatesDir" | "env", unknown>): void {
  if (given.env !== undefined && (typeof given.env !== "object" || given.env === null)) throw invalidArgument(`${name}'s env`, given.env, "an environment (names to values)");
  checkTextListArgument(`${name}'s paths`, given.paths);
  checkTextArgument(`${name}'s root`, given.root);
  checkTextArgument(`${name}'s cwd`, given.cwd);
  checkTextArgument(`${name}'s templatesDir`, given.templatesDir);
  if (given.date !== undefined) checkDateArgument(`${name}'s date`, given.date);
}

function checkShard(shard: unknown): void {
  const { index, count } = (typeof shard === "object" && shard !== null ? shard : {}) as { index?: unknown; count?: unknown };
  const whole = (n: unknown): n is number => typeof n === "number" && Number.isInteger(n);
  if (!whole(index) || !whole(count) || index < 1 || index > count) throw invalidArgument("buildBriefs's shard", shard, "{ index, count } with 1 ≤ index ≤ count");
}

function isPrinterLike(printer: unknown): boolean {
  if (typeof printer !== "object" || printer === null) return false;
  return typeof (printer as { printDocument?: unknown }).printDocument === "function" || typeof (printer as { then?: unknown }).then === "function";
}
