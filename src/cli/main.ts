import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { formatDiagnostic } from "../diagnostics/format.js";
import { suggestionHint } from "../diagnostics/suggest.js";
import { BriefsmithError } from "../errors/briefsmith-error.js";
import { version } from "../version.js";
import { commandHelp, type Command } from "./command.js";
import { exitCodes, UsageError, type CliIo } from "./io.js";
import { githubAnnotation, locateDiagnostics, printDiagnostics, repositoryPaths } from "./report.js";
import { visibleLine } from "../text/visible-text.js";
import { visibleStream } from "./terminal.js";

export type { CliIo } from "./io.js";

/**
 * Every command, by name. Each module holds one command's whole definition;
 * only the one that runs is loaded, so a nightly no-op build does not pay for
 * loading the others.
 */
const commands: Readonly<Record<string, () => Promise<Command>>> = {
  build: async () => (await import("./commands/build.js")).buildCommand,
  validate: async () => (await import("./commands/validate.js")).validateCommand,
  check: async () => (await import("./commands/check.js")).checkCommand,
  balance: async () => (await import("./commands/balance.js")).balanceCommand,
  manifest: async () => (await import("./commands/manifest.js")).manifestCommand,
  list: async () => (await import("./commands/list.js")).listCommand,
  schema: async () => (await import("./commands/schema.js")).schemaCommand,
  show: async () => (await import("./commands/show.js")).showCommand,
  locate: async () => (await import("./commands/locate.js")).locateCommand,
  source: async () => (await import("./commands/source.js")).sourceCommand,
  init: async () => (await import("./commands/init.js")).initCommand,
  new: async () => (await import("./commands/new.js")).newCommand,
  preview: async () => (await import("./commands/preview.js")).previewCommand,
};

async function mainHelp(): Promise<string> {
  const loaded = await Promise.all(Object.values(commands).map((load) => load()));
  const width = Math.max(...loaded.map((c) => `${c.name} ${c.positionals}`.length)) + 2;
  return [
    "Usage: brief <command> [options]",
    "",
    "Commands:",
    ...loaded.map((c) => `  ${`${c.name} ${c.positionals}`.padEnd(width)}${c.summary}`),
    "",
    'Run "brief <command> --help" for a command\'s options.',
    "Exit codes: 0 ok, 1 problems in the input, 2 usage error, 70 internal error, 74 output could not be written.",
  ].join("\n");
}

/**
 * Run the CLI and return its exit code. User errors print without a stack;
 * anything else is a bug and prints "internal error" with the stack.
 */
export async function main(processIo: CliIo): Promise<number> {
  // The one sanitiser: whatever a command prints, titles and labels from the user's files included, shows as text.
  const io: CliIo = { ...processIo, stdout: visibleStream(processIo.stdout), stderr: visibleStream(processIo.stderr) };
  const [name, ...args] = io.argv;
  let command: Command | undefined;
  try {
    if (name === undefined || name === "help" || name === "--help" || name === "-h") {
      io.stdout.write((await mainHelp()) + "\n");
      return name === undefined ? exitCodes.usage : exitCodes.ok;
    }
    if (name === "--version" || name === "-v") {
      io.stdout.write(`briefsmith ${version}\n`);
      return exitCodes.ok;
    }
    const load = commands[name];
    if (load === undefined) throw new UsageError(`unknown command "${name}": ${suggestionHint(name, Object.keys(commands), "command")}`);
    command = await load();
    // Every command answers --help the same way, before its own arguments are parsed.
    if (args.includes("--help") || args.includes("-h")) {
      io.stdout.write(commandHelp(command) + "\n");
      return exitCodes.ok;
    }
    return await command.execute(io, args);
  } catch (error) {
    // A run that fails as a whole (a usage error, the output folder locked, a path not found) answers a machine as a
    // run that finishes does: with --json one object on stdout, with --reporter github annotations (on stderr when
    // stdout carries the JSON), so the step that reads stdout always has an answer.
    const readers = command?.outputReaders(args) ?? { json: false, github: false };
    const answer = (exitCode: number, failure: Diagnostic & { code: string; message: string }, diagnostics: readonly Diagnostic[], fileTexts: ReadonlyMap<string, string>) => {
      const located = locateDiagnostics([...diagnostics, failure], fileTexts);
      if (readers.json) {
        const reported = { ok: false, exit_code: exitCode, error: { code: failure.code, message: failure.message, hint: failure.hint }, diagnostics: located };
        io.stdout.write(JSON.stringify(reported, null, 2) + "\n");
      }
      if (readers.github) for (const d of located) (readers.json ? io.stderr : io.stdout).write(githubAnnotation(d, repositoryPaths(io)) + "\n");
    };
    if (error instanceof UsageError) {
      io.stderr.write(`brief: ${visibleLine(error.message)}\nRun "brief ${name !== undefined && name in commands ? `${name} ` : ""}--help" for usage.\n`);
      answer(exitCodes.usage, { severity: "error", code: "USAGE_ERROR", message: error.message, hint: `run "brief ${name ?? ""} --help" for usage` }, [], new Map());
      return exitCodes.usage;
    }
    if (error instanceof BriefsmithError) {
      printDiagnostics(io, error.diagnostics, error.fileTexts);
      const failure = { severity: "error", code: error.code, message: error.message, hint: error.hint } as const;
      io.stderr.write(formatDiagnostic(failure) + "\n");
      answer(exitCodes.problems, failure, error.diagnostics, error.fileTexts);
      return exitCodes.problems;
    }
    const stack = error instanceof Error ? (error.stack ?? error.message) : String(error);
    io.stderr.write(`brief: internal error (a bug in Briefsmith; please report it with this output)\n${stack}\n`);
    return exitCodes.internal;
  }
}
