import { describe, expect, it } from "vitest";
import { toPartialDate } from "../../../src/ingest/partial-date.js";

describe("toPartialDate", () => {
  it("reads the forms documents use, keeping the date as written", () => {
    expect(toPartialDate("2016-02-04T23:30:00-05:00")).toBe("2016-02-04");
    expect(toPartialDate("2016/02/04")).toBe("2016-02-04");
    expect(toPartialDate("D:20160204120000+01'00'")).toBe("2016-02-04");
    expect(toPartialDate("2016-02")).toBe("2016-02");
    expect(toPartialDate("2016")).toBe("2016");
    expect(toPartialDate("4 February 2016")).toBe("2016-02-04");
  });

  it("keeps only what is valid, and gives nothing for what is not a date", () => {
    expect(toPartialDate("2016-13-01")).toBe("2016");
    expect(toPartialDate("2016-02-40")).toBe("2016-02");
    // A day the month does not have is not kept either: the extract refuses "31 February".
    expect(toPartialDate("2016-02-31")).toBe("2016-02");
    expect(toPartialDate("2016-02-29")).toBe("2016-02-29");
    expect(toPartialDate("2015-02-29")).toBe("2015-02");
    expect(toPartialDate("last spring")).toBeUndefined();
    expect(toPartialDate("04/02/2016")).toBeUndefined();
    expect(toPartialDate(undefined)).toBeUndefined();
  });

  // A hostile run: "Summer 2021" became 1 January 2021 in the memo's source list, "14 May" 14 May 2001, "May 2024"
  // the first of May, "Feb 30, 2023" 2 March: JavaScript's date parser fills in what a text does not say.
  it("never makes up a year, month or day a written date does not give", () => {
    expect(toPartialDate("Summer 2021")).toBe("2021");
    expect(toPartialDate("Winter 2023")).toBe("2023");
    expect(toPartialDate("14 May")).toBeUndefined();
    expect(toPartialDate("May 2024")).toBe("2024-05");
    expect(toPartialDate("Feb 30, 2023")).toBe("2023-02");
    expect(toPartialDate("2019–2020")).toBeUndefined();
  });

  it("reads the written-out dates of pages and documents", () => {
    expect(toPartialDate("February 4, 2016")).toBe("2016-02-04");
    expect(toPartialDate("Thursday, 4th February 2016")).toBe("2016-02-04");
    expect(toPartialDate("Thu, 04 Feb 2016 23:30:00 GMT")).toBe("2016-02-04");
    expect(toPartialDate("Sept. 9, 2015")).toBe("2015-09-09");
    expect(toPartialDate("March 2016")).toBe("2016-03");
    expect(toPartialDate("Mar 2016")).toBe("2016-03");
  });
});
