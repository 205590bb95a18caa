import { formatDiagnostic } from "../diagnostics/format.js";
import { suggestionHint } from "../diagnostics/suggest.js";
import { BriefsmithError } from "../errors.js";
import { version } from "../version.js";
import { exitCodes, UsageError, type CliIo } from "./io.js";

export type { CliIo } from "./io.js";

interface Command {
  readonly run: (io: CliIo, args: readonly string[]) => Promise<number>;
  readonly usage: string;
}

/** Each command loads only when it runs: a nightly no-op build should not pay for loading the others. */
const commands: Readonly<Record<string, () => Promise<Command>>> = {
  build: async () => import("./commands/build.js").then((m) => ({ run: m.runBuild, usage: m.buildUsage })),
  check: async () => import("./commands/check.js").then((m) => ({ run: m.runCheck, usage: m.checkUsage })),
  balance: async () => import("./commands/balance.js").then((m) => ({ run: m.runBalance, usage: m.balanceUsage })),
  validate: async () => import("./commands/validate.js").then((m) => ({ run: m.runValidate, usage: m.validateUsage })),
  list: async () => import("./commands/list.js").then((m) => ({ run: m.runList, usage: m.listUsage })),
  manifest: async () => import("./commands/manifest.js").then((m) => ({ run: m.runManifest, usage: m.manifestUsage })),
};

const usage = `Usage: brief <command> [options]

Commands:
  build [PATH…]      build briefs into PDF and HTML (default: briefs/ → output/)
  validate [PATH…]   check briefs and their corpora; no browser needed
  check [CORPUS…]    prove an extract: quotes, references, coverage, paraphrase, balance tables
  balance [BRIEF…]   the full balance report of each brief; no browser needed
  manifest merge …   combine the manifests of sharded builds
  list KIND          list themes, viewpoints, briefs, templates or corpora

Run "brief <command> --help" for a command's options.
Exit codes: 0 ok, 1 problems in the input, 2 usage error, 70 internal error.`;


/**
 * Run the CLI and return its exit code. User errors print without a stack;
 * anything else is a bug and prints "internal error" with the stack.
 */
export async function main(io: CliIo): Promise<number> {
  const [command, ...args] = io.argv;
  try {
    if (command === undefined || command === "help" || command === "--help" || command === "-h") {
      io.stdout.write(usage + "\n");
      return command === undefined ? exitCodes.usage : exitCodes.ok;
    }
    if (command === "--version" || command === "-v") {
      io.stdout.write(`briefsmith ${version}\n`);
      return exitCodes.ok;
    }
    const load = commands[command];
    if (load === undefined) throw new UsageError(`unknown command "${command}": ${suggestionHint(command, Object.keys(commands), "command")}`);
    const { run, usage: commandUsage } = await load();
    // Every command answers --help the same way, before its own arguments are parsed.
    if (args.includes("--help") || args.includes("-h")) {
      io.stdout.write(commandUsage + "\n");
      return exitCodes.ok;
    }
    return await run(io, args);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`brief: ${error.message}\nRun "brief --help" for usage.\n`);
      return exitCodes.usage;
    }
    if (error instanceof BriefsmithError) {
      io.stderr.write(formatDiagnostic({ severity: "error", code: error.code, message: error.message, hint: error.hint }) + "\n");
      return exitCodes.problems;
    }
    const stack = error instanceof Error ? (error.stack ?? error.message) : String(error);
    io.stderr.write(`brief: internal error (a bug in Briefsmith; please report it with this output)\n${stack}\n`);
    return exitCodes.internal;
  }
}
