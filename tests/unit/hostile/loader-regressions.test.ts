import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { formatDiagnostic } from "../../../src/diagnostics/format.js";
import { runCli } from "../../helpers/cli.js";
import { TempProject } from "../../helpers/project.js";

/** Gaps the hostile-input work found outside the loader and renderer, each fixed and kept fixed here. */
let project: TempProject | undefined;
afterEach(() => project?.dispose());

describe("regressions found by the hostile corpus", () => {
  it("a source text that is a symbolic link to a file outside its corpus is refused, and nothing of it is printed", async () => {
    project = new TempProject();
    const outside = mkdtempSync(join(tmpdir(), "briefsmith-secret-"));
    const secret = join(outside, "secret.txt");
    writeFileSync(secret, "finally connect the northern estates TOP-SECRET-MARKER and more\n");
    try {
      project.remove("sources/transit/texts/council-hearing.txt");
      symlinkSync(secret, project.path("sources/transit/texts/council-hearing.txt"));
      const result = await runCli(["validate", "--root", "."], { cwd: project.dir });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain("error FILE_OUTSIDE_FOLDER");
      expect(result.stderr + result.stdout).not.toContain("TOP-SECRET-MARKER");
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it("a YAML file in a corpus that links outside the corpus is refused", async () => {
    project = new TempProject();
    const outside = mkdtempSync(join(tmpdir(), "briefsmith-secret-"));
    writeFileSync(join(outside, "glossary.yaml"), "glossary:\n  - {term: LEAKED-MARKER, definition: x}\n");
    try {
      symlinkSync(join(outside, "glossary.yaml"), project.path("sources/transit/linked.yaml"));
      const result = await runCli(["validate", "--root", "."], { cwd: project.dir });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain("error FILE_OUTSIDE_FOLDER");
      expect(result.stderr).not.toContain("LEAKED-MARKER");
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it("a diagnostic on a very long line prints a window of the line, not all of it", () => {
    const line = `themes: [${Array.from({ length: 2000 }, (_, i) => `theme-${i}`).join(", ")}]`;
    const start = line.indexOf("theme-1500");
    const out = formatDiagnostic({ severity: "error", code: "FILE_NOT_FOUND", message: "m", file: "b.yaml", span: { start, end: start + 10 } }, line);
    const [, source, carets] = out.split("\n");
    expect(source!.length).toBeLessThan(200);
    expect(source).toContain("theme-1500");
    expect(carets!.indexOf("^")).toBe(source!.indexOf("theme-1500"));
    expect(carets).toMatch(/\^{10}$/);
  });

  it("a corpus whose only YAML file fails to load reports that failure alone", async () => {
    project = new TempProject();
    project.write("sources/transit/corpus.yaml", "corpus: [unclosed\n");
    const result = await runCli(["validate", "--root", "."], { cwd: project.dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/sources\/transit\/corpus\.yaml:\d+:\d+: error YAML_/);
    expect(result.stderr).not.toContain("EXTRACT_MISSING_CORPUS");
  });
});
