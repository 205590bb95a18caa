import { execFileSync } from "node:child_process";
import { linkSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { BriefsmithError } from "../../../src/errors/briefsmith-error.js";
import { firstInvalidUtf8, isInside, readBinaryFile, readTextFile } from "../../../src/load/read-file.js";

const dir = mkdtempSync(join(tmpdir(), "briefsmith-read-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, data: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, data);
  return path;
}

async function failure(path: string, maxBytes = 1024 * 1024): Promise<BriefsmithError> {
  try {
    await readTextFile(path, maxBytes, "shown.yaml");
  } catch (error) {
    expect(error).toBeInstanceOf(BriefsmithError);
    return error as BriefsmithError;
  }
  throw new Error(`reading ${path} did not fail`);
}

describe("readTextFile: every way a file can be wrong is a user error naming it", () => {
  it("reads UTF-8, and keeps a byte-order mark for the YAML loader to report", async () => {
    expect(await readTextFile(file("ok.yaml", "a: é\n"), 100)).toBe("a: é\n");
    expect(await readTextFile(file("bom.yaml", "\ufeffa: 1\n"), 100)).toBe("\ufeffa: 1\n");
  });

  it("a missing file", async () => {
    expect(await failure(join(dir, "missing.yaml"))).toMatchObject({ code: "FILE_NOT_FOUND", message: "shown.yaml does not exist" });
  });

  it("a folder where a file is expected", async () => {
    mkdirSync(join(dir, "folder.yaml"));
    expect(await failure(join(dir, "folder.yaml"))).toMatchObject({ code: "FILE_IS_DIRECTORY" });
  });

  it("a named pipe is refused at once instead of blocking the read forever", async () => {
    const pipe = join(dir, "pipe.yaml");
    execFileSync("mkfifo", [pipe]);
    expect(await failure(pipe)).toMatchObject({ code: "FILE_NOT_REGULAR" });
  });

  it("a link to a device such as /dev/zero is refused instead of read without end", async () => {
    const link = join(dir, "zero.yaml");
    symlinkSync("/dev/zero", link);
    expect(await failure(link)).toMatchObject({ code: "FILE_NOT_REGULAR" });
  });

  it("a loop of symbolic links", async () => {
    symlinkSync(join(dir, "loop-b.yaml"), join(dir, "loop-a.yaml"));
    symlinkSync(join(dir, "loop-a.yaml"), join(dir, "loop-b.yaml"));
    expect(await failure(join(dir, "loop-a.yaml"))).toMatchObject({ code: "FILE_NOT_READABLE" });
  });

  it("a file over the size limit", async () => {
    const error = await failure(file("big.yaml", "x".repeat(2049)), 2048);
    expect(error).toMatchObject({ code: "FILE_TOO_LARGE", message: "shown.yaml is 2.0 KiB, over the limit of 2.0 KiB" });
  });

  // Regression: a logo over the limit was told to "split the content into several files".
  it("an image over the size limit is told to be made smaller", async () => {
    const error = await readBinaryFile(file("logo.png", "x".repeat(2049)), 2048, "templates/assets/logo.png").catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "FILE_TOO_LARGE", hint: "make the image smaller than 2.0 KiB: a lower resolution, or saved compressed" });
  });

  it("bytes that are not UTF-8, located by line and column", async () => {
    const latin1 = Buffer.concat([Buffer.from("title: ok\nto: Stra"), Buffer.from([0xdf]), Buffer.from("e\n")]);
    const error = await failure(file("latin1.yaml", latin1));
    expect(error.code).toBe("FILE_NOT_UTF8");
    expect(error.message).toBe("shown.yaml is not valid UTF-8: line 2, column 9 (byte offset 18) has the byte 0xDF, which is not valid UTF-8 there");
  });

  it("a bad byte at the end of a 4 MiB file is found in linear time (it took hours: quadratic)", async () => {
    const big = Buffer.concat([Buffer.alloc(4 * 1024 * 1024 - 1, 0x61), Buffer.from([0xff])]);
    const started = performance.now();
    const error = await failure(file("big-latin1.yaml", big), 8 * 1024 * 1024);
    expect(error.message).toContain(`byte offset ${big.length - 1}`);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe("firstInvalidUtf8", () => {
  it("finds what TextDecoder rejects: overlong forms, surrogates, code points past U+10FFFF, truncated sequences", () => {
    const cases: [number[], number][] = [
      [[0x61, 0xc0, 0xaf], 1], // overlong "/"
      [[0xe0, 0x80, 0xaf], 0], // overlong
      [[0x61, 0xed, 0xa0, 0x80], 1], // a surrogate
      [[0xf4, 0x90, 0x80, 0x80], 0], // past U+10FFFF
      [[0x61, 0x62, 0xe2, 0x82], 2], // truncated at the end
      [[0xe2, 0x82, 0x61], 0], // truncated in the middle
      [[0x80], 0], // a lone continuation byte
      [[0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x98, 0x80], 7], // well-formed: € and 😀
    ];
    for (const [bytes, offset] of cases) expect(firstInvalidUtf8(Uint8Array.from(bytes)), JSON.stringify(bytes)).toBe(offset);
  });

  it("agrees with TextDecoder on random bytes", () => {
    const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
    const valid = (bytes: Uint8Array) => {
      try {
        decoder.decode(bytes);
        return true;
      } catch {
        return false;
      }
    };
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 24 }), (bytes) => {
        const offset = firstInvalidUtf8(bytes);
        expect(offset === bytes.length).toBe(valid(bytes));
        // Everything before the reported byte decodes; the reported byte starts a sequence that does not.
        if (offset < bytes.length) expect(valid(bytes.subarray(0, offset))).toBe(true);
      }),
      { numRuns: 2000, seed: 20260115 },
    );
  });
});

