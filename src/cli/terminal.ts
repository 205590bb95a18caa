import { visibleText } from "../text/visible-text.js";
import type { OutputStream } from "./io.js";

/** A stream that shows text only: every write goes through visibleText. */
export function visibleStream(stream: OutputStream): OutputStream {
  const unfiltered = stream.unfiltered ?? stream;
  return {
    write: (text: string) => stream.write(visibleText(text)),
    ...(stream.isTTY === undefined ? {} : { isTTY: stream.isTTY }),
    unfiltered,
  };
}
