import { spawn } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../helpers/cli.js";
import { goneWithin } from "../helpers/processes.js";

/** A program using the library that never closes its printer, run as its own process: how it ended, and its browser. */
function programWithoutClose(body: string): Promise<{ code: number | null; stdout: string; stderr: string; browserPid: number | undefined; ms: number }> {
  const program = `
    import { createPrinter } from ${JSON.stringify(join(repoRoot, "dist", "index.js"))};
    let browserPid;
    const onLaunch = (pid) => { browserPid = pid; console.log("browser " + pid); };
    ${body}
  `;
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const child = spawn(process.execPath, ["--input-type=module", "-e", program], { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    const timer = setTimeout(() => child.kill("SIGKILL"), 20_000);
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("exit", (code) => {
      clearTimeout(timer);
      const pid = /browser (\d+)/.exec(stdout)?.[1];
      resolve({ code, stdout, stderr, browserPid: pid === undefined ? undefined : Number(pid), ms: Date.now() - started });
    });
  });
}

// A library user's test: a script that printed and forgot printer.close() never ended (the browser's pipe kept Node
// waiting), nor did one that made a printer and printed nothing. An idle printer no longer keeps its host alive; a
// document being printed still does, so the script's own await of it is not cut short.
describe("a program that forgets to close its printer", () => {
  it("ends once its documents are printed, and its browser with it", async () => {
    const run = await programWithoutClose(`
      const printer = await createPrinter({ onLaunch });
      await new Promise((r) => setTimeout(r, 300));
      const pdf = await printer.print("<!DOCTYPE html><p>x</p>");
      console.log("printed " + pdf.byteLength);
    `);
    expect(run.stdout, run.stderr).toMatch(/printed \d+/);
    expect(run.code).toBe(0);
    expect(run.ms).toBeLessThan(15_000);
    expect(await goneWithin(run.browserPid!, 5_000)).toBe(true);
  }, 30_000);

  it("ends when it printed nothing, warm or not", async () => {
    for (const warm of [true, false]) {
      const run = await programWithoutClose(`
        const printer = await createPrinter({ onLaunch, warm: ${warm} });
        ${warm ? "" : "await printer.warmUp();"}
        console.log("made");
      `);
      expect(run.stdout, run.stderr).toContain("made");
      expect(run.code, `warm: ${warm}`).toBe(0);
      expect(run.ms).toBeLessThan(15_000);
      expect(await goneWithin(run.browserPid!, 5_000)).toBe(true);
    }
  }, 60_000);
});
