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
    expect(toPartialDate("last spring")).toBeUndefined();
    expect(toPartialDate("04/02/2016")).toBeUndefined();
    expect(toPartialDate(undefined)).toBeUndefined();
  });
});
