import { expect } from "vitest";

/**
 * A reader's review: a one-pager listed its sources as [1] and [2], numbers nothing in it cited. Every source
 * number a document's text shows must be cited somewhere else in it.
 */
export function expectEverySourceNumberCited(text: string): void {
  for (const number of new Set(text.match(/\[\d+\]/g))) {
    expect(text.split(number).length - 1, `${number} is shown but never cited`).toBeGreaterThan(1);
  }
}
