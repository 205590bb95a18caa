import { readFile, stat } from "node:fs/promises";
import { BriefsmithError } from "../errors.js";

/** Limits that keep a stray or hostile file from exhausting memory. */
export const fileLimits = {
  yamlBytes: 4 * 1024 * 1024,
  textBytes: 16 * 1024 * 1024,
} as const;

const utf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * Read a UTF-8 text file with a size limit. Every way this can fail on user
 * input (missing, a directory, too large, not UTF-8) is a BriefsmithError that
 * names the file.
 */
export async function readTextFile(path: string, maxBytes: number, shownPath = path): Promise<string> {
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    throw fileError(error, shownPath);
  }
  if (info.isDirectory()) {
    throw new BriefsmithError("FILE_IS_DIRECTORY", `${shownPath} is a folder, but a file was expected`);
  }
  if (info.size > maxBytes) {
    throw new BriefsmithError(
      "FILE_TOO_LARGE",
      `${shownPath} is ${formatBytes(info.size)}, over the limit of ${formatBytes(maxBytes)}`,
      { hint: "split the content into several files" },
    );
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw fileError(error, shownPath);
  }
  try {
    return utf8.decode(bytes);
  } catch {
    const offset = firstInvalidUtf8(bytes);
    throw new BriefsmithError("FILE_NOT_UTF8", `${shownPath} is not valid UTF-8 (first bad byte at offset ${offset})`, {
      hint: "save the file as UTF-8",
    });
  }
}

function fileError(error: unknown, shownPath: string): BriefsmithError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === "ENOENT") return new BriefsmithError("FILE_NOT_FOUND", `${shownPath} does not exist`, { cause: error });
  if (code === "EACCES" || code === "EPERM") {
    return new BriefsmithError("FILE_NOT_READABLE", `${shownPath} cannot be read (permission denied)`, { cause: error });
  }
  return new BriefsmithError("FILE_NOT_READABLE", `${shownPath} cannot be read (${code ?? String(error)})`, { cause: error });
}

function firstInvalidUtf8(bytes: Buffer): number {
  for (let end = 1; end <= bytes.length; end++) {
    try {
      utf8.decode(bytes.subarray(0, end), { stream: false });
    } catch {
      // A truncated multi-byte sequence is only an error if no continuation follows.
      if (end === bytes.length || (bytes[end]! & 0xc0) !== 0x80) return end - 1;
    }
  }
  return 0;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}
