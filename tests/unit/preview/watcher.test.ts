import { describe, expect, it } from "vitest";
import { canOpenBrowser } from "../../../src/preview/open-browser.js";
import { classifyChange, isIgnoredName, type WatchedLayout } from "../../../src/preview/watcher.js";

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
