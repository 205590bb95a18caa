/** Where a command writes. */
export interface OutputStream {
  write(text: string): unknown;
  readonly isTTY?: boolean;
  /** The stream beneath a sanitised one: for the progress bar's own cursor movements, and nothing else. */
  readonly unfiltered?: OutputStream;
}

/** What a command may touch of its process: passed in, so tests can run commands in-process. */
export interface CliIo {
  readonly argv: readonly string[];
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
  readonly now: () => Date;
  /**
   * Listen for SIGINT, SIGTERM and SIGHUP (bin/brief.js passes the process's; in-process runs have none).
   * While a listener is on, the signals do not end the process: the command stops its work and returns.
   * Returns a function that removes the listener.
   */
  readonly onSignal?: (listener: (signal: StopSignal) => void) => () => void;
}

/** The signals a command stops on, and the exit code each gives (128 + its number, as shells report it). */
export const stopSignals = { SIGHUP: 129, SIGINT: 130, SIGTERM: 143 } as const;
export type StopSignal = keyof typeof stopSignals;

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
