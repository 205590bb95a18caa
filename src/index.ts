// Briefsmith's public API: load a corpus, render a brief in memory, print it
// with a warm browser, check or build a folder of briefs as `brief validate`
// and `brief build` do, or turn a document into a corpus text.
export { loadCorpus } from "./build/load-corpus.js";
export { renderBrief, type RenderBriefOptions, type RenderedBrief } from "./build/render-brief.js";
export { renderDocx } from "./docx/render-docx.js";
export { createPrinter, type DocumentPrinter, type PrintedDocument, type Printer, type PrinterOptions, type PrintOptions } from "./print/printer.js";
export { buildBriefs } from "./build/build-briefs.js";
export { validateBriefs, type ValidateOptions, type ValidationResult } from "./build/validate-briefs.js";
export type { BriefJudgement, Refusal } from "./build/gate.js";
export { ingestDocument, type DocumentMetadata, type IngestedDocument } from "./ingest/ingest-document.js";
export type { BriefChanges, BriefResult, BriefStatus, BuildOptions, BuildResult, ContentChanges, LockHolder, Shard } from "./build/types.js";
export { loadTemplates, type TemplateSet } from "./load/templates.js";
export { checkTemplates, type TemplateCheck, type TemplateReport } from "./validate/templates.js";

export { BriefsmithError } from "./errors/briefsmith-error.js";
export { errorCodes, type ErrorCode } from "./errors/codes.js";
export type { Diagnostic, ItemRef, Severity, Span } from "./diagnostics/diagnostic.js";
export { formatDiagnostic, positionAt, type Position } from "./diagnostics/format.js";

export { BriefSchema, outputFormats, sectionNames, templateNames, type Brief, type BriefInput, type OutputFormat } from "./schema/brief.js";
export { loadLexicon } from "./build/built-ins.js";
export type { Lexicon } from "./balance/lexicon.js";
export { ExtractFileSchema, ExtractSchema, type Extract } from "./schema/extract.js";
export type { Corpus } from "./validate/corpus.js";
export type { BriefModel, ClassificationBlockModel, ClaimModel, FactModel, Holder, NoteModel, SourceModel, ThemeModel, ViewpointModel } from "./model.js";
export type { BalanceReport, DueWeight, ThemeBalance, ViewpointBalance, ViewWeight, WeightVerdict } from "./balance/measure.js";
