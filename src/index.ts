// The public API: the pipeline's stages, the orchestrator, and their types.
export { BriefsmithError } from "./errors.js";
export type { Diagnostic, Span } from "./diagnostics/diagnostic.js";
export { formatDiagnostic } from "./diagnostics/format.js";
export { BriefSchema, templateNames, sectionNames, type Brief } from "./schema/brief.js";
export { ExtractSchema, ExtractFileSchema, type Extract } from "./schema/extract.js";
export { prepareBriefs, prepareCorpus, type Preparation, type PreparedBrief, type PreparedCorpus } from "./prepare.js";
export { selectBrief } from "./select.js";
export { measureBalance, type BalanceReport } from "./balance/measure.js";
export { createRenderer } from "./render/render.js";
export { loadTemplateSet } from "./render/templates.js";
export { findBrowser } from "./print/browser.js";
export { PrintPool } from "./print/pool.js";
export { buildBriefs, type BuildOptions, type BuildResult, type BriefResult } from "./build.js";
export type { BriefModel } from "./model.js";
export { main } from "./cli/main.js";
