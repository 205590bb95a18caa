import type { ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import type { CDPSession } from "puppeteer-core/internal/api/CDPSession.js";
import type { Connection } from "puppeteer-core/internal/cdp/Connection.js";

export type { CDPSession, Connection };

const requireHere = createRequire(import.meta.url);

/** A browser process as @puppeteer/browsers starts it: the process, and its kill (its whole process group). */
export interface BrowserProcess {
  readonly nodeProcess: ChildProcess;
  kill(): void;
}

export interface BrowserProcessOptions {
  readonly executablePath: string;
  readonly args: readonly string[];
  readonly handleSignals: boolean;
  readonly signal: AbortSignal;
}

/**
 * Start Chromium as Puppeteer's own launch does, with the package it uses for that (@puppeteer/browsers: a process
 * group of its own, killed when Node exits or the signal aborts; Puppeteer's signal handlers when asked for), talking
 * over a pipe.
 */
export function startBrowserProcess(options: BrowserProcessOptions): BrowserProcess {
  const { launch } = requireHere("@puppeteer/browsers") as typeof import("@puppeteer/browsers");
  return launch({
    executablePath: options.executablePath,
    args: [...options.args],
    pipe: true,
    dumpio: false,
    env: process.env,
    handleSIGINT: options.handleSignals,
    handleSIGTERM: options.handleSignals,
    handleSIGHUP: options.handleSignals,
    signal: options.signal,
  });
}

/**
 * Puppeteer's DevTools connection over a started process's pipe (file descriptors 3 and 4): its Connection, sessions
 * and pipe transport, without its page model. A printer needs a handful of DevTools commands a tab, and Puppeteer's
 * Browser and Page load some 220 modules (about a tenth of a second of CPU, before the first document) and set up
 * each tab with a score of commands more (frames, script contexts, network tracking, each event followed). These
 * load 21. The bare script Puppeteer's page model drives, given Briefsmith's Chromium flags, printed the bench's 40
 * briefs in 1.14 s; the same commands sent over this connection, in 0.97 s (5 runs each, alternating).
 */
export function connectOverPipe(started: BrowserProcess): Connection {
  const { Connection } = requireHere("puppeteer-core/internal/cdp/Connection.js") as typeof import("puppeteer-core/internal/cdp/Connection.js");
  const { PipeTransport } = requireHere("puppeteer-core/internal/node/PipeTransport.js") as typeof import("puppeteer-core/internal/node/PipeTransport.js");
  const stdio = started.nodeProcess.stdio as unknown as [unknown, unknown, unknown, NodeJS.WritableStream, NodeJS.ReadableStream];
  return new Connection("pipe:", new PipeTransport(stdio[3], stdio[4]));
}

function sessionEvents(): typeof import("puppeteer-core/internal/api/CDPSession.js").CDPSessionEvent {
  return (requireHere("puppeteer-core/internal/api/CDPSession.js") as typeof import("puppeteer-core/internal/api/CDPSession.js")).CDPSessionEvent;
}

/** Call `listener` once the connection or session closes: the pipe closed (the browser ended), or the tab closed or detached. */
export function onDisconnected(emitter: Connection | CDPSession, listener: () => void): void {
  emitter.once(sessionEvents().Disconnected, listener);
}

/** Call `listener` with each session Chromium attaches to under `session` (Target.setAutoAttach with flatten). */
export function onChildSession(session: CDPSession, listener: (child: CDPSession) => void): void {
  session.on(sessionEvents().SessionAttached, listener);
}
