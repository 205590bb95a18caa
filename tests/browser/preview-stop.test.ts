import { describe, expect, it } from "vitest";
import type { StopSignal } from "../../src/cli/io.js";
import { runCli } from "../helpers/cli.js";
import { TempProject } from "../helpers/project.js";

// A hostile run: Ctrl+C while the preview's browser was still starting printed "tram-memo: 1 problem" and
// "error BROWSER_LAUNCH_FAILED: … the printer was closed", with a hint to check that the browser runs.
describe("brief preview stopped while its browser starts", () => {
  it("reports no problem for the rendering the stop cut short", async () => {
    const project = new TempProject();
    const listeners = new Set<(signal: StopSignal) => void>();
    let serving!: () => void;
    const started = new Promise<void>((resolve) => (serving = resolve));
    // Everything said, also after the command returned: a rendering cut short reported itself late.
    let said = "";
    try {
      const run = runCli(["preview", "tram-memo", "--no-open"], {
        cwd: project.dir,
        onSignal: (listener) => (listeners.add(listener), () => listeners.delete(listener)),
        stdout: (text) => {
          said += text;
          if (text.includes("Ctrl+C")) serving();
        },
        stderr: (text) => (said += text),
      });
      await Promise.race([started, run.then((r) => Promise.reject(new Error(`ended early: ${r.stderr}`)))]);
      // Stopped soon after: the first rendering is still starting its browser.
      await new Promise((resolve) => setTimeout(resolve, 150));
      for (const listener of listeners) listener("SIGINT");
      const { code } = await run;
      expect(code).toBe(130);
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      expect(said).not.toContain("BROWSER_LAUNCH_FAILED");
      expect(said).not.toMatch(/problem/);
    } finally {
      project.dispose();
    }
  }, 30_000);
});
