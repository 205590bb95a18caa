// Briefsmith's public API: load a corpus, render a brief in memory, print it
// with a warm browser, or build a folder of briefs as `brief build` does.
export { loadCorpus } from "./build/load-corpus.js";
export { renderBrief, type RenderBriefOptions, type RenderedBrief } from "./build/render-brief.js";
export { createPrinter, type DocumentPrinter, type PrintedDocument, type Printer, type PrinterOptions, type PrintOptions } from "./print/printer.js";
export { buildBriefs } from "./build/build-briefs.js";
export type { BriefChanges, BriefResult, BriefStatus, BuildOptions, BuildResult, ContentChanges, LockHolder, Shard } from "./build/types.js";
export { loadTemplates, type TemplateSet } from "./load/templates.js";

export { BriefsmithError } from "./errors/briefsmith-error.js";
export { errorCodes, type ErrorCode } from "./errors/codes.js";
export type { Diagnostic, Severity, Span } from "./diagnostics/diagnostic.js";
export { formatDiagnostic } from "./diagnostics/format.js";

export { BriefSchema, sectionNames, templateNames, type Brief } from "./schema/brief.js";
export { ExtractFileSchema, ExtractSchema, type Extract } from "./schema/extract.js";
export type { Corpus } from "./validate/corpus.js";
export type { BriefModel, ClaimModel, FactModel, SourceModel, ThemeModel, ViewpointModel } from "./model.js";
export type { BalanceReport, ThemeBalance, ViewpointBalance } from "./balance/measure.js";
