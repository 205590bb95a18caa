import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { buildBriefs } from "../../../src/build/build-briefs.js";
import { startPreview, type Preview } from "../../../src/preview/preview.js";
import type { BriefView } from "../../../src/preview/view.js";
import { FakePrinter } from "../../helpers/fake-printer.js";
import { TempProject } from "../../helpers/project.js";

/**
 * A long handout (past six pages) is printed by `brief build` twice, the
 * second time with its table of contents filled in from the first printing's
 * outline. The preview must show those pages, not a handout without contents.
 */
let project: TempProject | undefined;
let preview: Preview | undefined;
afterEach(async () => {
  await preview?.close();
  project?.dispose();
  preview = undefined;
  project = undefined;
});

/** `brief build` of one brief of the project, as the preview's printer prints it. */
function buildOne(p: TempProject, brief: string, printer: FakePrinter) {
  return buildBriefs({ root: p.dir, cwd: p.dir, paths: [p.path(brief)], outDir: p.path("output"), date: "2024-04-02", env: process.env, formats: ["pdf", "html"], printer });
}

async function until(session: () => BriefView | undefined, condition: (view: BriefView) => boolean): Promise<BriefView> {
  const started = Date.now();
  for (;;) {
    const view = session();
    if (view !== undefined && condition(view)) return view;
    if (Date.now() - started > 10_000) throw new Error(`timed out; last view: ${JSON.stringify(view, null, 2)}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe("brief preview of a long handout", () => {
  it("shows the table of contents with page numbers, exactly as brief build prints it", async () => {
    project = new TempProject();
    const eightPages = { pages: () => 8 };
    const views: BriefView[] = [];
    const previewPrinter = new FakePrinter("fake", eightPages);
    preview = await startPreview({
      root: project.dir,
      cwd: project.dir,
      brief: project.path("briefs/tram-handout.yaml"),
      printer: previewPrinter,
      date: () => "2024-04-02",
      onAttempt: (session) => views.push(session.view),
    });
    const view = await until(() => views.at(-1), (v) => v.status !== "starting");
    expect(view).toMatchObject({ status: "ok", pages: 8 });
    // Printed once to see its length, once with placeholder numbers to find its headings' pages, once with them.
    expect(previewPrinter.printed).toHaveLength(3);
    const shown = previewPrinter.printed.at(-1)!;
    const contents = /<ol class="contents-list">([\s\S]*?)<\/ol>/.exec(shown)?.[1];
    expect(contents, "the handout has a table of contents").toBeDefined();
    const numbers = [...contents!.matchAll(/<span class="page">([^<]*)<\/span>/g)].map((m) => m[1]);
    expect(numbers.length).toBeGreaterThan(2);
    expect(numbers).not.toContain("00");
    expect(numbers.map(Number)).toEqual([...numbers.map(Number)].sort((a, b) => a - b));

    const built = await buildOne(project, "briefs/tram-handout.yaml", new FakePrinter("fake", eightPages));
    expect(built.results.map((r) => r.status)).toEqual(["built"]);
    expect(readFileSync(project.path("output/tram-handout.html"), "utf8")).toBe(shown);
  });
});

// A handout with portion marks printed "00" for every entry: its headings, "(U//FOUO) 1. …" in the
// outline, matched no entry of the contents.
describe("the table of contents of a handout with portion marks", () => {
  it("has every heading's page number, and a space after each entry's mark", async () => {
    project = new TempProject();
    project.replace("briefs/tram-handout.yaml", "marking: FOR TRAINING USE", "marking: UNCLASSIFIED//FOR OFFICIAL USE ONLY\nportion_marks: true");
    const printer = new FakePrinter("fake", { pages: () => 8 });
    const built = await buildOne(project, "briefs/tram-handout.yaml", printer);
    expect(built.results.map((r) => r.status)).toEqual(["built"]);
    const html = readFileSync(project.path("output/tram-handout.html"), "utf8");
    const contents = /<ol class="contents-list">([\s\S]*?)<\/ol>/.exec(html)?.[1];
    expect(contents, "the handout has a table of contents").toBeDefined();
    expect(contents).toContain('class="portion-mark"');
    const numbers = [...contents!.matchAll(/<span class="page">([^<]*)<\/span>/g)].map((m) => m[1]);
    expect(numbers.length).toBeGreaterThan(2);
    expect(numbers).not.toContain("00");
  });
});

describe("brief preview of a one-pager that runs longer", () => {
  it("warns as brief build does", async () => {
    project = new TempProject();
    const views: BriefView[] = [];
    preview = await startPreview({
      root: project.dir,
      cwd: project.dir,
      brief: project.path("briefs/tram-one-pager.yaml"),
      printer: new FakePrinter("fake", { pages: () => 2 }),
      date: () => "2024-04-02",
      onAttempt: (session) => views.push(session.view),
    });
    const view = await until(() => views.at(-1), (v) => v.status !== "starting");
    const warning = "a one-pager should fit on one page but runs to 2; select fewer themes or set claims_per_viewpoint";
    expect(view.warnings.map((w) => w.text)).toContain(`warning: ${warning}`);
    const built = await buildOne(project, "briefs/tram-one-pager.yaml", new FakePrinter("fake", { pages: () => 2 }));
    expect(built.results[0]?.warnings).toEqual([warning]);
  });
});
