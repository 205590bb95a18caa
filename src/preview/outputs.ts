import { renderDocx } from "../docx/render-docx.js";
import type { GoodRendering } from "./render.js";

/**
 * What the page offers to download, by format: each makes its file from the
 * last good rendering. The page lists exactly these, so a format added here
 * gets its button with nothing else to do. The Word file is made on request,
 * from the rendering's model, as `brief build` makes it.
 */
export interface PreviewOutput {
  /** The name in the download URL (?format=pdf): looked up in this table, never used as a path. */
  readonly format: string;
  /** The button's text. */
  readonly label: string;
  readonly contentType: string;
  /** The file name's extension, after the brief's id. */
  readonly extension: string;
  make(rendering: GoodRendering): Uint8Array | Promise<Uint8Array>;
}

export const previewOutputs: readonly PreviewOutput[] = [
  { format: "pdf", label: "PDF", contentType: "application/pdf", extension: "pdf", make: (rendering) => rendering.pdf },
  {
    format: "docx",
    label: "Word",
    contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    extension: "docx",
    make: (rendering) => renderDocx(rendering.model, rendering.balance, { letterhead: rendering.letterhead }),
  },
];
