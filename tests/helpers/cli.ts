import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { CliIo } from "../../src/cli/io.js";
import { main } from "../../src/cli/main.js";
import { normaliseForQuote } from "../../src/text/paragraphs.js";

export const repoRoot = fileURLToPath(new URL("../..", import.meta.url));
export const miniProject = fileURLToPath(new URL("../fixtures/mini", import.meta.url));

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Run the CLI in-process with captured output: fast, for diagnostics and listing. */
export async function runCli(
  argv: readonly string[],
  options: { cwd?: string; env?: Record<string, string>; onSignal?: CliIo["onSignal"]; stdout?: (text: string) => void; stderr?: (text: string) => void } = {},
): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const code = await main({
    argv,
    cwd: options.cwd ?? repoRoot,
    env: { ...process.env, ...options.env },
    stdout: {
      write: (text: string) => {
        stdout += text;
        options.stdout?.(text);
      },
    },
    stderr: {
      write: (text: string) => {
        stderr += text;
        options.stderr?.(text);
      },
    },
    now: () => new Date("2026-01-15T12:00:00Z"),
    ...(options.onSignal === undefined ? {} : { onSignal: options.onSignal }),
  });
  return { code, stdout, stderr };
}

/** Run the real `brief` command in a child process, as a user would. */
export function runBriefProcess(args: readonly string[], options: { cwd?: string; env?: Record<string, string> } = {}): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [`${repoRoot}/bin/brief.js`, ...args],
      { cwd: options.cwd ?? repoRoot, env: { ...process.env, ...options.env }, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, stdout, stderr }),
    );
  });
}

/** Run a command-line tool (pdftotext, pdfinfo) and return its standard output. */
export function tool(command: string, args: readonly string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { maxBuffer: 64 * 1024 * 1024 }, (error, stdout) => (error ? reject(error) : resolve(stdout)));
  });
}

/**
 * The words of a PDF in reading order, on one line: pdftotext without -layout
 * follows Chromium's drawing order, so table cells and wrapped lines read as
 * written. Hyphenation at line ends is undone; quotes and dashes normalised.
 */
export async function pdfReadingText(path: string): Promise<string> {
  const text = await tool("pdftotext", [path, "-"]);
  return normaliseForQuote(text.replace(/-\n\s*/g, "-").replace(/\s+/g, " "));
}
