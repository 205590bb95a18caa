import { describe, expect, it } from "vitest";
import { createPrinter } from "../../src/print/printer.js";
import { hasEnded, renderersOf } from "../helpers/processes.js";

// A hostile CI run: with a renderer wedged (stopped here; in life, stuck on a hung file system), a build stopped by
// SIGTERM wrote its manifest and then never exited: closing the browser ended its main process, the process group
// was killed only while that process lived, and the renderers, still holding Chromium's output pipes, lived on.
describe("closing a browser whose renderer is wedged", () => {
  it("ends every process of the browser, the wedged renderer too", async () => {
    const pids: number[] = [];
    const printer = await createPrinter({ jobs: 1, onLaunch: (pid) => pid && pids.push(pid) });
    let renderers: number[] = [];
    try {
      await printer.print("<p>warm</p>");
      renderers = renderersOf(pids[0]!);
      expect(renderers.length).toBeGreaterThan(0);
      for (const pid of renderers) process.kill(pid, "SIGSTOP");
    } finally {
      await printer.close();
    }
    const deadline = Date.now() + 5_000;
    while (Date.now() < deadline && !renderers.every(hasEnded)) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(renderers.filter((pid) => !hasEnded(pid))).toEqual([]);
  }, 60_000);
});
