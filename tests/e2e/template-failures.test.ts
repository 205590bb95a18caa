import { existsSync, mkdirSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pdfReadingText, runBriefProcess, type CliRun } from "../helpers/cli.js";
import { TempProject } from "../helpers/project.js";

/**
 * A template that fails while it runs, built by the real `brief` command: the brief using it fails
 * (TEMPLATE_RENDER_FAILED, exit 1, not an internal error), the other briefs are printed, and the next
 * build reports the failure again.
 */
let project: TempProject;
let first: CliRun;
let second: CliRun;

beforeAll(async () => {
  project = new TempProject();
  mkdirSync(project.path("templates"), { recursive: true });
  // join takes a list; given a mapping it throws while the template runs (the checker refuses text there, not a mapping).
  project.write("templates/odd.hbs", '{{!-- layout: memo --}}\n<!DOCTYPE html>\n<html><head><meta charset="utf-8"></head><body>\n<h1>{{join brief.counts ", "}}</h1>\n</body></html>\n');
  project.replace("briefs/tram-memo.yaml", "template: memo", "template: odd");
  first = await runBriefProcess(["build"], { cwd: project.dir });
  second = await runBriefProcess(["build"], { cwd: project.dir });
}, 180_000);

afterAll(() => project?.dispose());

describe("a template that fails while it runs", () => {
  it("fails its brief with exit code 1 and TEMPLATE_RENDER_FAILED naming the template, twice in a row", () => {
    for (const run of [first, second]) {
      expect(run.stderr).not.toContain("internal error");
      expect(run.stderr).toMatch(/TEMPLATE_RENDER_FAILED: template "odd" \(templates\/odd\.hbs\) failed while rendering brief "tram-memo": .*join takes a list, but was given a mapping/);
      expect(run.code).toBe(1);
    }
    expect(existsSync(project.path("output/tram-memo.pdf"))).toBe(false);
  });

  it("prints the other briefs", async () => {
    for (const id of ["tram-handout", "tram-one-pager"]) {
      expect(existsSync(project.path(`output/${id}.pdf`)), id).toBe(true);
      expect((await pdfReadingText(project.path(`output/${id}.pdf`))).length).toBeGreaterThan(100);
    }
  });
});
