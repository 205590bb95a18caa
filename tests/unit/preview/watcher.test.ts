import { mkdirSync, writeFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { builtInTemplatesDir, lexiconPath } from "../../../src/load/package-files.js";
import { canOpenBrowser } from "../../../src/preview/open-browser.js";
import { classifyChange, isIgnoredName, ProjectWatcher, type ChangeBatch, type WatchedLayout } from "../../../src/preview/watcher.js";
import { TempProject } from "../../helpers/project.js";

const layout: WatchedLayout = {
  briefsDir: "/p/briefs",
  briefFiles: ["/elsewhere/draft.yaml"],
  sourcesDir: "/p/sources",
  templatesDir: "/pkg/templates",
  lexiconPath: "/pkg/data/lexicon.yaml",
};

describe("what a changed file concerns", () => {
  it("maps a path to its brief, its corpus, the templates or the word lists", () => {
    expect(classifyChange("/p/briefs/memo.yaml", layout)).toEqual({ kind: "brief", path: "/p/briefs/memo.yaml" });
    expect(classifyChange("/p/briefs/sub/memo.yml", layout)).toEqual({ kind: "brief", path: "/p/briefs/sub/memo.yml" });
    expect(classifyChange("/elsewhere/draft.yaml", layout)).toEqual({ kind: "brief", path: "/elsewhere/draft.yaml" });
    expect(classifyChange("/p/sources/transit/corpus.yaml", layout)).toEqual({ kind: "corpus", id: "transit" });
    expect(classifyChange("/p/sources/transit/texts/hearing.txt", layout)).toEqual({ kind: "corpus", id: "transit" });
    expect(classifyChange("/p/sources/transit", layout)).toEqual({ kind: "corpus", id: "transit" });
    expect(classifyChange("/pkg/templates/partials/bluf.hbs", layout)).toEqual({ kind: "templates" });
    expect(classifyChange("/pkg/data/lexicon.yaml", layout)).toEqual({ kind: "lexicon" });
  });

  it("ignores what no brief is made from: other files, hidden files, editors' swap and backup files", () => {
    for (const path of ["/p/briefs/notes.txt", "/p/sources", "/p/briefs/.memo.yaml.123.ab.tmp", "/p/briefs/.memo.yaml.swp", "/p/briefs/memo.yaml~", "/p/sources/transit/4913", "/p/output/memo.pdf", "/elsewhere/other.yaml"]) {
      expect(classifyChange(path, layout), path).toBeUndefined();
    }
    expect(isIgnoredName("/home/me/.projects/briefs/memo.yaml")).toBe(false);
  });
});

describe("opening the user's browser", () => {
  it("opens where there is a display, and never in CI, over SSH without one, or when told not to", () => {
    expect(canOpenBrowser({}, "darwin")).toBe(true);
    expect(canOpenBrowser({}, "win32")).toBe(true);
    expect(canOpenBrowser({ DISPLAY: ":0" }, "linux")).toBe(true);
    expect(canOpenBrowser({ WAYLAND_DISPLAY: "wayland-0" }, "linux")).toBe(true);
    expect(canOpenBrowser({}, "linux")).toBe(false);
    expect(canOpenBrowser({ DISPLAY: ":0", CI: "true" }, "linux")).toBe(false);
    expect(canOpenBrowser({ CI: "1" }, "darwin")).toBe(false);
    expect(canOpenBrowser({ DISPLAY: ":0", BROWSER: "none" }, "linux")).toBe(false);
  });
});

describe("the project watcher on disk", () => {
  let project: TempProject | undefined;
  let watcher: ProjectWatcher | undefined;
  afterEach(async () => {
    await watcher?.close();
    project?.dispose();
    watcher = project = undefined;
  });

  /** Start watching the project; resolves with each batch as it comes. */
  async function watchProject(): Promise<ChangeBatch[]> {
    project = new TempProject();
    const batches: ChangeBatch[] = [];
    watcher = await ProjectWatcher.start(
      {
        briefsDir: project.path("briefs"),
        briefFiles: [],
        sourcesDir: project.path("sources"),
        templatesDir: builtInTemplatesDir,
        projectTemplatesDir: project.path("templates"),
        lexiconPath,
      },
      (batch) => batches.push(batch),
      { settleMs: 5 },
    );
    return batches;
  }

  async function until(condition: () => boolean, what: string): Promise<void> {
    const started = Date.now();
    while (!condition()) {
      if (Date.now() - started > 10_000) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  it("sees folders made after it started, and the files then written in them, however deep", async () => {
    const batches = await watchProject();
    const corpora = () => new Set(batches.flatMap((b) => [...b.corpora]));
    const briefs = () => new Set(batches.flatMap((b) => [...b.briefs]));
    // A folder and a file in it at once (cp -r, git checkout), and a file written later into a folder made then.
    mkdirSync(project!.path("sources/new-corpus/texts"), { recursive: true });
    writeFileSync(project!.path("sources/new-corpus/corpus.yaml"), "id: new-corpus\n");
    await until(() => corpora().has("new-corpus"), "the new corpus folder");
    await new Promise((resolve) => setTimeout(resolve, 100));
    batches.length = 0;
    writeFileSync(project!.path("sources/new-corpus/texts/hearing.txt"), "A new hearing.\n");
    await until(() => corpora().has("new-corpus"), "a text in the new corpus");
    mkdirSync(project!.path("briefs/drafts/2024"), { recursive: true });
    writeFileSync(project!.path("briefs/drafts/2024/new.yaml"), "title: New\n");
    await until(() => briefs().has(project!.path("briefs/drafts/2024/new.yaml")), "a brief in a new briefs/ subfolder");
    mkdirSync(project!.path("templates/partials"), { recursive: true });
    writeFileSync(project!.path("templates/partials/x.hbs"), "x");
    await until(() => batches.some((b) => b.templates), "a new project templates folder");
  });
});
