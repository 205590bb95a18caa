import { createRequire } from "node:module";
import type { PuppeteerNode } from "puppeteer-core";

/**
 * Puppeteer, loaded on first use through its CommonJS build. Node 20 loads the same 150 modules that way with about
 * 0.09 s less CPU than through import() (in a forced build of the bench's 40 briefs), and a build waits for them
 * before its browser can start. Nothing else loads Puppeteer at run time, so only one of its builds is ever loaded.
 */
export function loadPuppeteer(): PuppeteerNode {
  return (createRequire(import.meta.url)("puppeteer-core") as typeof import("puppeteer-core")).default;
}
