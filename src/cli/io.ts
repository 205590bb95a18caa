/** What a command may touch of its process: passed in, so tests can run commands in-process. */
export interface CliIo {
  readonly argv: readonly string[];
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdout: { write(text: string): unknown; readonly isTTY?: boolean };
  readonly stderr: { write(text: string): unknown; readonly isTTY?: boolean };
  readonly now: () => Date;
}

/** Exit codes, as documented in the README. */
export const exitCodes = {
  ok: 0,
  problems: 1,
  usage: 2,
  /** A bug in Briefsmith, never the user's input. */
  internal: 70,
} as const;

export class UsageError extends Error {
  override readonly name = "UsageError";
}
