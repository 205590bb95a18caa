import { mkdirSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import type { StopSignal } from "../../../src/cli/io.js";
import { acquireOutputLock } from "../../../src/output/lock.js";
import { runCli } from "../../helpers/cli.js";
import { TempProject } from "../../helpers/project.js";

/**
 * A build stopped before it built anything (while it waited for another
 * build's lock) still says so: a summary line, and with --json the object a
 * CI step parses, with the signal's name. It used to return the signal's exit
 * code and print nothing on stdout.
 */
let project: TempProject | undefined;
afterEach(() => project?.dispose());

async function stoppedWhileWaiting(args: readonly string[]) {
  project = new TempProject();
  mkdirSync(project.path("output"));
  // The lock held by a live process (this one), as another build would hold it.
  const held = await acquireOutputLock(project.path("output"));
  let stop: ((signal: StopSignal) => void) | undefined;
  const onSignal = (listener: (signal: StopSignal) => void) => {
    stop = listener;
    return () => (stop = undefined);
  };
  try {
    const run = runCli(["build", "--wait", ...args], {
      cwd: project.dir,
      onSignal,
      // The build says it is waiting: then the signal comes.
      stderr: (text) => {
        if (text.includes("waiting for the build of process")) stop?.("SIGTERM");
      },
    });
    return await run;
  } finally {
    await held.release();
  }
}

describe("a build stopped while it waits for the lock", () => {
  it("prints its summary, stopped by the signal, and exits 143", async () => {
    const run = await stoppedWhileWaiting([]);
    expect(run.code).toBe(143);
    expect(run.stdout).toMatch(/^stopped by SIGTERM: 0 briefs built in \d+\.\d s\n$/);
  });

  it("with --json prints the summary object, interrupted by the signal", async () => {
    const run = await stoppedWhileWaiting(["--json"]);
    expect(run.code).toBe(143);
    const summary = JSON.parse(run.stdout) as { ok: boolean; exit_code: number; interrupted: string; briefs: unknown[] };
    expect(summary).toMatchObject({ ok: false, exit_code: 143, interrupted: "SIGTERM", briefs: [] });
  });
});
