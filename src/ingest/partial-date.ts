/** Year, then month and day, with one separator used throughout or none ("20160204120000Z" in PDF dates). */
const isoLike = /^(\d{4})(?:([-/.])?(\d{2})(?:\2(\d{2}))?)?/;

/** "2019–2020": a span of years is no one date. */
const yearSpan = /^\d{4}\s*[-–—/]\s*\d{4}\b/;

const monthNames = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

/**
 * A date as the extract's `date` field takes it (YYYY, YYYY-MM or
 * YYYY-MM-DD) from the forms documents use: ISO dates and date-times,
 * "2016/02/04" (citation_date), PDF's "D:20160204120000Z", and written-out
 * dates such as "4 February 2016", "February 4, 2016" or "Thu, 04 Feb 2016
 * 12:00:00 GMT". Undefined when nothing sensible is found.
 *
 * Only what the text gives is kept: "May 2024" is 2024-05 and "Summer 2021"
 * 2021, never a first of the month or of January; a day the month does not
 * have is dropped, and a text without a year gives nothing.
 *
 * The calendar date is taken as written, not converted to UTC: a page
 * published at 23:30 in New York was published on that day.
 */
export function toPartialDate(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const text = value.trim().replace(/^D:/, "");
  if (yearSpan.test(text)) return undefined;
  const match = isoLike.exec(text);
  if (match !== null) return checkedDate(match[1]!, match[3], match[4]);
  return writtenDate(text);
}

/** A date written in words: a year of four digits, and a month by name with the day beside it, when they are there. */
function writtenDate(text: string): string | undefined {
  // A time of day ("23:30:00") and a zone are not the date.
  const words = text.replace(/\b\d{1,2}:\d{2}(?::\d{2})?\b/g, " ").split(/[\s,]+/).filter((word) => word !== "");
  const years = new Set(words.filter((word) => /^\d{4}$/.test(word)));
  if (years.size !== 1) return undefined;
  const [year] = years;
  const monthAt = words.findIndex((word) => monthOf(word) !== undefined);
  if (monthAt === -1) return checkedDate(year!, undefined, undefined);
  const month = String(monthOf(words[monthAt]!)).padStart(2, "0");
  const day = [words[monthAt - 1], words[monthAt + 1]].map((word) => /^(\d{1,2})(?:st|nd|rd|th)?$/i.exec(word ?? "")?.[1]).find((d) => d !== undefined);
  return checkedDate(year!, month, day?.padStart(2, "0"));
}

/** 1 to 12 for a month's name or its abbreviation ("Feb", "Sept."); undefined for any other word. */
function monthOf(word: string): number | undefined {
  const name = word.toLowerCase().replace(/\.$/, "");
  if (name.length < 3) return undefined;
  const index = monthNames.findIndex((month) => month === name || (month.startsWith(name) && (name.length === 3 || name === "sept")));
  return index === -1 ? undefined : index + 1;
}

/** As precise as the parts are valid: a month out of range leaves the year, a day the month does not have leaves the month. */
function checkedDate(year: string, month: string | undefined, day: string | undefined): string | undefined {
  if (Number(year) < 1000) return undefined;
  if (month === undefined || !inRange(month, 1, 12)) return year;
  if (day === undefined || !inRange(day, 1, daysInMonth(Number(year), Number(month)))) return `${year}-${month}`;
  return `${year}-${month}-${day}`;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function inRange(digits: string, low: number, high: number): boolean {
  const value = Number(digits);
  return value >= low && value <= high;
}
