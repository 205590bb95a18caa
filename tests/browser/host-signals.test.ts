import { spawn } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../helpers/cli.js";
import { goneWithin, isRunning } from "../helpers/processes.js";

/**
 * A program that uses the library with a printer open, run as its own process: what it prints, how it ended, and
 * its browser's process id. `signal` is sent once it has printed a document.
 */
function hostProgram(body: string, signal: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; browserPid: number }> {
  const program = `
    import { createPrinter } from ${JSON.stringify(join(repoRoot, "dist", "index.js"))};
    let browserPid;
    const printer = await createPrinter({ jobs: 1, onLaunch: (pid) => (browserPid = pid) });
    ${body}
    await printer.print("<!DOCTYPE html><p>x</p>");
    console.log("printed " + browserPid);
    setInterval(() => {}, 1000);
  `;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--input-type=module", "-e", program], { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    const timer = setTimeout(() => child.kill("SIGKILL"), 20_000);
    child.stderr.on("data", (d) => (stderr += d));
    child.stdout.on("data", (d) => {
      stdout += d;
      if (/printed \d+/.test(stdout) && !child.killed) child.kill(signal);
    });
    child.on("error", reject);
    child.on("exit", (code, exitSignal) => {
      clearTimeout(timer);
      const browserPid = Number(/printed (\d+)/.exec(stdout)?.[1]);
      if (Number.isNaN(browserPid)) reject(new Error(`the host printed nothing: ${stderr}`));
      else resolve({ code, signal: exitSignal, stdout, browserPid });
    });
  });
}

// A hostile run: a printer made with the defaults took the host's signals. SIGTERM no longer ended the program
// (Puppeteer's listener closed the browser, and Node's own ending was off), and Ctrl+C ended it with exit 130 from
// Puppeteer's process.exit, the program's own SIGINT handler never run. A library leaves signals to its host.
describe("a program with a printer open", () => {
  it("ends on SIGTERM as any Node program does, and its browser with it", async () => {
    const host = await hostProgram("", "SIGTERM");
    expect(host.signal).toBe("SIGTERM");
    expect(await goneWithin(host.browserPid, 5_000)).toBe(true);
  }, 30_000);

  it("runs its own SIGINT handler, which closes the printer", async () => {
    const host = await hostProgram(`process.on("SIGINT", () => { console.log("host handler"); void printer.close().then(() => process.exit(0)); });`, "SIGINT");
    expect(host.stdout).toContain("host handler");
    expect(host.code).toBe(0);
    expect(isRunning(host.browserPid)).toBe(false);
  }, 30_000);
});
