import { spawnSync } from "node:child_process";
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCorpus } from "../../src/build/load-corpus.js";
import { renderBrief } from "../../src/build/render-brief.js";
import { loadTemplates } from "../../src/load/templates.js";
import type { BriefModel } from "../../src/model.js";
import { renderInlineMarkdown } from "../../src/render/markdown.js";
import { quotation, typographic, typographicMarkdown } from "../../src/render/typography.js";
import { normaliseForQuote } from "../../src/text/paragraphs.js";
import { repoRoot, runBriefProcess, tool, type CliRun } from "../helpers/cli.js";
import { expectOnlyTheExamplesDateNotice } from "../helpers/example-notices.js";

/**
 * End to end: `brief build --format …docx` on every example brief, as a user
 * runs it; each Word file opened by LibreOffice (headless, converted to PDF)
 * and read back with pdftotext. A reader of the Word file must find the same
 * claims, the same quotes with their source and paragraph, and the same
 * sources as a reader of the PDF; the marking on every page and "Page X of Y";
 * and two builds must give the same bytes. A build of Word files alone starts
 * no browser.
 */
const soffice = ["soffice", "libreoffice"].find((name) => spawnSync("sh", ["-c", `command -v ${name}`]).status === 0);
const skipWithoutLibreOffice = soffice === undefined;
if (skipWithoutLibreOffice) {
  process.stderr.write("word-output: SKIPPED the LibreOffice checks: no soffice on PATH (Debian: apt-get install libreoffice-writer; npm test installs it where apt-get works)\n");
}

const examples = ["alliance-memo", "central-asia-energy-memo", "seminar-handout", "morning-one-pager"] as const;
const work = mkdtempSync(join(tmpdir(), "briefsmith-word-"));
/** examples/letterhead, a project with a template of its own (layout memo): its Word file is written in the memo layout. */
const letterhead = join(work, "letterhead");
const letterheadId = "library-sundays-letter";
let letterheadBuild: CliRun;
const all = join(work, "all");
const wordOnly = join(work, "word-only");
const again = join(work, "again");
const converted = join(work, "converted");
/** A stand-in for Chromium that leaves a mark if anything starts it. */
const fakeBrowser = join(work, "fake-chromium");
const launched = join(work, "browser-was-started");
const env = { SOURCE_DATE_EPOCH: "1767225600" }; // 2026-01-01: the one-pager, which has no date, prints this one
let allBuild: CliRun;
let wordBuild: CliRun;
let againBuild: CliRun;
const models = new Map<string, BriefModel>();

