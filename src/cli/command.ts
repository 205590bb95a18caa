import { parseArgs } from "node:util";
import { suggestionHint } from "../diagnostics/suggest.js";
import { UsageError, type CliIo } from "./io.js";

/** One option of a command, as `--help` shows it. */
export interface OptionSpec {
  readonly type: "string" | "boolean";
  readonly short?: string;
  /** The value's name in help: DIR, N, SECONDS. */
  readonly value?: string;
  readonly description: string;
}

export type OptionSpecs = Readonly<Record<string, OptionSpec>>;

/** What parsing gives a command's run: each option's value (undefined when not given) and the positionals. */
export interface ParsedArgs<O extends OptionSpecs> {
  readonly values: { readonly [K in keyof O]?: O[K]["type"] extends "boolean" ? boolean : string };
  readonly positionals: readonly string[];
}

/** What help shows of a command. */
export interface CommandInfo {
  readonly name: string;
  /** The positionals as help shows them: "[PATH…]". */
  readonly positionals: string;
  /** One line, for `brief --help`. */
  readonly summary: string;
  /** What `brief NAME --help` says before the options. */
  readonly description: string;
  readonly options: OptionSpecs;
}

/**
 * A command, declared once: its help is made from this, its arguments parsed
 * by it, and its run called with them. Node's own parser (node:util
 * parseArgs) does the parsing, strictly: an unknown option is an error.
 */
export interface CommandDefinition<O extends OptionSpecs> extends CommandInfo {
  readonly options: O;
  readonly run: (io: CliIo, args: ParsedArgs<O>) => Promise<number>;
}

/** Who reads what a command prints besides a person: a program (--json, on stdout), GitHub Actions (--reporter github), both. */
export interface OutputReaders {
  readonly json: boolean;
  readonly github: boolean;
}

/** A command ready to run on the raw arguments after its name. */
export interface Command extends CommandInfo {
  execute(io: CliIo, args: readonly string[]): Promise<number>;
  /**
   * Who these arguments ask the output to be read by, as they are written: a command line the parser refuses (an
   * unknown option, an option left without its value) still asked for --json.
   */
  outputReaders(args: readonly string[]): OutputReaders;
}

export function defineCommand<O extends OptionSpecs>(definition: CommandDefinition<O>): Command {
  return {
    ...definition,
    execute: (io, args) => definition.run(io, parseCommandArgs(definition, args)),
    outputReaders: (args) => {
      // Read as written, not with the parser: after an option left without its value (--out $OUT, with OUT unset),
      // the parser takes "--json" for that value, and the run that failed must still answer the reader that asked.
      // Nothing after "--" is an option.
      const end = args.indexOf("--");
      const options = end === -1 ? args : args.slice(0, end);
      const written = (flag: string, value?: string) =>
        options.some((a, i) => (value === undefined ? a === flag : a === `${flag}=${value}` || (a === flag && options[i + 1] === value)));
      return {
        json: "json" in definition.options && written("--json"),
        github: "reporter" in definition.options && written("--reporter", "github"),
      };
    },
  };
}

/** Options every command that reads a project takes. */
export const projectOptions = {
  root: { type: "string", value: "DIR", description: "the project folder, holding briefs/ and sources/ (default: .)" },
} as const satisfies OptionSpecs;

/** A command's options as node:util parseArgs takes them. */
function parserOptions(command: CommandInfo): Record<string, { type: "string" | "boolean"; short?: string }> {
  return Object.fromEntries(
    Object.entries(command.options).map(([name, spec]) => [name, spec.short === undefined ? { type: spec.type } : { type: spec.type, short: spec.short }]),
  );
}

/** Parse a command's arguments; what the parser refuses becomes a usage error that says what to type instead. */
function parseCommandArgs<O extends OptionSpecs>(command: CommandDefinition<O>, args: readonly string[]): ParsedArgs<O> {
  const options = parserOptions(command);
  let parsed: { values: Record<string, unknown>; positionals: string[] };
  try {
    parsed = parseArgs({ args: negativeNumbersJoined(command, args), options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(describeParseError(command, args, error));
  }
  // An empty value is a variable that was not set (--out "$OUT_DIR"), never a choice: --out '' wrote the
  // build's files into the project's own folder.
  // A blank one (a variable holding a space) is the same slip, and named no folder either.
  for (const [name, value] of Object.entries(parsed.values)) {
    if (typeof value === "string" && value.trim() === "") {
      throw new UsageError(`--${name} needs a value, not ${value === "" ? "an empty" : "a blank"} one: --${name} ${command.options[name]?.value ?? "VALUE"}`);
    }
  }
  return { values: parsed.values as ParsedArgs<O>["values"], positionals: parsed.positionals };
}

/**
 * "--port -1" written as "--port=-1": the parser would take "-1" for an option and the option for one given no
 * value, so the option's own check, which knows what it takes, would never see the number.
 */
function negativeNumbersJoined(command: CommandInfo, args: readonly string[]): string[] {
  const joined: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === "--") return [...joined, ...args.slice(i)];
    const name = arg.startsWith("--") ? arg.slice(2) : Object.entries(command.options).find(([, spec]) => spec.short !== undefined && arg === `-${spec.short}`)?.[0];
    const next = args[i + 1];
    if (name !== undefined && command.options[name]?.type === "string" && next !== undefined && /^-\d/.test(next)) {
      joined.push(`--${name}=${next}`);
      i++;
    } else joined.push(arg);
  }
  return joined;
}

/** Node's parser messages are written for programmers (and quote the argument with an unclosed quote): say it as a user needs it. */
function describeParseError(command: CommandInfo, args: readonly string[], error: unknown): string {
  const code = (error as { code?: string }).code;
  const message = error instanceof Error ? error.message : String(error);
  // Node names the option as '--out', '--out <value>' or '-o, --out <value>'; the first option on the line is only
  // a last resort.
  const option = /'(?:-\w, )?(-{1,2}[^'\s,]+)(?: <value>)?'/.exec(message)?.[1] ?? args.find((a) => a.startsWith("-")) ?? "";
  const known = Object.keys(command.options).map((name) => `--${name}`);
  if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") {
    return `brief ${command.name} has no option ${option}: ${suggestionHint(option.replace(/=.*$/, ""), known, "option")}`;
  }
  if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") {
    const name = option.replace(/^-+/, "").replace(/=.*$/, "");
    const spec = command.options[name] ?? Object.values(command.options).find((o) => o.short === name);
    return spec?.type === "boolean" ? `${option.replace(/=.*$/, "")} takes no value` : `${option} needs a value: ${option} ${spec?.value ?? "VALUE"}`;
  }
  return message;
}

/** `brief NAME --help`, made from the command's definition. */
export function commandHelp(command: CommandInfo): string {
  const rows = [
    ...Object.entries(command.options).map(([name, spec]) => ({
      left: `${spec.short === undefined ? "    " : `-${spec.short}, `}--${name}${spec.value === undefined ? "" : ` ${spec.value}`}`,
      right: spec.description,
    })),
    { left: "-h, --help", right: "show this help" },
  ];
  const width = Math.max(...rows.map((r) => r.left.length)) + 2;
  return [
    `Usage: brief ${command.name}${command.positionals === "" ? "" : ` ${command.positionals}`} [options]`,
    "",
    command.description,
    "",
    "Options:",
    ...rows.map((r) => `  ${r.left.padEnd(width)}${r.right}`),
  ].join("\n");
}
