import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { fileOfWriteError, writeFilesAtomic } from "../../../src/output/write-atomic.js";

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("writing a brief's files together", () => {
  it("replaces none of them when one target is a folder, and leaves no temporary file", async () => {
    dir = mkdtempSync(join(tmpdir(), "briefsmith-atomic-"));
    writeFileSync(join(dir, "memo.html"), "old html");
    writeFileSync(join(dir, "memo.docx"), "old docx");
    mkdirSync(join(dir, "memo.pdf"));
    const files = [
      { path: join(dir, "memo.docx"), data: "new docx" },
      { path: join(dir, "memo.html"), data: "new html" },
      { path: join(dir, "memo.pdf"), data: "new pdf" },
    ];
    const failure = await writeFilesAtomic(files).then(() => undefined, (error: unknown) => error);
    expect(failure).toMatchObject({ code: "EISDIR" });
    expect(fileOfWriteError(files, failure).path).toBe(join(dir, "memo.pdf"));
    expect(readFileSync(join(dir, "memo.html"), "utf8")).toBe("old html");
    expect(readFileSync(join(dir, "memo.docx"), "utf8")).toBe("old docx");
    expect(readdirSync(dir).sort()).toEqual(["memo.docx", "memo.html", "memo.pdf"]);
  });
});