beforeAll(async () => {
  writeFileSync(fakeBrowser, `#!/bin/sh\ntouch '${launched}'\nexit 1\n`);
  chmodSync(fakeBrowser, 0o755);
  cpSync(join(repoRoot, "examples", "letterhead"), letterhead, { recursive: true, filter: (source) => !source.includes(join("letterhead", "output")) });
  [allBuild, wordBuild, againBuild, letterheadBuild] = await Promise.all([
    runBriefProcess(["build", "briefs", "--format", "pdf,html,docx", "--out", all], { env }),
    runBriefProcess(["build", "briefs", "--format", "docx", "--force", "--out", wordOnly, "--browser", fakeBrowser], { env }),
    runBriefProcess(["build", "briefs", "--format", "docx", "--out", again, "--browser", fakeBrowser], { env }),
    runBriefProcess(["build", "--format", "pdf,html,docx"], { env, cwd: letterhead }),
  ]);
  const corpus = await loadCorpus(join(repoRoot, "sources/sino-russian"));
  for (const id of examples) {
    const file = `briefs/${id}.yaml`;
    models.set(id, (await renderBrief(readFileSync(join(repoRoot, file), "utf8"), corpus, { file, date: "2026-01-01" })).model);
  }
  const letterheadFile = `briefs/${letterheadId}.yaml`;
  const letterheadCorpus = await loadCorpus(join(letterhead, "sources/library-hours"));
  const templates = await loadTemplates({ project: join(letterhead, "templates"), cwd: letterhead });
  models.set(letterheadId, (await renderBrief(readFileSync(join(letterhead, letterheadFile), "utf8"), letterheadCorpus, { file: letterheadFile, templates })).model);
  if (!skipWithoutLibreOffice) {
    mkdirSync(converted);
    // A profile of its own, so a LibreOffice the user has open (or another test run) does not get in the way.
    const profile = `file://${join(work, "lo-profile")}`;
    const files = [...examples.map((id) => join(all, `${id}.docx`)), join(letterhead, "output", `${letterheadId}.docx`)];
    const result = spawnSync(soffice!, [`-env:UserInstallation=${profile}`, "--headless", "--convert-to", "pdf", "--outdir", converted, ...files], { timeout: 170_000, encoding: "utf8" });
    if (result.status !== 0) throw new Error(`soffice failed (${result.status ?? result.signal}): ${result.stderr}`);
  }
}, 240_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Inline Markdown as a reader sees it: the HTML renderer's text, without its tags. */
function asPrinted(markdown: string): string {
  const html = renderInlineMarkdown(typographicMarkdown(markdown));
  return html.replace(/<[^>]+>/g, "").replace(/&#x27;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}

/** What a reader must find in both documents: every claim printed, every note with its source and paragraph, every source's title. */
function mustRead(model: BriefModel): { claims: string[]; notes: string[]; sources: string[] } {
  // A one-pager prints each view's thesis, not its claims.
  const claims = model.printsClaims
    ? [...model.themes.flatMap((t) => t.viewpoints.flatMap((v) => v.claims)), ...model.assumptions].map((c) => asPrinted(c.text))
    : model.themes.flatMap((t) => t.viewpoints.map((v) => typographic(v.thesis)));
  const notes = model.notes.map((n) => `${typographic(n.source.shortName)} [${n.source.number}], para. ${n.locator}: ${quotation(n.quote)}`);
  const sources = model.sources.map((s) => typographic(s.title));
  return { claims, notes, sources: [...sources, ...model.facts.map((f) => asPrinted(f.text))] };
}

const flat = (text: string) => normaliseForQuote(text.replace(/\u00a0/g, " "));

/**
 * The words of a PDF in reading order, on one line; a line that ends in a
 * hyphen or a dash runs on into the next, and so does one before a line that
 * starts with a dash (Chromium may break before an em dash: "Maidan / —A"). LibreOffice draws a table cell by
 * cell, so its PDF reads in order in content-stream order (-raw); pdftotext's
 * own ordering would interleave the lines of cells side by side. Chromium
 * draws its tables cell by cell too.
 */
async function readingText(path: string): Promise<string> {
  return flat((await tool("pdftotext", ["-raw", path, "-"])).replace(/([-\u2010-\u2015])\n\s*/g, "$1").replace(/\n\s*([\u2010-\u2015])/g, "$1"));
}

/**
 * Whether a text reads `wanted`: word for word, or, where a page break falls
 * inside a source's entry or a table cell (the comparison's column of claims runs on to the next
 * page, after the page's footer and header and the next column's lines), its
 * words in order with the first six together, within a page's worth of words.
 */
function reads(text: string, wanted: string): boolean {
  if (text.includes(wanted)) return true;
  const words = text.split(" ");
  const want = wanted.split(" ");
  // Three words: a claim in a table cell may break at a page after its fourth (its column runs on under the next
  // page's header row), and its first six words are then never together.
  const head = want.slice(0, 3).join(" ");
  for (let start = text.indexOf(head); start !== -1; start = text.indexOf(head, start + 1)) {
    let at = text.slice(0, start).split(" ").length - 1;
    const limit = at + want.length + 600;
    let found = 0;
    // The last word may run on into punctuation the text adds after it ("Reality?," in a source's entry).
    const matches = (word: string, index: number) => word === want[index] || (index === want.length - 1 && word.startsWith(want[index]!));
    for (; at < words.length && at < limit && found < want.length; at++) if (matches(words[at]!, found)) found++;
    if (found === want.length) return true;
  }
  return false;
}

describe("brief build --format with docx", () => {
  it("builds every example into PDF, HTML and Word, and lists each file in the manifest with its hash and size", () => {
    expectOnlyTheExamplesDateNotice(allBuild.stderr);
    expect(allBuild.code).toBe(0);
    const manifest = JSON.parse(readFileSync(join(all, "manifest.json"), "utf8")) as { briefs: { id: string; outputs: { path: string; sha256: string; bytes: number }[] }[] };
    for (const id of examples) {
      const entry = manifest.briefs.find((b) => b.id === id)!;
      expect(entry.outputs.map((o) => o.path)).toEqual([`${id}.pdf`, `${id}.html`, `${id}.docx`]);
      const docx = entry.outputs.find((o) => o.path.endsWith(".docx"))!;
      expect(docx.bytes).toBe(readFileSync(join(all, `${id}.docx`)).byteLength);
      expect(docx.sha256).toMatch(/^[0-9a-f]{64}$/);
    }
  });

  it("with --format docx writes only the Word files, and starts no browser, even with --force", () => {
    expectOnlyTheExamplesDateNotice(wordBuild.stderr);
    expect(wordBuild.code).toBe(0);
    for (const id of examples) {
      expect(existsSync(join(wordOnly, `${id}.docx`))).toBe(true);
      expect(existsSync(join(wordOnly, `${id}.pdf`))).toBe(false);
      expect(existsSync(join(wordOnly, `${id}.html`))).toBe(false);
      expect(wordBuild.stdout).toContain(`${id}.docx`);
    }
    expect(existsSync(launched)).toBe(false);
  });

  it("gives the same bytes in two builds", () => {
    expect(againBuild.code).toBe(0);
    for (const id of examples) {
      const first = readFileSync(join(all, `${id}.docx`));
      expect(readFileSync(join(wordOnly, `${id}.docx`)).equals(first)).toBe(true);
      expect(readFileSync(join(again, `${id}.docx`)).equals(first)).toBe(true);
    }
  });

  it("says in the document's properties what it is, who wrote it and when", async () => {
    const zip = await JSZip.loadAsync(readFileSync(join(all, "alliance-memo.docx")));
    const core = await zip.file("docProps/core.xml")!.async("string");
    expect(core).toContain("<dc:title>China and Russia: heading for an alliance, or a limited partnership?</dc:title>");
    expect(core).toContain("<dc:creator>Eurasia Policy Staff</dc:creator>");
    expect(core).toContain(">2016-02-15T00:00:00Z</dcterms:created>");
  });
});

describe("examples/letterhead with --format pdf,html,docx", () => {
  it("builds its Word file beside the PDF, in the memo layout its template follows", async () => {
    expect(letterheadBuild.stderr).toBe("");
    expect(letterheadBuild.code).toBe(0);
    expect(models.get(letterheadId)!.layout).toBe("memo");
    const zip = await JSZip.loadAsync(readFileSync(join(letterhead, "output", `${letterheadId}.docx`)));
    const document = await zip.file("word/document.xml")!.async("string");
    expect(document).toContain(">MEMORANDUM FOR:<");
    expect(document).toContain(">Bottom line up front<");
  });
});

/** Where each example's PDF is, as brief build wrote it. */
const pdfOf = (id: string) => (id === letterheadId ? join(letterhead, "output", `${id}.pdf`) : join(all, `${id}.pdf`));

describe.skipIf(skipWithoutLibreOffice).each([...examples, letterheadId])("%s.docx opened in LibreOffice", (id) => {
  it("reads as the PDF does: the same claims, quotes with their source and paragraph, and sources", async () => {
    const word = await readingText(join(converted, `${id}.pdf`));
    const pdf = await readingText(pdfOf(id));
    const { claims, notes, sources } = mustRead(models.get(id)!);
    expect(claims.length + notes.length + sources.length).toBeGreaterThan(3);
    for (const text of [...claims, ...notes, ...sources]) {
      const wanted = flat(text);
      expect(reads(pdf, wanted), `the PDF has: ${wanted}`).toBe(true);
      expect(reads(word, wanted), `the Word file has: ${wanted}`).toBe(true);
    }
  });

  it("prints the marking at the top and bottom of every page (none for marking: none), and Page X of Y", async () => {
    const model = models.get(id)!;
    const pages = (await tool("pdftotext", ["-layout", join(converted, `${id}.pdf`), "-"])).split("\f").filter((page) => page.trim() !== "");
    // LibreOffice sets endnotes on pages of their own, without the running header: the text pages carry it.
    const textPages = pages.filter((page) => page.includes("Page "));
    expect(textPages.length).toBeGreaterThan(0);
    textPages.forEach((page, index) => {
      const lines = page.split("\n").filter((l) => l.trim() !== "");
      if (model.marking === "") {
        expect(page).not.toContain("UNCLASSIFIED");
        expect(lines[lines.length - 1]!.trim()).toMatch(new RegExp(`^Page ${index + 1} of \\d+$`));
        return;
      }
      expect(lines[0]!.trim()).toBe(model.marking);
      expect(lines[lines.length - 1]!.trim()).toMatch(new RegExp(`^${model.marking}\\s+Page ${index + 1} of \\d+$`));
    });
  });
});

describe.skipIf(skipWithoutLibreOffice)(`${letterheadId}.docx, on the Word letterhead (templates/letterhead.docx), in LibreOffice`, () => {
  it("has the town's emblem, name and address on the first page, a short line on the others, and the document's own lines", async () => {
    const path = join(converted, `${letterheadId}.pdf`);
    const pages = (await tool("pdftotext", ["-layout", path, "-"])).split("\f").filter((page) => page.trim() !== "");
    const lines = (page: string) => page.split("\n").map((l) => l.trim()).filter((l) => l !== "");
    const first = lines(pages[0]!);
    expect(first.slice(0, 3)).toEqual(["Town of Millbrook", "Policy Unit", "Town Hall · 1 Market Square · Millbrook"]);
    expect(first.at(-2)).toBe("Town of Millbrook · Policy Unit · policy@millbrook.example");
    expect(first.at(-1)).toMatch(/^Page 1 of \d+$/);
    const second = lines(pages[1]!);
    expect(second[0]).toBe("Town of Millbrook · Policy Unit");
    expect(second[1]).toMatch(/^Should Millbrook’s library open on Sundays\?\s+10 April 2025$/);
    expect(pages[1]).not.toContain("policy@millbrook.example");
    // The emblem is drawn: the first page's one picture, at the size the letterhead gives it (64 px, about 0.67 in).
    const images = (await tool("pdfimages", ["-list", "-f", "1", "-l", "1", path])).split("\n").slice(2).filter((l) => l.trim() !== "");
    expect(images.length).toBeGreaterThanOrEqual(1);
  });
});
