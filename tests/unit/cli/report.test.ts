import { describe, expect, it } from "vitest";
import { briefWarningAnnotations, githubAnnotation, locateDiagnostics } from "../../../src/cli/report.js";

describe("reporters", () => {
  const text = "title: T\ntemplate: memoo\n";
  const diagnostic = {
    severity: "error",
    code: "BRIEF_INVALID_VALUE",
    message: 'template is "memoo", which is not allowed',
    file: "briefs/a,b.yaml",
    span: { start: 19, end: 24 },
    hint: 'did you mean "memo"? (allowed: "memo", "handout", "one-pager")',
  } as const;

  it("locate a diagnostic by line and column, start and end", () => {
    expect(locateDiagnostics([diagnostic, diagnostic], new Map([["briefs/a,b.yaml", text]]))).toEqual([
      { severity: "error", code: "BRIEF_INVALID_VALUE", message: diagnostic.message, file: "briefs/a,b.yaml", line: 2, column: 11, endLine: 2, endColumn: 16, hint: diagnostic.hint },
    ]);
  });

  it("write a GitHub Actions annotation with its properties and message escaped", () => {
    const [located] = locateDiagnostics([{ ...diagnostic, message: "100% wrong: a\nb" }], new Map([["briefs/a,b.yaml", text]]));
    expect(githubAnnotation(located!)).toBe(
      `::error file=briefs/a%2Cb.yaml,line=2,col=11,endLine=2,endColumn=16,title=BRIEF_INVALID_VALUE::100%25 wrong: a%0Ab%0Ahint: did you mean "memo"? (allowed: "memo", "handout", "one-pager")`,
    );
  });

  it("never let a line or paragraph separator from a user's file through, which may end a line of the log", () => {
    const [located] = locateDiagnostics([{ ...diagnostic, file: "briefs/x\u2028y.yaml", message: "key \u2028::error file=x::injected\u2029z" }], new Map());
    const annotation = githubAnnotation(located!);
    expect(annotation).not.toMatch(/[\u2028\u2029\r\n]/);
    expect(annotation).toBe(`::error file=briefs/x y.yaml,title=BRIEF_INVALID_VALUE::key  ::error file=x::injected z%0Ahint: did you mean "memo"? (allowed: "memo", "handout", "one-pager")`);
  });
});

// A CI engineer's test: with --reporter github, a document's shrunk pages were said only in the log's brief line,
// never as an annotation on the pull request, though every other warning was one.
describe("what a build says of the briefs it built", () => {
  it("is a warning annotation on each brief's file", () => {
    const shrank = "the browser shrank the pages to 67% to fit something wider than the page";
    expect(briefWarningAnnotations([{ file: "briefs/memo.yaml", warnings: [shrank] }, { file: "briefs/quiet.yaml", warnings: [] }])).toEqual([
      `::warning file=briefs/memo.yaml,title=BUILD_WARNING::${shrank.replace("%", "%25")}`,
    ]);
  });
});
