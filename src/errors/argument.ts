import { suggestionHint } from "../diagnostics/suggest.js";
import { calendarDayProblem } from "../text/dates.js";
import { BriefsmithError } from "./briefsmith-error.js";

/**
 * Checks of what a program passes to the library's functions. A program is not a user at a terminal: a wrong
 * value is its bug, said once, at the call, as API_INVALID_ARGUMENT, rather than a date printed as "45
 * undefined 2024", a printer that never prints (jobs: 0), or a retry in a second browser.
 */
export function invalidArgument(what: string, value: unknown, wanted: string): BriefsmithError {
  const shown = typeof value === "string" || Array.isArray(value) ? JSON.stringify(value) : typeof value === "object" && value !== null ? "an object" : String(value);
  return new BriefsmithError("API_INVALID_ARGUMENT", `${what} is ${shown.length > 60 ? `${shown.slice(0, 60)}…` : shown}, which is not ${wanted}`);
}

/** A date as the library takes it: YYYY-MM-DD, a day of the calendar. */
export function checkDateArgument(what: string, date: unknown): void {
  if (typeof date !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(date) || calendarDayProblem(date) !== undefined) {
    throw invalidArgument(what, date, "a day of the calendar written YYYY-MM-DD");
  }
}

/** A whole number within bounds. */
export function checkCountArgument(what: string, value: unknown, min: number, max: number): void {
  if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) throw invalidArgument(what, value, `a whole number from ${min} to ${max}`);
}

/**
 * An options object: the defaults when undefined, else a plain object (null, text or a list is a program's slip).
 * With `known` (every option the function takes, kept whole by `satisfies Record<keyof Options, true>`), an
 * option it does not take is a slip too: `{ dat: "2016-01-01" }` rendered with today's date, without a word.
 */
export function checkOptionsArgument(what: string, options: unknown, known?: Readonly<Record<string, true>>): void {
  if (options !== undefined && (typeof options !== "object" || options === null || Array.isArray(options))) throw invalidArgument(what, options, "an object of options");
  if (options === undefined || known === undefined) return;
  const unknown = Object.keys(options).find((key) => !Object.hasOwn(known, key));
  if (unknown !== undefined) {
    const taker = what.endsWith("'s options") ? what.slice(0, -"'s options".length) : undefined;
    const message = taker === undefined ? `${what} have no option "${unknown}"` : `${taker} takes no option "${unknown}"`;
    throw new BriefsmithError("API_INVALID_ARGUMENT", message, { hint: suggestionHint(unknown, Object.keys(known), "option", true) });
  }
}

/** Text that names something (a path, a folder), when given. */
export function checkTextArgument(what: string, value: unknown): void {
  if (value !== undefined && (typeof value !== "string" || value.trim() === "")) throw invalidArgument(what, value, "text that names it");
}

/** A list of such texts, when given. */
export function checkTextListArgument(what: string, value: unknown): void {
  if (value !== undefined && (!Array.isArray(value) || value.some((item) => typeof item !== "string" || item.trim() === ""))) throw invalidArgument(what, value, "a list of texts");
}

/** true or false, when given. */
export function checkFlagArgument(what: string, value: unknown): void {
  if (value !== undefined && typeof value !== "boolean") throw invalidArgument(what, value, "true or false");
}

/** A function to call back, when given. */
export function checkCallbackArgument(what: string, value: unknown): void {
  if (value !== undefined && typeof value !== "function") throw invalidArgument(what, value, "a function");
}

/** An AbortSignal, when given. */
export function checkSignalArgument(what: string, value: unknown): void {
  if (value !== undefined && !(value instanceof AbortSignal)) throw invalidArgument(what, value, "an AbortSignal");
}
