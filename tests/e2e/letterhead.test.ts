import { cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pdfReadingText, repoRoot, runBriefProcess, tool, type CliRun } from "../helpers/cli.js";

/**
 * examples/letterhead, as a user builds it with the real `brief` command (on
 * a copy, so the repository's folder is left as it is): the memo on the
 * office's letterhead, its emblem embedded in the document, the PDF read back.
 */
let dir: string;
let list: CliRun;
let validate: CliRun;
let build: CliRun;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "briefsmith-letterhead-"));
  cpSync(join(repoRoot, "examples", "letterhead"), dir, { recursive: true, filter: (source) => !source.includes(`${join("letterhead", "output")}`) });
  list = await runBriefProcess(["list", "templates"], { cwd: dir });
  validate = await runBriefProcess(["validate"], { cwd: dir });
  build = await runBriefProcess(["build"], { cwd: dir });
}, 120_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("examples/letterhead", () => {
  it("lists its template, with its layout and file, after Briefsmith's", () => {
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/^letterhead\s+memo\s+templates\/letterhead\.hbs\s+sections: bluf, themes/m);
    expect(list.stdout).toMatch(/^memo\s+memo\s+built-in/m);
  });

  it("validates with no problem and no warning", () => {
    expect(validate.stderr).toBe("");
    expect(validate.code).toBe(0);
    expect(validate.stdout).toContain("no problems");
  });

  it("builds the memo on the letterhead: the town's name and address, the memo's header and sections", async () => {
    expect(build.stderr).toBe("");
    expect(build.code).toBe(0);
    expect(build.stdout).toMatch(/✓ library-sundays-letter\s/);
    expect(build.stdout).not.toContain("blocked");
    const text = await pdfReadingText(join(dir, "output", "library-sundays-letter.pdf"));
    for (const visible of ["Town of Millbrook", "Town Hall · 1 Market Square · Millbrook", "MEMORANDUM", "Chair, Library Board", "Should Millbrook's library open on Sundays?", "Bottom line"]) {
      expect(text).toContain(visible);
    }
    // marking: none: a town hall's memo carries no classification banner.
    expect(text).not.toContain("UNCLASSIFIED");
    const info = await tool("pdfinfo", [join(dir, "output", "library-sundays-letter.pdf")]);
    expect(info).toMatch(/Pages:\s+[12]\n/);
  });

  it("embeds the emblem as a sanitised SVG data: URI, drawn in the PDF", async () => {
    const html = readFileSync(join(dir, "output", "library-sundays-letter.html"), "utf8");
    const uri = /<img class="emblem" src="data:image\/svg\+xml;base64,([^"]+)"/.exec(html);
    expect(uri).not.toBeNull();
    const svg = Buffer.from(uri![1]!, "base64").toString("utf8");
    expect(svg).toContain("MILLBROOK");
    expect(svg).toContain('fill="url(#water)"');
    // The emblem is vector art: its words are text in the PDF (pdfimages lists raster images only).
    const firstPage = await tool("pdftotext", ["-f", "1", "-l", "1", join(dir, "output", "library-sundays-letter.pdf"), "-"]);
    expect(firstPage).toContain("MILLBROOK");
  });
});
