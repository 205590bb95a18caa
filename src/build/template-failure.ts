import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { BriefsmithError } from "../errors/briefsmith-error.js";
import type { YamlFile } from "../load/yaml-file.js";
import { locate } from "../load/yaml-locate.js";

/**
 * A template that failed while rendering a brief (TEMPLATE_RENDER_FAILED), said at the brief's template: line,
 * the place a staffer changes: by validate, which refuses the brief, and by build, which fails it, alike.
 */
export function templateFailureDiagnostic(file: YamlFile | undefined, shownPath: string, error: BriefsmithError): Diagnostic {
  return {
    severity: "error",
    code: error.code,
    message: error.message,
    file: file?.path ?? shownPath,
    span: file ? locate(file, ["template"]) : undefined,
    hint: error.hint,
  };
}
