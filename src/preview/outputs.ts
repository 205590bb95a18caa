import type { GoodRendering } from "./render.js";

/**
 * What the page offers to download, by format: each makes its file from the
 * last good rendering. The page lists exactly these, so a format added here
 * (the DOCX writer, when it exists) gets its button with nothing else to do.
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
];
