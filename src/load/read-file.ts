import { closeSync, constants, fstatSync, openSync, readSync, realpathSync, statSync } from "node:fs";
import { isAbsolute, relative, resolve, sep } from "node:path";
import { BriefsmithError } from "../errors/briefsmith-error.js";

/** Limits that keep a stray or hostile file from exhausting memory. */
export const fileLimits = {
  /** A brief or one file of an extract: the whole example extract is under 200 KiB. */
  yamlBytes: 4 * 1024 * 1024,
  /** The verbatim text of one source: a book-length transcript fits. */
  textBytes: 16 * 1024 * 1024,
  /** A template, partial or style sheet of a project's templates/ folder. */
  templateBytes: 1024 * 1024,
  /** An image in templates/assets/: a letterhead logo is a few KiB; it is embedded in every document that uses it. */
  assetBytes: 2 * 1024 * 1024,
  /** An office's letterhead in Word (templates/NAME.docx): its header, footer, styles and a logo or two. */
  letterheadBytes: 8 * 1024 * 1024,
} as const;

// ignoreBOM: keep a byte-order mark in the text, so the YAML loader can report it (TextDecoder would drop it silently).
const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

export interface ReadOptions {
  /**
   * Refuse a file whose real location (symbolic links followed) is outside
   * this folder: a link in a corpus must not read the rest of the disk.
   */
  readonly within?: string;
}

/**
 * Read a UTF-8 text file with a size limit. Every way this can fail on user
 * input (missing, a folder, a device or pipe, too large, not UTF-8, a link
 * out of `within`) is a BriefsmithError that names the file. Never reads more
 * than `maxBytes` + 1 bytes, even from a file that grows while it is read.
 * The system calls are made synchronously: a build reads a few dozen small
 * files, and each call through the thread pool would wait behind the hundreds
 * of module files a starting build loads at the same time.
 */
export async function readTextFile(path: string, maxBytes: number, shownPath = path, options: ReadOptions = {}): Promise<string> {
  const bytes = readBytes(path, maxBytes, shownPath, options);
  try {
    return utf8.decode(bytes);
  } catch {
    const offset = firstInvalidUtf8(bytes);
    const { line, column } = utf8Position(bytes, offset);
    const byte = bytes[offset]!.toString(16).toUpperCase().padStart(2, "0");
    throw new BriefsmithError(
      "FILE_NOT_UTF8",
      `${shownPath} is not valid UTF-8: line ${line}, column ${column} (byte offset ${offset}) has the byte 0x${byte}, which is not valid UTF-8 there`,
      { hint: "save the file as UTF-8 (not Latin-1 or Windows-1252)" },
    );
  }
}

/** Read a file's bytes (an image), with the same limits and checks as readTextFile. */
export async function readBinaryFile(path: string, maxBytes: number, shownPath = path, options: ReadOptions = {}): Promise<Uint8Array> {
  return readBytes(path, maxBytes, shownPath, options);
}

/**
 * A file with more than one name (a hard link) has no one real location to check against a folder: one of its
 * names may be outside it (a brief linked to ~/.git-credentials), and git, which carries no hard links, never
 * makes one. Such a file is not read where links out of a folder are refused.
 */
function hardLink(shownPath: string, names: number, within: string): BriefsmithError {
  return new BriefsmithError("FILE_OUTSIDE_FOLDER", `${shownPath} is a hard link (the file has ${names} names on the disk), so it was not read: another of its names may be outside ${within}`, {
    hint: "copy the file into the folder instead of linking to it",
  });
}

function readBytes(path: string, maxBytes: number, shownPath: string, options: ReadOptions): Buffer {
  let info;
  try {
    info = statSync(path);
    if (options.within !== undefined) {
      if (!isInside(realpathSync(options.within), realpathSync(path))) {
        // The file may be a link, or a folder on its way (texts/ linked elsewhere): "leads", which is true of both.
        throw new BriefsmithError("FILE_OUTSIDE_FOLDER", `${shownPath} leads outside ${options.within} (it, or a folder on its way, is a link)`, {
          hint: "copy the file into the folder instead of linking to it or to its folder",
        });
      }
      // A folder has a name for each folder in it, and is reported as a folder below.
      if (info.isFile() && info.nlink > 1) throw hardLink(shownPath, info.nlink, options.within);
    }
  } catch (error) {
    if (error instanceof BriefsmithError) throw error;
    throw fileError(error, shownPath);
  }
  if (info.isDirectory()) {
    throw new BriefsmithError("FILE_IS_DIRECTORY", `${shownPath} is a folder, but a file was expected`);
  }
  // A pipe would block the read forever, and a device such as /dev/zero never ends.
  if (!info.isFile()) {
    throw new BriefsmithError("FILE_NOT_REGULAR", `${shownPath} is not a regular file (a device, pipe or socket)`, {
      hint: "point Briefsmith at an ordinary text file",
    });
  }
  if (info.size > maxBytes) throw tooLarge(shownPath, maxBytes, info.size);
  let bytes: Buffer;
  let fd: number | undefined;
  try {
    // O_NONBLOCK: should the file have been swapped for a pipe since stat(), opening it must not hang.
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
    const opened = fstatSync(fd);
    if (!opened.isFile()) {
      throw new BriefsmithError("FILE_NOT_REGULAR", `${shownPath} is not a regular file (a device, pipe or socket)`);
    }
    // Linked since stat(): the file opened is what counts.
    if (options.within !== undefined && opened.nlink > 1) throw hardLink(shownPath, opened.nlink, options.within);
    bytes = readAtMost(fd, maxBytes + 1, info.size);
  } catch (error) {
    if (error instanceof BriefsmithError) throw error;
    throw fileError(error, shownPath);
  } finally {
    if (fd !== undefined) {
      try {
        closeSync(fd);
      } catch {
        // closed already
      }
    }
  }
  if (bytes.length > maxBytes) throw tooLarge(shownPath, maxBytes); // it grew after stat()
  return bytes;
}

