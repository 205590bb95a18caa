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
});
