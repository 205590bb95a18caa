import type { TemplateSet } from "../load/templates.js";
import { templateUses } from "./template-uses.js";
import type { TemplateCheck, TemplateReport } from "./templates.js";

/**
 * The check of a template set that a build of this same code found no error in,
 * as the manifest records it: each template clean, with what it uses read from
 * its text (template-uses.ts, which finds at least what the checker would), and
 * the problems of reading the set (a sanitised image, say). No template is
 * parsed or walked, and the checker is not loaded.
 */
export function trustedTemplateCheck(set: TemplateSet): TemplateCheck {
  const templates = new Map<string, TemplateReport>();
  for (const [name, entry] of set.templates) templates.set(name, { name, entry, errors: [], ...templateUses(set, name) });
  return { templates, diagnostics: set.diagnostics };
}
