#!/usr/bin/env node
// The `brief` command: a thin shell over the library's main().
import { existsSync } from "node:fs";
import { setFlagsFromString } from "node:v8";

// These commands run a second or two across hundreds of functions, each called a few dozen times. V8's optimising
// compilers spend more CPU compiling them (on a thread of their own, which on a two-core machine competes with
// Chromium's printing) than the optimised code then saves: with the baseline compiler only, a forced build of the
// bench's 40 briefs used about a fifth less CPU in Node and finished sooner, and one of 400 briefs too. `source add`
// (one hot loop over a long PDF) and the preview (a long-lived server) keep them: reading a 74-page PDF took half
// as long again without.
const breadthCommands = new Set(["build", "validate", "check", "balance"]);
if (breadthCommands.has(process.argv[2])) setFlagsFromString("--max-opt=1");

const entry = new URL("../dist/cli-bundle/main.js", import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write("brief: Briefsmith is not built yet. Run `npm install` (or `npm run build`) in its folder first.\n");
  process.exit(2);
}
// Commands that stop cleanly on signals (a build, the preview) are running while they listen for them.
let stoppable = 0;
// The exit code of a run whose output could not be written (EX_IOERR): a full log volume, /dev/full.
const outputLost = 74;
let lost = false;
// A closed pipe (`brief list themes | head`) is the reader leaving, not an error. A build goes on, unheard: exiting
// mid-build would leave its lock, its journal unfolded and its temporary files behind (`brief build | head -1`).
// So it does when the output cannot be written at all (ENOSPC, EIO), but then the run ends with 74, not 0: what it
// had to say was lost, and a CI step must not read that as success.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error) => {
    // A reader gone ends a command that can simply stop; output that cannot be written at all does not: the
    // command runs to its end, and its own exit code (a usage error's 2, a check's 1) stands unless it was 0.
    if (error.code !== "EPIPE") lost = true;
    else if (stoppable === 0) process.exit(process.exitCode ?? 0);
    stream.write = (_chunk, encoding, callback) => {
      (typeof encoding === "function" ? encoding : callback)?.();
      return true;
    };
  });
}
// The folder the command was started in, deleted or moved away since: Node cannot say where it is.
let cwd;
try {
  cwd = process.cwd();
} catch {
  process.stderr.write("brief: the working folder is gone (deleted, or moved away): change to a folder that exists, and run the command again\n");
  process.exit(1);
}
const { main } = await import(entry.href);
process.exitCode = await main({
  argv: process.argv.slice(2),
  cwd,
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
  now: () => new Date(),
  // A build stops cleanly on these: it finishes or abandons what is printing, writes its manifest and closes the browser.
  onSignal: (listener) => {
    const signals = ["SIGINT", "SIGTERM", "SIGHUP"];
    for (const signal of signals) process.on(signal, listener);
    stoppable++;
    return () => {
      for (const signal of signals) process.off(signal, listener);
      stoppable--;
    };
  },
});
// A write that failed after the command finished still counts.
process.on("exit", () => {
  if (lost && (process.exitCode ?? 0) === 0) process.exitCode = outputLost;
});