/** Up to `limit` bytes; the first read is sized for the file as stat() saw it (plus one byte, to see it grew). */
function readAtMost(fd: number, limit: number, expected: number): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  while (total < limit) {
    // Only the bytes read are kept (subarray below), so the buffer need not be zeroed.
    const chunk = Buffer.allocUnsafe(Math.min(limit - total, total === 0 ? expected + 1 : 1024 * 1024));
    const bytesRead = readSync(fd, chunk, 0, chunk.length, null);
    if (bytesRead === 0) break;
    chunks.push(chunk.subarray(0, bytesRead));
    total += bytesRead;
  }
  return Buffer.concat(chunks, total);
}

function tooLarge(shownPath: string, maxBytes: number, size?: number): BriefsmithError {
  return new BriefsmithError(
    "FILE_TOO_LARGE",
    `${shownPath} is ${size === undefined ? "" : `${formatBytes(size)}, `}over the limit of ${formatBytes(maxBytes)}`,
    {
      hint: /\.(?:png|jpe?g|gif|webp|svg)$/i.test(shownPath)
        ? `make the image smaller than ${formatBytes(maxBytes)}: a lower resolution, or saved compressed`
        : "split the content into several files",
    },
  );
}

function fileError(error: unknown, shownPath: string): BriefsmithError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === "ENOENT") return new BriefsmithError("FILE_NOT_FOUND", `${shownPath} does not exist`, { cause: error });
  if (code === "EACCES" || code === "EPERM") {
    return new BriefsmithError("FILE_NOT_READABLE", `${shownPath} cannot be read (permission denied)`, { cause: error });
  }
  if (code === "ELOOP") return new BriefsmithError("FILE_NOT_READABLE", `${shownPath} cannot be read (a loop of symbolic links)`, { cause: error });
  return new BriefsmithError("FILE_NOT_READABLE", `${shownPath} cannot be read (${code ?? String(error)})`, { cause: error });
}

/**
 * The offset of the first byte of the first ill-formed sequence, by the
 * rules of the WHATWG UTF-8 decoder (which TextDecoder applies), in one pass.
 * Returns bytes.length when the bytes are well-formed.
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i]!;
    if (lead < 0x80) {
      i++;
      continue;
    }
    let needed: number;
    let lower = 0x80;
    let upper = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) needed = 1;
    else if (lead >= 0xe0 && lead <= 0xef) {
      needed = 2;
      if (lead === 0xe0) lower = 0xa0; // overlong
      if (lead === 0xed) upper = 0x9f; // surrogates
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      needed = 3;
      if (lead === 0xf0) lower = 0x90; // overlong
      if (lead === 0xf4) upper = 0x8f; // above U+10FFFF
    } else {
      return i;
    }
    for (let k = 1; k <= needed; k++) {
      const next = bytes[i + k];
      if (next === undefined || next < lower || next > upper) return i;
      lower = 0x80;
      upper = 0xbf;
    }
    i += needed + 1;
  }
  return bytes.length;
}

/** Line and column (1-based, in characters) of a byte offset that follows well-formed UTF-8. */
function utf8Position(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: utf8.decode(bytes.subarray(lineStart, offset)).length + 1 };
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

/**
 * Is `path` inside `dir` (after resolving `..`; the folder itself is not inside it)? A name that
 * only starts with two dots ("..notes") is inside; "..", "../x" and another drive are not.
 */
export function isInside(dir: string, path: string): boolean {
  const rel = relative(resolve(dir), resolve(path));
  return rel !== "" && rel !== ".." && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}
