const monthNames = [
  "January", "February", "March", "April", "May", "June",
  "July", "August", "September", "October", "November", "December",
] as const;

/**
 * A date as a memo prints it: "4 February 2016", "May 2014", "2015". Takes
 * YYYY, YYYY-MM or YYYY-MM-DD and never depends on the machine's locale.
 */
export function formatDate(date: string): string {
  const [year, month, day] = date.split("-");
  if (month === undefined) return year!;
  const monthName = monthNames[Number(month) - 1]!;
  return day === undefined ? `${monthName} ${year}` : `${Number(day)} ${monthName} ${year}`;
}

/** The ISO calendar date (UTC) of a moment: SOURCE_DATE_EPOCH's, which the reproducible-builds convention reads in UTC. */
export function isoDate(moment: Date): string {
  return moment.toISOString().slice(0, 10);
}

/**
 * Today as the person building sees it on their calendar (the machine's time zone): a memo built at nine in the
 * evening in Washington is dated that day, not the next, as UTC would have it.
 */
export function localIsoDate(moment: Date): string {
  const pad = (value: number) => String(value).padStart(2, "0");
  return `${String(moment.getFullYear()).padStart(4, "0")}-${pad(moment.getMonth() + 1)}-${pad(moment.getDate())}`;
}

/**
 * The date printed on briefs that set none: the moment SOURCE_DATE_EPOCH names, in UTC (the reproducible-builds
 * convention), when there is one; else today on the machine's calendar.
 */
export function briefDateDefault(epoch: Date | undefined, now: Date): string {
  return epoch === undefined ? localIsoDate(now) : isoDate(epoch);
}

/**
 * The date printed on briefs that set none, as the library takes it everywhere (buildBriefs, validateBriefs,
 * renderBrief): SOURCE_DATE_EPOCH's when the environment gives a valid one, otherwise today's. (The CLI refuses
 * an invalid one before it gets here.)
 */
export function defaultBriefDate(env: Readonly<Record<string, string | undefined>> = process.env, now = new Date()): string {
  return briefDateDefault(momentOfEpoch(env.SOURCE_DATE_EPOCH ?? ""), now);
}

/**
 * The moment a SOURCE_DATE_EPOCH value names (the reproducible-builds
 * convention: whole seconds since 1970), or undefined when the value is not
 * one (or lies past the year 9999).
 */
export function momentOfEpoch(value: string): Date | undefined {
  if (!/^\d+$/.test(value)) return undefined;
  const moment = new Date(Number(value) * 1000);
  return Number.isFinite(moment.getTime()) && moment.getUTCFullYear() <= 9999 ? moment : undefined;
}

/**
 * Why a date written YYYY, YYYY-MM or YYYY-MM-DD is no date ("there is no month 13", "February 2016 has 29
 * days"), or undefined when it is one (or is not written so: the form is the caller's to check). The form
 * alone lets 2016-02-31 through, which would print as "31 February 2016".
 */
export function calendarDayProblem(date: string): string | undefined {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date);
  if (match === null) return undefined;
  const [year, month, day] = [Number(match[1]), match[2] === undefined ? undefined : Number(match[2]), match[3] === undefined ? undefined : Number(match[3])];
  if (month !== undefined && (month < 1 || month > 12)) return `${date} is not a date: there is no month ${month}`;
  if (day === undefined || month === undefined) return undefined;
  if (day < 1 || day > 31) return `${date} is not a date: there is no day ${day} in a month`;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= days ? undefined : `${date} is not a date: ${monthNames[month - 1]} ${year} has ${days} days`;
}
