import { afterAll, describe, expect, it } from "vitest";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { briefWarningAnnotations, githubAnnotation, locateDiagnostics, repositoryPaths } from "../../../src/cli/report.js";

const asGiven = (file: string) => file;

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
    expect(githubAnnotation(located!, asGiven)).toBe(
      `::error file=briefs/a%2Cb.yaml,line=2,col=11,endLine=2,endColumn=16,title=BRIEF_INVALID_VALUE::100%25 wrong: a%0Ab%0Ahint: did you mean "memo"? (allowed: "memo", "handout", "one-pager")`,
    );
  });

  it("never let a line or paragraph separator from a user's file through, which may end a line of the log", () => {
    const [located] = locateDiagnostics([{ ...diagnostic, file: "briefs/x\u2028y.yaml", message: "key \u2028::error file=x::injected\u2029z" }], new Map());
    const annotation = githubAnnotation(located!, asGiven);
    expect(annotation).not.toMatch(/[\u2028\u2029\r\n]/);
    expect(annotation).toBe(`::error file=briefs/x y.yaml,title=BRIEF_INVALID_VALUE::key  ::error file=x::injected z%0Ahint: did you mean "memo"? (allowed: "memo", "handout", "one-pager")`);
  });
});

// A CI engineer's test: with --reporter github, a document's shrunk pages were said only in the log's brief line,
// never as an annotation on the pull request, though every other warning was one.
describe("what a build says of the briefs it built", () => {
  it("is a warning annotation on each brief's file", () => {
    const shrank = "the browser shrank the pages to 67% to fit something wider than the page";
    expect(briefWarningAnnotations([{ file: "briefs/memo.yaml", warnings: [shrank] }, { file: "briefs/quiet.yaml", warnings: [] }], asGiven)).toEqual([
      `::warning file=briefs/memo.yaml,title=BUILD_WARNING::${shrank.replace("%", "%25")}`,
    ]);
  });
});

// A hostile CI run: with the project in a subfolder of the repository (a step's working-directory), annotations named
// files relative to that folder, and GitHub, which takes them relative to the repository, placed none on the diff.
describe("annotations name files as GitHub does: relative to the repository", () => {
  const repo = mkdtempSync(join(tmpdir(), "briefsmith-repo-"));
  const project = join(repo, "policy");
  mkdirSync(join(project, "briefs"), { recursive: true });
  afterAll(() => rmSync(repo, { recursive: true, force: true }));

  it("to the runner's workspace, from the project folder or one below it", () => {
    const env = { GITHUB_WORKSPACE: repo };
    expect(repositoryPaths({ cwd: project, env })("briefs/memo.yaml")).toBe("policy/briefs/memo.yaml");
    // A file outside the command's folder is named by its absolute path, as the command names it.
    expect(repositoryPaths({ cwd: join(project, "briefs"), env })(join(project, "sources/facts.yaml"))).toBe("policy/sources/facts.yaml");
    expect(repositoryPaths({ cwd: project, env })("/elsewhere/memo.yaml")).toBe("/elsewhere/memo.yaml");
    // A folder whose name starts with two dots is inside; a workspace reached through a link is the same folder.
    expect(repositoryPaths({ cwd: project, env })("..drafts/memo.yaml")).toBe("policy/..drafts/memo.yaml");
    const link = `${repo}-link`;
    symlinkSync(repo, link);
    try {
      expect(repositoryPaths({ cwd: project, env: { GITHUB_WORKSPACE: link } })("briefs/memo.yaml")).toBe("policy/briefs/memo.yaml");
    } finally {
      rmSync(link);
    }
  });

  it("to the git work tree around the folder without a workspace, and as given with neither", () => {
    expect(repositoryPaths({ cwd: project, env: {} })("briefs/memo.yaml")).toBe("briefs/memo.yaml");
    mkdirSync(join(repo, ".git"));
    expect(repositoryPaths({ cwd: project, env: {} })("briefs/memo.yaml")).toBe("policy/briefs/memo.yaml");
    // A repository checked out into a subfolder of the workspace: named from its own root.
    expect(repositoryPaths({ cwd: project, env: { GITHUB_WORKSPACE: tmpdir() } })("briefs/memo.yaml")).toBe("policy/briefs/memo.yaml");
    const [located] = locateDiagnostics([{ severity: "error", code: "BRIEF_INVALID_VALUE", message: "m", file: "briefs/memo.yaml" }], new Map());
    expect(githubAnnotation(located!, repositoryPaths({ cwd: project, env: {} }))).toBe("::error file=policy/briefs/memo.yaml,title=BRIEF_INVALID_VALUE::m");
  });
});
