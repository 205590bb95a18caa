import { availableParallelism } from "node:os";

/** Briefs printing at once by default: one per core, at most 4 (more add latency, not throughput). */
export function defaultConcurrency(): number {
  return Math.max(1, Math.min(4, availableParallelism()));
}

/** Browsers are restarted after this many documents: Chromium's memory grows with each, and a fresh one bounds it. */
export const defaultRestartAfter = 100;
