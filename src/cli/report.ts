import { existsSync, realpathSync } from "node:fs";
import { dirname, isAbsolute, relative, resolve, sep } from "node:path";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { formatDiagnostic, positionAt, uniqueDiagnostics } from "../diagnostics/format.js";
import type { OptionSpecs } from "./command.js";
import { UsageError, type CliIo } from "./io.js";

export { plural } from "../text/plural.js";

/** How problems are printed: for a person at a terminal, or as GitHub Actions annotations on a pull request's diff. */
export type Reporter = "human" | "github";

export const reporterOptions = {
  reporter: {
    type: "string",
    value: "NAME",
    description: "how to print problems: human (default), or github for GitHub Actions annotations on the pull request",
  },
} as const satisfies OptionSpecs;

export function parseReporter(value: string | undefined): Reporter {
  if (value === undefined || value === "human" || value === "github") return value ?? "human";
  throw new UsageError(`--reporter takes human or github, not "${value}"`);
}

/** A diagnostic with its span turned into lines and columns: what --json prints. */
export interface LocatedDiagnostic {
  readonly severity: Diagnostic["severity"];
  readonly code: Diagnostic["code"];
  readonly message: string;
  readonly file: string | undefined;
  readonly line: number | undefined;
  readonly column: number | undefined;
  readonly endLine: number | undefined;
  readonly endColumn: number | undefined;
  readonly hint: string | undefined;
}

/** A problem said of a whole file, or of none: no line or column to give. */
export function unplaced(d: Pick<LocatedDiagnostic, "severity" | "code" | "message" | "file" | "hint">): LocatedDiagnostic {
  return { ...d, line: undefined, column: undefined, endLine: undefined, endColumn: undefined };
}

/** Diagnostics as data for machines: sorted, each once, with 1-based lines and columns. */
export function locateDiagnostics(diagnostics: readonly Diagnostic[], fileTexts: ReadonlyMap<string, string>): LocatedDiagnostic[] {
  return uniqueDiagnostics(diagnostics).map((d) => {
    const text = d.file === undefined ? undefined : fileTexts.get(d.file);
    const start = text !== undefined && d.span !== undefined ? positionAt(text, d.span.start) : undefined;
    const end = text !== undefined && d.span !== undefined ? positionAt(text, d.span.end) : undefined;
    return {
      severity: d.severity,
      code: d.code,
      message: d.message,
      file: d.file,
      line: start?.line,
      column: start?.column,
      endLine: end?.line,
      endColumn: end?.column,
      hint: d.hint,
    };
  });
}

/**
 * Print diagnostics, sorted and each once: for a person, to stderr, each with
 * its source line and caret; for GitHub, to stdout, one workflow command each
 * (`::error file=…,line=…,col=…,title=CODE::message`), which the runner shows
 * on the pull request's diff.
 */
export function printDiagnostics(
  io: CliIo,
  diagnostics: readonly Diagnostic[],
  fileTexts: ReadonlyMap<string, string>,
  reporter: Reporter = "human",
  place: RepositoryPath = reporter === "github" ? repositoryPaths(io) : (file) => file,
): void {
  if (reporter === "github") {
    for (const d of locateDiagnostics(diagnostics, fileTexts)) io.stdout.write(githubAnnotation(d, place) + "\n");
    return;
  }
  for (const diagnostic of uniqueDiagnostics(diagnostics)) {
    io.stderr.write(formatDiagnostic(diagnostic, diagnostic.file === undefined ? undefined : fileTexts.get(diagnostic.file)) + "\n\n");
  }
}

/**
 * What a build said of the briefs it built (pages shrunk to fit, a one-pager past its page), as annotations: on the
 * pull request too, not only in the log's brief lines (a CI engineer's test).
 */
export function briefWarningAnnotations(results: readonly { readonly file: string; readonly warnings: readonly string[] }[], place: RepositoryPath): string[] {
  return results.flatMap(({ file, warnings }) =>
    warnings.map((message) =>
      githubAnnotation(unplaced({ severity: "warning", code: "BUILD_WARNING", message, file, hint: undefined }), place),
    ),
  );
}

/** A file as the command names it (relative to its folder) turned into the path GitHub knows it by. */
export type RepositoryPath = (file: string) => string;

/**
 * Files as GitHub names them: relative to the repository's root, whatever folder the command runs in (a workflow
 * step with `working-directory: policy`, or `--root ..`). The root is the git work tree around the command's folder,
 * else the workspace the runner checked the repository out in (GITHUB_WORKSPACE). A file outside it is named as the
 * command names it: GitHub cannot place it on the diff anyway.
 */
export function repositoryPaths(io: Pick<CliIo, "cwd" | "env">): RepositoryPath {
  // The work tree first: a repository checked out into a subfolder of the workspace (actions/checkout with path:)
  // has its files named from its own root.
  const workspace = gitWorkTree(io.cwd) ?? (io.env.GITHUB_WORKSPACE ? resolve(io.cwd, io.env.GITHUB_WORKSPACE) : undefined);
  // Compared as the file system has them: a workspace reached through a link named every file outside it (a review).
  const root = workspace === undefined ? undefined : realPath(workspace);
  return (file) => {
    if (root === undefined) return file;
    const inRoot = relative(root, realPath(resolve(io.cwd, file)));
    const outside = inRoot === "" || inRoot === ".." || inRoot.startsWith(`..${sep}`) || isAbsolute(inRoot);
    return outside ? file : inRoot.split(sep).join("/");
  };
}

/** The path with links resolved, or as given where it does not exist. */
function realPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

/** The nearest folder at or above `folder` with a .git (a folder, or a file in a worktree or submodule): only looked for, never read. */
function gitWorkTree(folder: string): string | undefined {
  for (let current = resolve(folder); ; current = dirname(current)) {
    if (existsSync(resolve(current, ".git"))) return current;
    if (dirname(current) === current) return undefined;
  }
}

/** One GitHub Actions annotation, its file named as GitHub knows it (`place`); values are escaped as the runner's workflow-command parser expects. */
export function githubAnnotation(d: LocatedDiagnostic, place: RepositoryPath): string {
  // The runner's escapes (%25, %0D, %0A; %3A and %2C in properties). The Unicode line and paragraph separators
  // have none and may end a line in a log: a space stands in for them, as for every line the terminal shows.
  const data = (value: string) => value.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A").replace(/[\u2028\u2029]/g, " ");
  const property = (value: string) => data(value).replace(/:/g, "%3A").replace(/,/g, "%2C");
  const properties = [
    d.file === undefined ? undefined : `file=${property(place(d.file))}`,
    d.line === undefined ? undefined : `line=${d.line}`,
    d.column === undefined ? undefined : `col=${d.column}`,
    d.endLine === undefined ? undefined : `endLine=${d.endLine}`,
    d.endColumn === undefined ? undefined : `endColumn=${d.endColumn}`,
    `title=${property(d.code)}`,
  ].filter((p) => p !== undefined);
  return `::${d.severity === "error" ? "error" : "warning"} ${properties.join(",")}::${data(d.message + (d.hint === undefined ? "" : `\nhint: ${d.hint}`))}`;
}
