import { expect } from "vitest";

/**
 * What a build of the examples says on stderr: only that the seminar handout, dated 1 March 2016, leaves out the
 * fact of May 2016 (the example shows the rule), said once, naming the brief.
 */
export function expectOnlyTheExamplesDateNotice(stderr: string): void {
  const problems = stderr.split("\n").filter((line) => / (error|warning) [A-Z_]+:/.test(line));
  expect(problems).toEqual([
    expect.stringMatching(
      /^sources\/sino-russian\/facts\.yaml:\d+:\d+: warning SELECT_FACT_AFTER_BRIEF_DATE: fact "g7-japan-host-2016" is dated May 2016, after the brief's date \(1 March 2016\), and is left out \(brief seminar-handout\)$/,
    ),
  ]);
}
