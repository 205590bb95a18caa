import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import JSZip from "jszip";
import { afterEach, describe, expect, it, vi } from "vitest";
import { buildBriefs } from "../../../src/build/build-briefs.js";
import type { BriefResult, BuildOptions } from "../../../src/build/types.js";
import { BriefsmithError } from "../../../src/errors/briefsmith-error.js";
import { unchangedSinceWritten } from "../../../src/docx/reproducible.js";
import { sha256 } from "../../../src/text/sha256.js";
import { readManifest } from "../../../src/output/manifest.js";
import { runCli } from "../../helpers/cli.js";
import { FakePrinter } from "../../helpers/fake-printer.js";
import { TempProject } from "../../helpers/project.js";

/**
 * Word output in the build: formats: in a brief and --format for a run, the
 * manifest and the incremental cache covering the .docx as they cover the
 * PDF, and no browser for a build that writes no PDF. With a fake printer
 * (or none: a unit test that starts a browser fails at once).
 */
let project: TempProject | undefined;
afterEach(() => project?.dispose());

/** Every printer the build starts, counted (a unit test's printer cannot launch a browser, so a start would fail quietly). */
const printers = vi.hoisted(() => ({ started: 0 }));
vi.mock("../../../src/print/printer.js", async (importOriginal) => {
  const original = await importOriginal<typeof import("../../../src/print/printer.js")>();
  return {
    ...original,
    createPrinter: (...args: Parameters<typeof original.createPrinter>) => {
      printers.started++;
      return original.createPrinter(...args);
    },
    createStartingPrinter: (...args: Parameters<typeof original.createStartingPrinter>) => {
      printers.started++;
      return original.createStartingPrinter(...args);
    },
  };
});

function build(p: TempProject, options: Partial<BuildOptions> = {}) {
  return buildBriefs({ root: p.dir, cwd: p.dir, date: "2026-01-15", env: process.env, ...options });
}

const statuses = (results: readonly BriefResult[]) => Object.fromEntries(results.map((r) => [r.id, r.status]));

/** A Word file changed as a script changes one: a paragraph added to its text, every other part as it was. */
async function editedByScript(docx: Buffer, words: string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(docx);
  const documentXml = await zip.file("word/document.xml")!.async("string");
  zip.file("word/document.xml", documentXml.replace("</w:body>", `<w:p><w:r><w:t>${words}</w:t></w:r></w:p></w:body>`));
  return Buffer.from(await zip.generateAsync({ type: "uint8array" }));
}

async function outputsOf(p: TempProject, id: string) {
  return (await readManifest(p.path("output/manifest.json"))).briefs.find((b) => b.id === id)!.outputs;
}

