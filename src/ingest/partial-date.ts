/** Year, then month and day, with one separator used throughout or none ("20160204120000Z" in PDF dates). */
const isoLike = /^(\d{4})(?:([-/.])?(\d{2})(?:\2(\d{2}))?)?/;

/**
 * A date as the extract's `date` field takes it (YYYY, YYYY-MM or
 * YYYY-MM-DD) from the forms documents use: ISO dates and date-times,
 * "2016/02/04" (citation_date), PDF's "D:20160204120000Z", and written-out
 * dates such as "4 February 2016". Undefined when nothing sensible is found.
 *
 * The calendar date is taken as written, not converted to UTC: a page
 * published at 23:30 in New York was published on that day.
 */
export function toPartialDate(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const text = value.trim().replace(/^D:/, "");
  const match = isoLike.exec(text);
  if (match !== null) return checkedDate(match[1]!, match[3], match[4]);
  if (!/\p{L}{3}/u.test(text)) return undefined;
  // Written-out dates only: Date.parse reads them as local midnight, so the local fields are the date as written.
  const parsed = new Date(Date.parse(text));
  if (Number.isNaN(parsed.getTime())) return undefined;
  return checkedDate(String(parsed.getFullYear()), pad(parsed.getMonth() + 1), pad(parsed.getDate()));
}

function checkedDate(year: string, month: string | undefined, day: string | undefined): string | undefined {
  if (Number(year) < 1000) return undefined;
  if (month === undefined || !inRange(month, 1, 12)) return year;
  if (day === undefined || !inRange(day, 1, 31)) return `${year}-${month}`;
  return `${year}-${month}-${day}`;
}

function inRange(digits: string, low: number, high: number): boolean {
  const value = Number(digits);
  return value >= low && value <= high;
}

function pad(value: number): string {
  return String(value).padStart(2, "0");
}
