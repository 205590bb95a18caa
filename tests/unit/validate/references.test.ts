import { describe, expect, it, afterEach } from "vitest";
import { readCorpus } from "../../../src/build/load-corpus.js";
import { positionAt } from "../../../src/diagnostics/format.js";
import { TempProject } from "../../helpers/project.js";

/**
 * References inside nested parts of an extract item (a theme's viewpoints, a
 * fact's bears_on) are reported where they are written. Regression: both
 * were internal errors ("extract item without an origin"), found by a
 * mutation run over the example corpora.
 */
let project: TempProject | undefined;
afterEach(() => project?.dispose());

const corpusFile = "sources/transit/corpus.yaml";

async function problems(p: TempProject) {
  const reading = await readCorpus(p.path("sources/transit"), { cwd: p.dir });
  const text = p.read(corpusFile);
  return reading.diagnostics
    .filter((d) => d.severity === "error")
    .map((d) => {
      const at = positionAt(text, d.span!.start);
      return `${d.file}:${at.line}:${at.column} ${d.code} ${d.message} (${d.hint})`;
    });
}

describe("references inside extract items", () => {
  it("a viewpoint id given twice is reported at the second, naming the first", async () => {
    project = new TempProject();
    project.replace(corpusFile, "      - id: do-not-build", "      - id: build-it");
    const found = await problems(project);
    expect(found[0]).toMatch(/^sources\/transit\/corpus\.yaml:44:13 EXTRACT_DUPLICATE_VIEWPOINT viewpoint "build-it" is defined twice \(first defined at sources\/transit\/corpus\.yaml:40:13\)$/);
    // The claims and facts that name the viewpoint now missing: the allowed ones are listed once each.
    expect(found.slice(1).map((f) => f.replace(/^\S+ /, ""))).toEqual(
      Array.from({ length: 5 }, () => 'EXTRACT_UNKNOWN_VIEWPOINT theme "worth-building" has no viewpoint "do-not-build" (allowed viewpoints: "build-it")'),
    );
  });

  it("a fact's bears_on key that is not a viewpoint of its theme is reported at the key, with the one meant", async () => {
    project = new TempProject();
    project.replace(corpusFile, "      do-not-build: neutral", "      do-not-buildd: neutral");
    expect(await problems(project)).toEqual([
      'sources/transit/corpus.yaml:98:7 EXTRACT_UNKNOWN_VIEWPOINT theme "worth-building" has no viewpoint "do-not-buildd" (did you mean "do-not-build"?)',
    ]);
  });
});

describe("the corpus id", () => {
  it("must be the name of the corpus's folder: briefs name the corpus by one, documents by the other", async () => {
    project = new TempProject();
    project.replace(corpusFile, "  id: transit", "  id: tram");
    expect(await problems(project)).toEqual([
      'sources/transit/corpus.yaml:2:7 EXTRACT_CORPUS_ID_MISMATCH the corpus id "tram" is not the name of its folder, "transit" (set id: transit, or rename the folder to tram)',
    ]);
  });
});
