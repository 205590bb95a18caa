import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot, tool } from "../helpers/cli.js";
import { BriefsmithError } from "../../src/errors/briefsmith-error.js";
import { createPrinter } from "../../src/print/printer.js";

const page = (text: string) => `<!DOCTYPE html><html><head><meta charset="utf-8"><style>@page { size: A4; }</style></head><body><h1>${text}</h1><p>${"A line of text. ".repeat(1000)}</p></body></html>`;

describe("createPrinter", () => {
  it("prints the same HTML to the same bytes, however many times and tabs; a date changes only the stamp", async () => {
    const printer = await createPrinter({ jobs: 2, env: { ...process.env, SOURCE_DATE_EPOCH: "" } });
    try {
      const [a, b, c] = await Promise.all([printer.print(page("One")), printer.print(page("One")), printer.print(page("One"))]);
      expect(Buffer.from(a).subarray(0, 5).toString()).toBe("%PDF-");
      expect(Buffer.from(b).equals(Buffer.from(a))).toBe(true);
      expect(Buffer.from(c).equals(Buffer.from(a))).toBe(true);
      expect(Buffer.from(a).toString("latin1")).toContain("/CreationDate (D:19700101000000+00'00')");
      const dated = await printer.printDocument(page("One"), { date: "2016-02-15" });
      expect(Buffer.from(dated.pdf).toString("latin1")).toContain("/CreationDate (D:20160215000000+00'00')");
      expect(dated.pages).toBe(2);
      expect(printer.launches).toBe(1);
    } finally {
      await printer.close();
    }
  });

  it("refuses to print once closed", async () => {
    const printer = await createPrinter({ jobs: 1 });
    await printer.close();
    const error = await printer.print(page("Late")).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BriefsmithError);
    expect(error).toMatchObject({ code: "PRINT_CANCELLED" });
  });

  // A hostile run of the library: closed while its browser was starting, a printer failed two of eight prints with
  // BROWSER_LAUNCH_FAILED "could not start the browser …: the printer was closed", whose hint is to check the browser.
  it("cancels every print it is closed under, the browser still starting", async () => {
    for (const afterMs of [5, 20, 50]) {
      const printer = await createPrinter({ jobs: 2 });
      const prints = Array.from({ length: 8 }, (_, i) => printer.print(page(`Doc ${i}`)).then(() => "printed", (e: unknown) => e));
      await new Promise((resolve) => setTimeout(resolve, afterMs));
      await printer.close();
      for (const outcome of await Promise.all(prints)) {
        if (outcome === "printed") continue;
        expect(outcome, `closed after ${afterMs} ms`).toMatchObject({ code: "PRINT_CANCELLED", message: "printing stopped before this document was printed: the printer was closed" });
      }
    }
  }, 60_000);

  // A library user's test: a print cancelled by its signal failed with no cause and the same words as a close, so
  // "the user navigated away" and a timeout of the caller's own could not be told apart; and a warm-up cut short by
  // close() was BROWSER_LAUNCH_FAILED, whose hint is to check the browser.
  it("says why a print was cancelled, with the signal's reason as the cause, and a warm-up cut short by close() as cancelled", async () => {
    const printer = await createPrinter({ jobs: 1 });
    try {
      const reason = new Error("the user navigated away");
      const controller = new AbortController();
      const navigated = printer.print(page("Gone"), { signal: controller.signal }).catch((e: unknown) => e);
      controller.abort(reason);
      expect(await navigated).toMatchObject({ code: "PRINT_CANCELLED", message: "printing stopped before this document was printed: it was cancelled (the user navigated away)", cause: reason });
      // A signal that has fired by the time the print is asked for: cancelled at once, whatever the machine's speed.
      const expired = AbortSignal.timeout(1);
      await new Promise((resolve) => setTimeout(resolve, 20));
      const timedOut = await printer.print(page("Slow"), { signal: expired }).catch((e: unknown) => e);
      expect(timedOut).toBeInstanceOf(BriefsmithError);
      expect((timedOut as BriefsmithError).code).toBe("PRINT_CANCELLED");
      expect((timedOut as BriefsmithError).message).toMatch(/it was cancelled \(.*timeout.*\)$/);
      expect(((timedOut as BriefsmithError).cause as Error).name).toBe("TimeoutError");
    } finally {
      await printer.close();
    }
    // Closed at once, before the browser can have started.
    const cold = await createPrinter({ jobs: 1, warm: false });
    const warming = cold.warmUp().then(() => "started", (e: unknown) => e);
    await cold.close();
    expect(await warming).toMatchObject({ code: "PRINT_CANCELLED", message: "the printer was closed before its browser had started" });
  }, 60_000);

  // A hostile run of the library: createPrinter({ browser: "/bin/true" }) resolved in a few milliseconds, as if a
  // browser had started, and only the first print said it had not.
  it("fails at once when the program named starts no browser, unless told not to start it yet", async () => {
    await expect(createPrinter({ browser: "/bin/true" })).rejects.toMatchObject({ code: "BROWSER_LAUNCH_FAILED" });
    const later = await createPrinter({ browser: "/bin/true", warm: false });
    try {
      await expect(later.print(page("Never"))).rejects.toMatchObject({ code: "BROWSER_LAUNCH_FAILED" });
    } finally {
      await later.close();
    }
  }, 30_000);

  // A hostile run: a template's logo at a path that is nowhere (src="assets/crest.svg", warned of as missing from
  // the PDF) printed as a broken-image icon with its alt text in the masthead.
  it("prints nothing for an image that is not in the document: no broken-image icon, no alt text", async () => {
    const base = readFileSync(join(repoRoot, "templates", "styles", "base.css"), "utf8");
    const html = `<!DOCTYPE html><html><head><meta charset="utf-8"><style>${base}</style></head><body><p>Masthead</p><img src="assets/crest.svg" alt="Policy Office crest"><img src="data:image/svg+xml;base64,${Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>').toString("base64")}" alt="Embedded seal"></body></html>`;
    const printer = await createPrinter({ jobs: 1 });
    try {
      const folder = mkdtempSync(join(tmpdir(), "briefsmith-img-"));
      writeFileSync(join(folder, "img.pdf"), await printer.print(html));
      const text = await tool("pdftotext", [join(folder, "img.pdf"), "-"]);
      rmSync(folder, { recursive: true, force: true });
      expect(text).toContain("Masthead");
      expect(text).not.toContain("Policy Office crest");
    } finally {
      await printer.close();
    }
  }, 30_000);

  // A hostile CI run: a build stopped while its browser started left Puppeteer's profile folder in the temporary folder.
  it("leaves no profile folder behind, closed as its browser starts or after it printed", async () => {
    const before = process.env.TMPDIR;
    const folder = mkdtempSync(join(tmpdir(), "briefsmith-tmp-"));
    process.env.TMPDIR = folder;
    try {
      for (const afterMs of [0, 50, 150, 300]) {
        const printer = await createPrinter({ jobs: 1, warm: false });
        void printer.warmUp().catch(() => undefined);
        await new Promise((resolve) => setTimeout(resolve, afterMs));
        await printer.close();
      }
      const used = await createPrinter({ jobs: 1 });
      await used.print(page("Once"));
      await used.close();
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(readdirSync(folder)).toEqual([]);
    } finally {
      if (before === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = before;
      rmSync(folder, { recursive: true, force: true });
    }
  }, 60_000);

  it("says where to get a browser when the one named does not exist", async () => {
    await expect(createPrinter({ browser: "/nonexistent/chrome" })).rejects.toMatchObject({ code: "BROWSER_NOT_FOUND" });
  });
});
