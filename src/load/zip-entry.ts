import type JSZip from "jszip";

/** What jszip's internalStream gives: chunks as they are unpacked. */
interface ChunkStream {
  on(event: "data", listener: (chunk: Uint8Array) => void): ChunkStream;
  on(event: "error", listener: (error: unknown) => void): ChunkStream;
  on(event: "end", listener: () => void): ChunkStream;
  pause(): ChunkStream;
  resume(): ChunkStream;
}

/**
 * An entry of a zip file (a Word package), unpacked in chunks and counted as they come: the directory's sizes can
 * lie, and nothing past `limit` bytes is ever held, however far the entry would unpack. `tooLarge` when it unpacks
 * to more; rejects with the unpacker's error when the entry is damaged (bad data, a size that does not match).
 */
export async function unpackEntry(entry: JSZip.JSZipObject, limit: number): Promise<{ bytes: Uint8Array; tooLarge: false } | { tooLarge: true }> {
  const chunks: Uint8Array[] = [];
  const complete = await streamEntry(entry, limit, (chunk) => chunks.push(chunk));
  return complete ? { bytes: Buffer.concat(chunks), tooLarge: false } : { tooLarge: true };
}

/** How many bytes an entry unpacks to, or "too large" past `limit`: counted as unpackEntry counts, nothing held. */
export async function unpackedSize(entry: JSZip.JSZipObject, limit: number): Promise<number | "too large"> {
  let length = 0;
  const complete = await streamEntry(entry, limit, (chunk) => (length += chunk.length));
  return complete ? length : "too large";
}

/** Unpack an entry chunk by chunk, each handed to `take`; false (and stopped) once more than `limit` bytes came. */
function streamEntry(entry: JSZip.JSZipObject, limit: number, take: (chunk: Uint8Array) => void): Promise<boolean> {
  let length = 0;
  return new Promise<boolean>((resolve, reject) => {
    // jszip's chunked reader, which its types leave out (nodeStream is the same, for Node's streams).
    const stream = (entry as unknown as { internalStream(type: "uint8array"): ChunkStream }).internalStream("uint8array");
    stream
      .on("data", (chunk: Uint8Array) => {
        length += chunk.length;
        if (length > limit) {
          stream.pause();
          resolve(false);
          return;
        }
        take(chunk);
      })
      .on("error", reject)
      .on("end", () => resolve(true))
      .resume();
  });
}

/** Why jszip could not open a file, in a reader's words: its own message names its internals and a web page. */
export function zipProblem(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/end of central directory/i.test(message)) return "it is not a zip file, or only part of one";
  return message;
}