describe("Word output in brief build", () => {
  it("builds what a brief's formats: list, and records the .docx in the manifest with its hash and size", async () => {
    project = new TempProject();
    project.replace("briefs/tram-memo.yaml", "date: 2024-04-02", "date: 2024-04-02\nformats: [pdf, html, docx]");
    const printer = new FakePrinter();
    const result = await build(project, { printer });
    expect(statuses(result.results)).toEqual({ "tram-handout": "built", "tram-memo": "built", "tram-one-pager": "built" });
    const outputs = await outputsOf(project, "tram-memo");
    expect(outputs.map((o) => o.path)).toEqual(["tram-memo.pdf", "tram-memo.html", "tram-memo.docx"]);
    const docx = readFileSync(project.path("output/tram-memo.docx"));
    expect(outputs[2]).toMatchObject({ sha256: sha256(docx), bytes: docx.byteLength });
    expect(existsSync(project.path("output/tram-handout.docx"))).toBe(false);
    expect(result.results.find((r) => r.id === "tram-memo")!.docxPath).toBe("output/tram-memo.docx");
  });

  it("a Word-only build starts no browser: --format docx, or a brief whose formats leave out pdf", async () => {
    project = new TempProject();
    // No printer given: the build would start its own when it must print (or warm one up, with --force).
    printers.started = 0;
    const result = await build(project, { formats: ["docx"], force: true });
    expect(printers.started).toBe(0);
    expect(new Set(result.results.map((r) => r.status))).toEqual(new Set(["built"]));
    expect(result.browserLaunches).toBe(0);
    for (const id of ["tram-memo", "tram-handout", "tram-one-pager"]) {
      expect(existsSync(project.path(`output/${id}.docx`))).toBe(true);
      expect(existsSync(project.path(`output/${id}.pdf`))).toBe(false);
    }
    const other = new TempProject();
    try {
      for (const id of ["tram-memo", "tram-handout", "tram-one-pager"]) other.replace(`briefs/${id}.yaml`, "title:", "formats: [docx, html]\ntitle:");
      const own = await build(other);
      expect(new Set(own.results.map((r) => r.status))).toEqual(new Set(["built"]));
      expect(printers.started).toBe(0);
      // The check can fail: a brief that prints a PDF starts one.
      other.replace("briefs/tram-memo.yaml", "formats: [docx, html]", "formats: [docx, pdf]");
      await build(other);
      expect(printers.started).toBe(1);
      // Without a PDF there are no pages: the HTML is the document as rendered.
      expect(other.read("output/tram-handout.html")).toContain("<body class=\"handout\">");
    } finally {
      other.dispose();
    }
  });

  it("an unchanged brief keeps its .docx; one that newly asks for docx gets it, without printing again", async () => {
    project = new TempProject();
    await build(project, { printer: new FakePrinter() });
    const pdf = readFileSync(project.path("output/tram-memo.pdf"));
    // Asking for Word: the document is the same, so the PDF and HTML are kept and only the .docx is written.
    project.replace("briefs/tram-memo.yaml", "date: 2024-04-02", "date: 2024-04-02\nformats: [pdf, html, docx]");
    const printer = new FakePrinter();
    const second = await build(project, { printer });
    expect(statuses(second.results)).toEqual({ "tram-handout": "unchanged", "tram-memo": "built", "tram-one-pager": "unchanged" });
    expect(printer.printed).toEqual([]);
    expect(readFileSync(project.path("output/tram-memo.pdf")).equals(pdf)).toBe(true);
    const docxTime = statSync(project.path("output/tram-memo.docx")).mtimeMs;
    // Nothing changed: nothing is written.
    const third = await build(project, { printer: new FakePrinter() });
    expect(new Set(third.results.map((r) => r.status))).toEqual(new Set(["unchanged"]));
    expect(statSync(project.path("output/tram-memo.docx")).mtimeMs).toBe(docxTime);
    // The .docx deleted: written again, and only it, with the same bytes as before (so: re-rendered, same result).
    const docx = readFileSync(project.path("output/tram-memo.docx"));
    rmSync(project.path("output/tram-memo.docx"));
    const fourth = await build(project, { printer: printer });
    expect(statuses(fourth.results)["tram-memo"]).toBe("rerendered");
    expect(readFileSync(project.path("output/tram-memo.docx")).equals(docx)).toBe(true);
    expect(printer.printed).toEqual([]);
    expect(existsSync(project.path("output/tram-memo.docx"))).toBe(true);
    // A CI engineer's test: an edit that changes the inputs but not the document (a comment in the corpus) left
    // the PDF alone but wrote the same Word file again; on a nearly full disk that failed the brief.
    const rewritten = statSync(project.path("output/tram-memo.docx")).mtimeMs;
    await new Promise((resolve) => setTimeout(resolve, 20));
    project.write("sources/transit/corpus.yaml", `${project.read("sources/transit/corpus.yaml")}# a comment\n`);
    const fifth = await build(project, { printer });
    expect(statuses(fifth.results)["tram-memo"]).toBe("rerendered");
    expect(statSync(project.path("output/tram-memo.docx")).mtimeMs).toBe(rewritten);
    expect((await outputsOf(project, "tram-memo")).map((o) => o.path)).toEqual(["tram-memo.pdf", "tram-memo.html", "tram-memo.docx"]);
  });

  it("--format replaces the briefs' formats for a run, and a later build still knows the files the run did not write", async () => {
    project = new TempProject();
    await build(project, { printer: new FakePrinter() });
    const printer = new FakePrinter();
    const wordRun = await build(project, { printer, formats: ["docx"] });
    expect(new Set(wordRun.results.map((r) => r.status))).toEqual(new Set(["built"]));
    expect(printer.printed).toEqual([]);
    // The PDF and HTML of the same inputs stay listed beside the new .docx.
    expect((await outputsOf(project, "tram-memo")).map((o) => o.path)).toEqual(["tram-memo.pdf", "tram-memo.html", "tram-memo.docx"]);
    const back = await build(project, { printer });
    expect(new Set(back.results.map((r) => r.status))).toEqual(new Set(["unchanged"]));
    const all = await build(project, { printer, formats: ["pdf", "html", "docx"] });
    expect(new Set(all.results.map((r) => r.status))).toEqual(new Set(["unchanged"]));
    expect(printer.printed).toEqual([]);
  });

  it("a changed claim rebuilds the .docx with the PDF; the Word file of the same inputs is byte for byte the last one", async () => {
    project = new TempProject();
    const first = await build(project, { printer: new FakePrinter(), formats: ["docx"] });
    expect(first.results.every((r) => r.status === "built")).toBe(true);
    const before = readFileSync(project.path("output/tram-memo.docx"));
    await build(project, { printer: new FakePrinter(), formats: ["docx"], force: true });
    expect(readFileSync(project.path("output/tram-memo.docx")).equals(before)).toBe(true);
    project.replace("sources/transit/corpus.yaml", "text: Shopkeepers fear that a long street closure would ruin them.", "text: Shopkeepers fear that a long closure of the street would ruin them.");
    const changed = await build(project, { printer: new FakePrinter(), formats: ["docx"] });
    expect(statuses(changed.results)["tram-memo"]).toBe("built");
    expect(readFileSync(project.path("output/tram-memo.docx")).equals(before)).toBe(false);
  });
});

