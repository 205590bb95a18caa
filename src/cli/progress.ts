import { visibleText } from "../text/visible-text.js";
import type { CliIo } from "./io.js";

export interface Progress {
  start(total: number): void;
  brief(line: string): void;
  /** Resolves once every line and the bar are written: only then may the summary follow. */
  stop(): Promise<void>;
}

/**
 * On a terminal: a progress bar (briefs done of total, rate, ETA) with each
 * brief's line printed above it. Elsewhere (a pipe, a file, CI): one plain
 * line per brief, which logs read best.
 */
export function createProgress(io: CliIo): Progress {
  const interactive = io.stderr.isTTY === true && io.env.CI === undefined && io.env.TERM !== "dumb";
  if (!interactive) {
    return { start: () => {}, brief: (line) => io.stdout.write(line + "\n"), stop: async () => {} };
  }
  return new TerminalProgress(io);
}

class TerminalProgress implements Progress {
  readonly #io: CliIo;
  #bar: Promise<{ multibar: import("cli-progress").MultiBar; bar: import("cli-progress").SingleBar }> | undefined;
  #done = 0;
  #started = performance.now();

  constructor(io: CliIo) {
    this.#io = io;
  }

  start(total: number): void {
    this.#started = performance.now();
    this.#bar = import("cli-progress").then(({ default: cliProgress }) => {
      const multibar = new cliProgress.MultiBar(
        {
          // The bar moves the cursor itself, so it writes beneath the sanitiser; the lines it logs do not.
          stream: (this.#io.stderr.unfiltered ?? this.#io.stderr) as NodeJS.WritableStream,
          format: " {bar} {value}/{total} briefs | {rate} /s | ETA {eta_formatted}",
          hideCursor: true,
          clearOnComplete: true,
          etaBuffer: 20,
        },
        cliProgress.Presets.shades_classic,
      );
      return { multibar, bar: multibar.create(total, 0, { rate: "0.0" }) };
    });
  }

  brief(line: string): void {
    this.#done++;
    const rate = (this.#done / Math.max(0.001, (performance.now() - this.#started) / 1000)).toFixed(1);
    void this.#bar?.then(({ multibar, bar }) => {
      multibar.log(visibleText(line) + "\n");
      bar.update(this.#done, { rate });
    });
  }

  async stop(): Promise<void> {
    await this.#bar?.then(({ multibar }) => multibar.stop());
  }
}
