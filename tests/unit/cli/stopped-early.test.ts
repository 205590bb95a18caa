import { mkdirSync, writeFileSync } from "node:fs";
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

// A CI engineer's test: waiting on a lock taken on another host (a shared folder), the message named neither the
// host nor the file, and the wait, which nothing here can end, went on until the job's timeout.
describe("a build waiting for a lock taken on another host", () => {
  /** What `brief build --wait` says as it waits on this lock, stopped by SIGTERM once it has said it. */
  async function waitingOn(lock: Record<string, unknown>): Promise<string> {
    project = new TempProject();
    mkdirSync(project.path("output"));
    writeFileSync(project.path("output/.briefsmith.lock"), JSON.stringify(lock));
    let said = "";
    let stop: ((signal: StopSignal) => void) | undefined;
    const run = await runCli(["build", "--wait"], {
      cwd: project.dir,
      onSignal: (listener) => {
        stop = listener;
        return () => (stop = undefined);
      },
      stderr: (text) => {
        said += text;
        if (text.includes("waiting for the build")) stop?.("SIGTERM");
      },
    });
    expect(run.code).toBe(143);
    return said;
  }
  const otherHost = { pid: 4242, host: "buildbox-7", started: "2026-11-26T08:00:00.000Z", since: 1 };

  it("names the host and the lock file to delete if that build is gone, for a lock no one refreshes", async () => {
    expect(await waitingOn(otherHost)).toContain(
      "waiting for the build of process 4242 on buildbox-7, started 2026-11-26T08:00:00.000Z to finish writing to output; if no such build runs, delete output/.briefsmith.lock",
    );
  });

  it("says a lock its holder refreshes is taken over once it is not, rather than sending the reader to delete it", async () => {
    expect(await waitingOn({ ...otherHost, heartbeatMs: 10_000 })).toContain(
      "to finish writing to output; a lock from another host is taken over once it has not been refreshed for 1 minute",
    );
  });
});
