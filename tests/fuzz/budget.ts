import fc from "fast-check";
import { afterAll } from "vitest";

/**
 * How much fuzzing a run does. By default a few thousand cases with a fixed
 * seed, so CI is quick and repeatable; `FUZZ_RUNS=100000` spreads that many
 * cases over the properties (with a fresh seed each time unless `FUZZ_SEED`
 * is given) for a long local hunt. A failure prints its seed and the
 * shrunk counterexample; rerun it with `FUZZ_SEED=<seed>`.
 */
const defaultTotal = 4000;
const total = Number(process.env.FUZZ_RUNS ?? defaultTotal);
const seed =
  process.env.FUZZ_SEED !== undefined ? Number(process.env.FUZZ_SEED) : process.env.FUZZ_RUNS !== undefined ? Date.now() % 2 ** 31 : 20260115;

const counted = { cases: 0, ms: 0 };

/** fast-check parameters for a property that gets `share` of the total (0 to 1). */
export function budget(share: number): fc.Parameters<unknown> {
  return { numRuns: Math.max(1, Math.round(total * share)), seed, endOnFailure: false };
}

/** Run a property with its share of the budget, counting its cases for the summary. */
export function check<T>(property: fc.IPropertyWithHooks<T> | fc.IProperty<T>, share: number): void {
  const parameters = budget(share);
  const started = performance.now();
  fc.assert(property as fc.IProperty<T>, parameters as fc.Parameters<T>);
  counted.cases += parameters.numRuns!;
  counted.ms += performance.now() - started;
}

/** The same for an asynchronous property (one that reads the disk, say). */
export async function checkAsync<T>(property: fc.IAsyncPropertyWithHooks<T> | fc.IAsyncProperty<T>, share: number): Promise<void> {
  const parameters = budget(share);
  const started = performance.now();
  await fc.assert(property as fc.IAsyncProperty<T>, parameters as fc.Parameters<T>);
  counted.cases += parameters.numRuns!;
  counted.ms += performance.now() - started;
}

/** Print how many cases this file ran: the number the fuzzing is worth. */
export function reportCases(label: string): void {
  afterAll(() => {
    console.log(`fuzz ${label}: ${counted.cases} cases in ${(counted.ms / 1000).toFixed(1)} s (seed ${seed}${process.env.FUZZ_RUNS ? `, FUZZ_RUNS=${total}` : ""})`);
  });
}