describe("readTextFile with `within`: links out of a folder are refused", () => {
  it("reads a file inside the folder, also through a link that stays inside", async () => {
    mkdirSync(join(dir, "corpus/texts"), { recursive: true });
    writeFileSync(join(dir, "corpus/texts/a.txt"), "inside");
    symlinkSync(join(dir, "corpus/texts/a.txt"), join(dir, "corpus/texts/b.txt"));
    expect(await readTextFile(join(dir, "corpus/texts/b.txt"), 100, "b.txt", { within: join(dir, "corpus") })).toBe("inside");
  });

  it("refuses a link to a file elsewhere on the disk, without reading it", async () => {
    writeFileSync(join(dir, "secret.txt"), "root:x:0:0 SECRET words");
    symlinkSync(join(dir, "secret.txt"), join(dir, "corpus/texts/leak.txt"));
    const error = await readTextFile(join(dir, "corpus/texts/leak.txt"), 100, "leak.txt", { within: join(dir, "corpus") }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "FILE_OUTSIDE_FOLDER" });
    expect((error as Error).message).not.toContain("SECRET");
  });

  // A hostile CI run: a brief that was a hard link to ~/.git-credentials was read, and its token printed in the error.
  // A hard link has no one real location to check: a file with more than one name is not read through `within`.
  it("refuses a hard link, which may be a file from elsewhere on the disk, without reading it", async () => {
    mkdirSync(join(dir, "corpus/texts"), { recursive: true });
    writeFileSync(join(dir, "credentials"), "https://user:ghp_SECRET@github.com\n");
    linkSync(join(dir, "credentials"), join(dir, "corpus/texts/hard.txt"));
    const error = await readTextFile(join(dir, "corpus/texts/hard.txt"), 100, "hard.txt", { within: join(dir, "corpus") }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "FILE_OUTSIDE_FOLDER" });
    expect((error as Error).message).toBe(`hard.txt is a hard link (the file has 2 names on the disk), so it was not read: another of its names may be outside ${join(dir, "corpus")}`);
    expect((error as Error).message).not.toContain("SECRET");
    // Without `within` (a file the user names to import, say) it is read as any file is.
    expect(await readTextFile(join(dir, "corpus/texts/hard.txt"), 100)).toContain("SECRET");
  });
});

describe("isInside: one test of a path inside a folder, for reads, writes and the watcher", () => {
  it("counts a name that only starts with two dots as inside, and the folder itself, its parent and siblings as not", () => {
    expect(isInside("/p/texts", "/p/texts/..notes.txt")).toBe(true);
    expect(isInside("/p/texts", "/p/texts/a/b.txt")).toBe(true);
    expect(isInside("/p/texts", "/p/texts")).toBe(false);
    expect(isInside("/p/texts", "/p")).toBe(false);
    expect(isInside("/p/texts", "/p/texts/../other/x.txt")).toBe(false);
    expect(isInside("/p/texts", "/p/texts-2/x.txt")).toBe(false);
  });
});
