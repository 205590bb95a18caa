import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runCli } from "../../helpers/cli.js";

/**
 * A brief whose viewpoints list none of a chosen theme's viewpoints printed that
 * question with no view under it, a bottom line saying "The sources do not say
 * how widely either view is held" of no view, and a Balance note reading "Only
 * no view is set out here" (under balance: warn or off; strict refused it only
 * as unbalanced). It is an error of the brief, located at the theme.
 */
let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

function project(brief: string): string {
  dir = mkdtempSync(join(tmpdir(), "briefsmith-viewpoints-"));
  cpSync(join(import.meta.dirname, "../../../sources"), join(dir, "sources"), { recursive: true });
  mkdirSync(join(dir, "briefs"));
  writeFileSync(join(dir, "briefs/q.yaml"), brief);
  return dir;
}

const brief = (balance: string, themes = "[alliance, central-asia]") =>
  `title: Two questions, one view\ntemplate: memo\ncorpus: sino-russian\nthemes: ${themes}\nviewpoints: [alliance-quasi]\nbalance: ${balance}\ndate: 2016-02-15\n`;

describe("a chosen theme none of whose viewpoints the brief lists", () => {
  for (const balance of ["off", "warn"]) {
    it(`is refused by validate and build alike (balance: ${balance})`, async () => {
      const root = project(brief(balance));
      const validated = await runCli(["validate", "--root", "."], { cwd: root });
      expect(validated.code).toBe(1);
      expect(validated.stderr).toContain('briefs/q.yaml:4:20: error BRIEF_THEME_WITHOUT_VIEWPOINT: theme "central-asia" has none of the viewpoints this brief lists');
      expect(validated.stderr).toMatch(/hint: add one of its viewpoints \("[a-z-]+", /);
      const built = await runCli(["build", "--format", "html", "--root", "."], { cwd: root });
      expect(built.code).toBe(1);
      expect(built.stdout + built.stderr).toContain("BRIEF_THEME_WITHOUT_VIEWPOINT");
    });
  }

  it("with themes: all, it names each theme left without a view, at viewpoints:", async () => {
    const root = project(brief("off", "all"));
    const validated = await runCli(["validate", "--root", "."], { cwd: root });
    expect(validated.code).toBe(1);
    expect(validated.stderr).toMatch(/briefs\/q\.yaml:5:13: error BRIEF_THEME_WITHOUT_VIEWPOINT: theme "central-asia"/);
  });
});
