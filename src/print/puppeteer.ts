import type { ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import type { Browser, PuppeteerNode } from "puppeteer-core";

const requireHere = createRequire(import.meta.url);

/**
 * Puppeteer, loaded on first use through its CommonJS build. Node 20 loads the same 150 modules that way with about
 * 0.09 s less CPU than through import() (in a forced build of the bench's 40 briefs). Nothing else loads Puppeteer
 * at run time, so only one of its builds is ever loaded.
 */
export function loadPuppeteer(): PuppeteerNode {
  return (requireHere("puppeteer-core") as typeof import("puppeteer-core")).default;
}

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
 * over a pipe, before Puppeteer itself is loaded.
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

/** Puppeteer's browser over a started process's pipe (file descriptors 3 and 4), as its launch connects to one. */
export async function connectOverPipe(started: BrowserProcess): Promise<Browser> {
  const puppeteer = loadPuppeteer();
  const { PipeTransport } = requireHere("puppeteer-core/internal/node/PipeTransport.js") as typeof import("puppeteer-core/internal/node/PipeTransport.js");
  const stdio = started.nodeProcess.stdio as unknown as [unknown, unknown, unknown, NodeJS.WritableStream, NodeJS.ReadableStream];
  return puppeteer.connect({ transport: new PipeTransport(stdio[3], stdio[4]) });
}