describe("brief build --format", () => {
  // Regression: the Word file of last week's text stayed beside today's PDF, unlisted, for a staffer to send by mistake.
  it("removes the file of a format a changed brief no longer has; one edited since is left, with a warning", async () => {
    project = new TempProject();
    project.replace("briefs/tram-memo.yaml", "date: 2024-04-02", "date: 2024-04-02\nformats: [pdf, html, docx]");
    await build(project, { printer: new FakePrinter() });
    expect(existsSync(project.path("output/tram-memo.docx"))).toBe(true);
    project.replace("briefs/tram-memo.yaml", "formats: [pdf, html, docx]", "formats: [pdf, html]\nsummary: A new summary.");
    const dropped = await build(project, { printer: new FakePrinter() });
    const memo = dropped.results.find((r) => r.id === "tram-memo")!;
    expect(memo.status).toBe("built");
    expect(existsSync(project.path("output/tram-memo.docx"))).toBe(false);
    expect(memo.warnings).toContain("removed output/tram-memo.docx, from an earlier version of this brief: this build writes no docx for it, and a build that does writes it anew");
    expect((await outputsOf(project, "tram-memo")).map((o) => o.path)).toEqual(["tram-memo.pdf", "tram-memo.html"]);

    // Edited by hand after it was written: left where it is, and the staffer told.
    project.replace("briefs/tram-memo.yaml", "formats: [pdf, html]", "formats: [pdf, html, docx]");
    await build(project, { printer: new FakePrinter() });
    project.write("output/tram-memo.docx", "edited in Word");
    project.replace("briefs/tram-memo.yaml", "formats: [pdf, html, docx]\nsummary: A new summary.", "formats: [pdf, html]\nsummary: Another summary.");
    const edited = (await build(project, { printer: new FakePrinter() })).results.find((r) => r.id === "tram-memo")!;
    expect(project.read("output/tram-memo.docx")).toBe("edited in Word");
    expect(edited.warnings).toContain(
      "output/tram-memo.docx is from an earlier version of this brief and was changed since it was written: it is left as it is, but it no longer matches the brief",
    );
    // An unchanged brief keeps what is still its own: --format docx does not remove yesterday's PDF of the same brief,
    // nor does --force --format docx (regression: it removed the PDF and HTML as "from an earlier version").
    for (const force of [false, true]) {
      const wordOnly = (await build(project, { printer: new FakePrinter(), formats: ["docx"], force })).results.find((r) => r.id === "tram-memo")!;
      expect(existsSync(project.path("output/tram-memo.pdf"))).toBe(true);
      expect(existsSync(project.path("output/tram-memo.html"))).toBe(true);
      expect(wordOnly.warnings.filter((w) => w.startsWith("removed"))).toEqual([]);
      // The Word file edited by hand is still hers: not written over, so not listed.
      expect(project.read("output/tram-memo.docx")).toBe("edited in Word");
      expect((await outputsOf(project, "tram-memo")).map((o) => o.path)).toEqual(["tram-memo.pdf", "tram-memo.html"]);
    }
  });

  // Regression: a Word file edited for clearance was written over by the next build that asked for Word, --force
  // or not, and whether the manifest still listed it or not.
  it("never writes over a Word file saved again by Word or changed otherwise, and says so", async () => {
    project = new TempProject();
    project.replace("briefs/tram-memo.yaml", "date: 2024-04-02", "date: 2024-04-02\nformats: [pdf, html, docx]");
    await build(project, { printer: new FakePrinter() });
    const ours = readFileSync(project.path("output/tram-memo.docx"));
    // Saved again by Word: the package names Word as the program that saved it.
    const zip = await JSZip.loadAsync(ours);
    zip.file("docProps/app.xml", '<?xml version="1.0"?><Properties><Application>Microsoft Office Word</Application></Properties>');
    const saved = await zip.generateAsync({ type: "uint8array" });
    writeFileSync(project.path("output/tram-memo.docx"), saved);
    const message = "output/tram-memo.docx was edited since it was written, so it is left as it is and no new Word file is written; to get one, move the edited file out of the output folder";
    for (const force of [false, true]) {
      project.write("briefs/tram-memo.yaml", `${project.read("briefs/tram-memo.yaml").replace(/^summary: .*\n/m, "")}summary: Summary ${String(force)}.\n`);
      const memo = (await build(project, { printer: new FakePrinter(), force })).results.find((r) => r.id === "tram-memo")!;
      expect(memo.status).toBe("built");
      expect(memo.warnings).toContain(message);
      expect(readFileSync(project.path("output/tram-memo.docx")).equals(Buffer.from(saved))).toBe(true);
      // Still listed as Briefsmith wrote it, so that no later build takes it for its own.
      const listed = await outputsOf(project, "tram-memo");
      expect(listed.map((o) => o.path)).toEqual(["tram-memo.pdf", "tram-memo.html", "tram-memo.docx"]);
      expect(listed[2]!.sha256).toBe(sha256(ours));
    }
    // Its brief stops asking for Word, then asks again: unlisted by then, the file is still hers.
    project.replace("briefs/tram-memo.yaml", "formats: [pdf, html, docx]", "formats: [pdf, html]");
    await build(project, { printer: new FakePrinter() });
    const wordOnly = (await build(project, { printer: new FakePrinter(), formats: ["docx"] })).results.find((r) => r.id === "tram-memo")!;
    expect(wordOnly.warnings).toContain(message);
    expect(readFileSync(project.path("output/tram-memo.docx")).equals(Buffer.from(saved))).toBe(true);
    // Moved out of the way, a new one is written, as Briefsmith saves it.
    project.remove("output/tram-memo.docx");
    await build(project, { printer: new FakePrinter(), formats: ["docx"] });
    const fresh = readFileSync(project.path("output/tram-memo.docx"));
    expect(await unchangedSinceWritten(fresh)).toBe(true);
  });

  // A hostile CI run: the build that found the edit kept the file but stopped listing it, and the next nightly build,
  // with nothing changed, took the unlisted file for Briefsmith's own (it names no other program) and wrote over it.
  it("keeps an edited Word file on every later build, not only the first", async () => {
    project = new TempProject();
    project.replace("briefs/tram-memo.yaml", "date: 2024-04-02", "date: 2024-04-02\nformats: [pdf, html, docx]");
    await build(project, { printer: new FakePrinter() });
    // Edited without Word: the text changed, the properties left as Briefsmith wrote them.
    const edited = await editedByScript(readFileSync(project.path("output/tram-memo.docx")), "APPROVED BY EDITOR");
    writeFileSync(project.path("output/tram-memo.docx"), edited);
    for (let night = 0; night < 3; night++) {
      const memo = (await build(project, { printer: new FakePrinter() })).results.find((r) => r.id === "tram-memo")!;
      expect(memo.warnings.some((w) => w.includes("was edited since it was written"))).toBe(true);
      expect(readFileSync(project.path("output/tram-memo.docx")).equals(edited)).toBe(true);
    }
  });

  // Review: listed with the hash Briefsmith wrote, an edited Word file passed for a current one once those bytes came
  // back (her edits thrown away, a backup restored), under the new inputs: the old title stood as "unchanged".
  it("never takes an edited Word file for a current one, even when the bytes Briefsmith wrote come back", async () => {
    project = new TempProject();
    project.replace("briefs/tram-memo.yaml", "date: 2024-04-02", "date: 2024-04-02\nformats: [pdf, html, docx]");
    await build(project, { printer: new FakePrinter() });
    const original = readFileSync(project.path("output/tram-memo.docx"));
    writeFileSync(project.path("output/tram-memo.docx"), Buffer.concat([original, Buffer.from("edited\n")]));
    project.replace("briefs/tram-memo.yaml", "title: Should Riverside extend the tram?", "title: Should Riverside extend the tram line?");
    expect((await build(project, { printer: new FakePrinter() })).results.find((r) => r.id === "tram-memo")!.warnings.some((w) => w.includes("was edited"))).toBe(true);
    writeFileSync(project.path("output/tram-memo.docx"), original);
    const memo = (await build(project, { printer: new FakePrinter() })).results.find((r) => r.id === "tram-memo")!;
    expect(memo.status).not.toBe("unchanged");
    expect(memo.docxPath).toBeUndefined();
    expect(memo.warnings.some((w) => w.includes("was edited since it was written"))).toBe(true);
    expect(readFileSync(project.path("output/tram-memo.docx")).equals(original)).toBe(true);
  });

  // A reader's test: File › Properties named Briefsmith as the program, a tool credit no brief had asked for.
  it("names no program in the Word file's properties", async () => {
    project = new TempProject();
    project.replace("briefs/tram-memo.yaml", "date: 2024-04-02", "date: 2024-04-02\nformats: [pdf, html, docx]");
    await build(project, { printer: new FakePrinter() });
    const app = await (await JSZip.loadAsync(readFileSync(project.path("output/tram-memo.docx")))).file("docProps/app.xml")!.async("string");
    expect(app).not.toMatch(/Briefsmith|<Application>/);
  });

  // A hostile CI run: a Word file changed by a script (its properties left as Briefsmith wrote them) was written over
  // once no manifest entry listed it: its brief withdrawn one night and back the next, or the manifest lost. Unlisted,
  // a Word file is now Briefsmith's only while its parts are as its seal says; one of a Briefsmith from before the seal
  // (it was written again, once, by the review before) is kept too, since nothing tells it from a script's.
  it("writes again an unlisted Word file only while it is as Briefsmith sealed it, and keeps a listed one changed in any way", async () => {
    project = new TempProject();
    project.replace("briefs/tram-memo.yaml", "date: 2024-04-02", "date: 2024-04-02\nformats: [pdf, html, docx]");
    await build(project, { printer: new FakePrinter() });
    const path = project.path("output/tram-memo.docx");
    const edited = "output/tram-memo.docx was edited since it was written";
    const warned = (result: { warnings: readonly string[] }) => result.warnings.some((w) => w.includes(edited));
    const memoOf = async (options: { withdrawFirst?: boolean } = {}) => {
      if (options.withdrawFirst) {
        const text = project!.read("briefs/tram-memo.yaml");
        project!.remove("briefs/tram-memo.yaml");
        await build(project!, { printer: new FakePrinter() });
        project!.write("briefs/tram-memo.yaml", text);
      }
      return (await build(project!, { printer: new FakePrinter() })).results.find((r) => r.id === "tram-memo")!;
    };
    // New inputs each time: the brief's date.
    const redate = (day: number) => project!.write("briefs/tram-memo.yaml", project!.read("briefs/tram-memo.yaml").replace(/date: 2024-04-0\d/, `date: 2024-04-0${day}`));
    // Unchanged, unlisted (the manifest lost), under new inputs: written again, sealed.
    rmSync(project.path("output/manifest.json"));
    redate(3);
    expect(warned(await memoOf())).toBe(false);
    expect(await unchangedSinceWritten(readFileSync(path))).toBe(true);
    // Changed by a script, its properties as Briefsmith wrote them, then unlisted: kept, whichever way it lost its entry.
    for (const withdrawFirst of [true, false]) {
      const changed = await editedByScript(readFileSync(path), `EDITED ${String(withdrawFirst)}`);
      writeFileSync(path, changed);
      if (!withdrawFirst) rmSync(project.path("output/manifest.json"));
      redate(withdrawFirst ? 4 : 5);
      expect(warned(await memoOf({ withdrawFirst }))).toBe(true);
      expect(readFileSync(path).equals(changed)).toBe(true);
      rmSync(path);
      await memoOf();
    }
    // One of a Briefsmith from before the seal, unlisted: kept, with the way to a new one.
    const zip = await JSZip.loadAsync(readFileSync(path));
    // JSZip writes again the comment it read: taken off, the same parts with no seal.
    (zip as { comment?: string }).comment = undefined;
    const unsealed = Buffer.from(await zip.generateAsync({ type: "uint8array" }));
    expect(await unchangedSinceWritten(unsealed)).toBe(false);
    writeFileSync(path, unsealed);
    rmSync(project.path("output/manifest.json"));
    redate(6);
    expect(warned(await memoOf())).toBe(true);
    expect(readFileSync(path).equals(unsealed)).toBe(true);
    // Listed, with a line added at its end: hers.
    rmSync(path);
    await memoOf();
    writeFileSync(path, Buffer.concat([readFileSync(path), Buffer.from("edited\n")]));
    redate(7);
    expect(warned(await memoOf())).toBe(true);
    expect(readFileSync(path).subarray(-7).toString()).toBe("edited\n");
  });

  // Review: a Word-only brief whose edited Word file was left showed "→ tram-memo.pdf", a file that is not there.
  it("names no file on a Word-only brief's line when its edited Word file was left alone", async () => {
    project = new TempProject();
    project.replace("briefs/tram-memo.yaml", "date: 2024-04-02", "date: 2024-04-02\nformats: [docx]");
    await build(project, { printer: new FakePrinter() });
    writeFileSync(project.path("output/tram-memo.docx"), "edited in Word");
    project.replace("briefs/tram-memo.yaml", "date: 2024-04-02", "date: 2024-04-03");
    const run = await runCli(["build", "briefs/tram-memo.yaml"], { cwd: project.dir });
    const line = run.stdout.split("\n").find((l) => l.startsWith("✓ tram-memo"));
    expect(line).toBeDefined();
    expect(line).not.toContain("→");
    expect(run.stdout).toContain("output/tram-memo.docx was edited since it was written");
  });

  // Regression: a failed build recorded the new inputs' key beside the last build's files, so a later build took
  // last week's Word file for one of today's inputs, kept it and listed it.
  it("after a failed build, a Word file of the last inputs is not taken for one of the new inputs", async () => {
    project = new TempProject();
    project.replace("briefs/tram-memo.yaml", "date: 2024-04-02", "date: 2024-04-02\nformats: [pdf, html, docx]");
    await build(project, { printer: new FakePrinter() });
    const lastWeek = readFileSync(project.path("output/tram-memo.docx"));
    project.replace("briefs/tram-memo.yaml", "to: The Mayor", "to: The Deputy Mayor");
    const failing = new FakePrinter();
    failing.failOn("Should Riverside extend the tram?", new BriefsmithError("PRINT_TIMEOUT", "printing took longer than 60 s"));
    expect(statuses((await build(project, { printer: failing })).results)["tram-memo"]).toBe("failed");
    await build(project, { printer: new FakePrinter(), force: true, formats: ["pdf"] });
    const listed = (await outputsOf(project, "tram-memo")).map((o) => o.path);
    expect(listed).not.toContain("tram-memo.docx");
    const again = await build(project, { printer: new FakePrinter() });
    expect(statuses(again.results)["tram-memo"]).toBe("built");
    expect(readFileSync(project.path("output/tram-memo.docx")).equals(lastWeek)).toBe(false);
  });

  // Regression (review): a PDF of the same brief edited by hand was dropped from the manifest without a word.
  it("says so when a current file it does not write was changed by hand, and stops listing it", async () => {
    project = new TempProject();
    await build(project, { printer: new FakePrinter() });
    project.write("output/tram-memo.pdf", "annotated by hand");
    const memo = (await build(project, { printer: new FakePrinter(), formats: ["docx"] })).results.find((r) => r.id === "tram-memo")!;
    expect(memo.warnings).toContain("output/tram-memo.pdf was changed since it was written, so it is no longer listed; building the pdf again replaces it");
    expect(project.read("output/tram-memo.pdf")).toBe("annotated by hand");
    expect((await outputsOf(project, "tram-memo")).map((o) => o.path)).toEqual(["tram-memo.html", "tram-memo.docx"]);
  });

  // Regression: --force --format html wrote an HTML without the table of contents beside a kept PDF that has one,
  // and the next build called the pair unchanged.
  it("does not keep a long handout's PDF beside an HTML written anew without it", async () => {
    project = new TempProject();
    const eightPages = () => new FakePrinter("fake printer 1", { pages: () => 8 });
    await build(project, { printer: eightPages() });
    expect(project.read("output/tram-handout.html")).toContain("Contents");
    await build(project, { printer: eightPages(), force: true, formats: ["html"] });
    expect((await outputsOf(project, "tram-handout")).map((o) => o.path)).toEqual(["tram-handout.html"]);
    const next = await build(project, { printer: eightPages() });
    expect(statuses(next.results)["tram-handout"]).toBe("built");
  });

  it("refuses a format it does not know, naming those it does", async () => {
    const run = await runCli(["build", "--format", "pdf,odt"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--format takes a list of pdf, html, docx separated by commas, not "odt"');
  });
});
