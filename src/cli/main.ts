import { formatDiagnostic } from "../diagnostics/format.js";
import { suggestionHint } from "../diagnostics/suggest.js";
import { BriefsmithError } from "../errors/briefsmith-error.js";
import { version } from "../version.js";
import { commandHelp, type Command } from "./command.js";
import { exitCodes, UsageError, type CliIo } from "./io.js";
import { githubAnnotation, locateDiagnostics, printDiagnostics } from "./report.js";
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
    if (error instanceof UsageError) {
      io.stderr.write(`brief: ${visibleLine(error.message)}\nRun "brief ${name !== undefined && name in commands ? `${name} ` : ""}--help" for usage.\n`);
      return exitCodes.usage;
    }
    if (error instanceof BriefsmithError) {
      printDiagnostics(io, error.diagnostics, error.fileTexts);
      const failure = { severity: "error", code: error.code, message: error.message, hint: error.hint } as const;
      io.stderr.write(formatDiagnostic(failure) + "\n");
      // A run that fails as a whole (the output folder locked, a path not found) answers a machine as a run that
      // finishes does: with --json one object on stdout, with --reporter github annotations.
      const machine = command?.outputReader(args);
      if (machine === "json") {
        const diagnostics = locateDiagnostics([...error.diagnostics, failure], error.fileTexts);
        io.stdout.write(JSON.stringify({ ok: false, exit_code: exitCodes.problems, error: { code: error.code, message: error.message, hint: error.hint }, diagnostics }, null, 2) + "\n");
      } else if (machine === "github") {
        for (const d of locateDiagnostics([...error.diagnostics, failure], error.fileTexts)) io.stdout.write(githubAnnotation(d) + "\n");
      }
      return exitCodes.problems;
    }
    const stack = error instanceof Error ? (error.stack ?? error.message) : String(error);
    io.stderr.write(`brief: internal error (a bug in Briefsmith; please report it with this output)\n${stack}\n`);
    return exitCodes.internal;
  }
}
