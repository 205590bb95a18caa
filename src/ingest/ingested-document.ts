/** The formats a document can be brought into a corpus from. */
export type DocumentFormat = "txt" | "md" | "html" | "pdf" | "docx";

/** What a document says about itself; every field is absent when the document does not say it. */
export interface DocumentMetadata {
  readonly title?: string;
  readonly author?: string;
  /** YYYY, YYYY-MM or YYYY-MM-DD, as the extract's `date` field takes it. */
  readonly date?: string;
  readonly url?: string;
  readonly publisher?: string;
}

/**
 * A document as a corpus text: its paragraphs in reading order, each a single
 * line with whitespace normalised, ready to be written one per line so that
 * locators count them.
 */
export interface IngestedDocument {
  readonly paragraphs: readonly string[];
  readonly metadata: DocumentMetadata;
  readonly format: DocumentFormat;
  /** Things a person should check before quoting from the text, e.g. pages without a text layer. */
  readonly warnings: readonly string[];
}

/** What a reader of one format finds; the paragraphs are normalised afterwards, in one place. */
export interface ReadResult {
  readonly paragraphs: readonly string[];
  readonly metadata: DocumentMetadata;
  readonly warnings: readonly string[];
}
