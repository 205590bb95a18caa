import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createPrinter } from "../../src/print/printer.js";
import { renderersOf } from "../helpers/renderers.js";

/** Whether a process is gone, or dead and waiting to be reaped (a zombie has left nothing running). */
function ended(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).startsWith("Z");
  } catch {
    return true;
  }
}

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
    while (Date.now() < deadline && !renderers.every(ended)) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(renderers.filter((pid) => !ended(pid))).toEqual([]);
  }, 60_000);
});
