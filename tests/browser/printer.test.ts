import { describe, expect, it } from "vitest";
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
        expect(outcome, `closed after ${afterMs} ms`).toMatchObject({ code: "PRINT_CANCELLED", message: "printing stopped before this document was printed: the printer was closed, or the print or build stopped" });
      }
    }
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

  it("says where to get a browser when the one named does not exist", async () => {
    await expect(createPrinter({ browser: "/nonexistent/chrome" })).rejects.toMatchObject({ code: "BROWSER_NOT_FOUND" });
  });
});
