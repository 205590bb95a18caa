import { join } from "node:path";
import { displayPath } from "../load/project.js";
import type { ManifestEntry } from "../output/manifest.js";
import { outputFormats, type OutputFormat } from "../schema/formats.js";
import type { BriefResult } from "./types.js";

/** One output file of a brief, as the manifest records it. */
export type Output = ManifestEntry["outputs"][number];

/** Where each output is, as shown to the user. */
export function outputPaths(outputs: ReadonlyMap<OutputFormat, Output>, context: { outDir: string; cwd: string }): Pick<BriefResult, "pdfPath" | "htmlPath" | "docxPath"> {
  const shown = (format: OutputFormat) => {
    const output = outputs.get(format);
    return output === undefined ? undefined : displayPath(join(context.outDir, output.path), context.cwd);
  };
  const [pdfPath, htmlPath, docxPath] = [shown("pdf"), shown("html"), shown("docx")];
  return { ...(pdfPath ? { pdfPath } : {}), ...(htmlPath ? { htmlPath } : {}), ...(docxPath ? { docxPath } : {}) };
}

/** The format of an output file, by its name. */
export function formatOf(path: string): OutputFormat | undefined {
  return outputFormats.find((format) => path.endsWith(`.${format}`));
}

