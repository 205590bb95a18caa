import { afterEach, describe, expect, it, vi } from "vitest";
import type { StopSignal } from "../../../src/cli/io.js";
import { runCli } from "../../helpers/cli.js";
import { TempProject } from "../../helpers/project.js";

/**
 * A hostile CI run: `brief build --force` stopped listening for signals as its build ended and only then closed the
 * browser it had started early (0.1–0.4 s, up to seconds for a browser that hangs). A SIGTERM, SIGINT or SIGHUP in
 * that moment (a second Ctrl+C, a CI timeout) took Node's default action: the process died with the signal's code,
 * no summary, no --json object, a hidden cursor and the browser's profile folder left behind.
 */
const printers = vi.hoisted(() => ({ closing: undefined as (() => void) | undefined }));
vi.mock("../../../src/print/printer.js", async (importOriginal) => {
  const original = await importOriginal<typeof import("../../../src/print/printer.js")>();
  const { FakePrinter: Fake } = await import("../../helpers/fake-printer.js");
  class SlowToClose extends Fake {
    override async close(): Promise<void> {
      printers.closing?.();
      await new Promise((resolve) => setTimeout(resolve, 50));
      return super.close();
    }
  }
  return { ...original, createStartingPrinter: async () => new SlowToClose() };
});

let project: TempProject | undefined;
afterEach(() => project?.dispose());

describe("a forced build signalled while it closes its browser", () => {
  it("is still listening: the signal ends nothing early, and the finished build's summary and exit code stand", async () => {
    project = new TempProject();
    let listener: ((signal: StopSignal) => void) | undefined;
    let heardWhileClosing = false;
    printers.closing = () => {
      heardWhileClosing = listener !== undefined;
      listener?.("SIGTERM");
    };
    const run = await runCli(["build", "--force", "--json"], {
      cwd: project.dir,
      onSignal: (listen) => {
        listener = listen;
        return () => (listener = undefined);
      },
    });
    expect(heardWhileClosing).toBe(true);
    expect(run.code).toBe(0);
    const summary = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(summary).toMatchObject({ ok: true, exit_code: 0 });
    expect(summary.interrupted).toBeUndefined();
  });
});
