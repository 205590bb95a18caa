import { afterEach, describe, expect, it } from "vitest";
import { calendarDayProblem } from "../../../src/text/dates.js";
import { runCli } from "../../helpers/cli.js";
import { TempProject } from "../../helpers/project.js";

/** Dates of days the calendar does not have are refused, saying why (issue 11, item 9). */
let project: TempProject | undefined;
afterEach(() => project?.dispose());

describe("impossible dates", () => {
  it("the day is checked against its month and year, leap years included", () => {
    expect(calendarDayProblem("2016-02-29")).toBeUndefined();
    expect(calendarDayProblem("2016-02-30")).toBe("2016-02-30 is not a date: February 2016 has 29 days");
    expect(calendarDayProblem("2015-02-29")).toBe("2015-02-29 is not a date: February 2015 has 28 days");
    expect(calendarDayProblem("2016-04-31")).toBe("2016-04-31 is not a date: April 2016 has 30 days");
    expect(calendarDayProblem("2016-02")).toBeUndefined();
  });

  it("a brief dated 2016-02-30 and a fact dated 2016-02-31 are refused with the reason, located", async () => {
    project = new TempProject();
    project.replace("briefs/tram-memo.yaml", "date: 2024-04-02", "date: 2016-02-30");
    project.replace("sources/transit/corpus.yaml", "    date: 2024-03\n", "    date: 2016-02-31\n");
    const run = await runCli(["validate"], { cwd: project.dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^briefs\/tram-memo\.yaml:\d+:\d+: error BRIEF_INVALID_FORMAT: date: 2016-02-30 is not a date: February 2016 has 29 days$/m);
    expect(run.stderr).toMatch(/^sources\/transit\/corpus\.yaml:\d+:\d+: error EXTRACT_INVALID_FORMAT: .*2016-02-31 is not a date: February 2016 has 29 days$/m);
    expect(run.stderr).not.toContain("a date is YYYY-MM-DD");
  });

  // An author's test: "2024-13" got "a date is YYYY, YYYY-MM or YYYY-MM-DD", which it is written as.
  it("a month or day out of range says so, not the form the date is already written in", async () => {
    const { PartialDate } = await import("../../../src/schema/extract.js");
    const { BriefSchema } = await import("../../../src/schema/brief.js");
    const message = (result: { success: boolean; error?: { issues: { message: string }[] } }) => result.error?.issues.map((i) => i.message);
    expect(message(PartialDate.safeParse("2024-13"))).toEqual(["2024-13 is not a date: there is no month 13"]);
    expect(message(PartialDate.safeParse("2024-04-45"))).toEqual(["2024-04-45 is not a date: there is no day 45 in a month"]);
    expect(message(PartialDate.safeParse("24-4"))).toEqual(["a date is YYYY, YYYY-MM or YYYY-MM-DD"]);
    expect(PartialDate.safeParse("2024-12").success).toBe(true);
    const brief = (date: string) => message(BriefSchema.safeParse({ title: "t", template: "memo", corpus: "c", date }));
    expect(brief("2024-00-10")).toEqual(["2024-00-10 is not a date: there is no month 0"]);
    expect(brief("10 April 2024")).toEqual(["a date is YYYY-MM-DD, for example 2016-02-15"]);
  });
});
