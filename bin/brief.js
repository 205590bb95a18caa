#!/usr/bin/env node
// The `brief` command: a thin shell over the library's main().
import { existsSync } from "node:fs";

const entry = new URL("../dist/cli/main.js", import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write("brief: Briefsmith is not built yet. Run `npm install` (or `npm run build`) in its folder first.\n");
  process.exit(2);
}
// A closed pipe (`brief list themes | head`) is the reader leaving, not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw error;
  });
}
const { main } = await import(entry.href);
process.exitCode = await main({
  argv: process.argv.slice(2),
  cwd: process.cwd(),
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
  now: () => new Date(),
  // A build stops cleanly on these: it finishes or abandons what is printing, writes its manifest and closes the browser.
  onSignal: (listener) => {
    const signals = ["SIGINT", "SIGTERM", "SIGHUP"];
    for (const signal of signals) process.on(signal, listener);
    return () => {
      for (const signal of signals) process.off(signal, listener);
    };
  },
});
