import { describe, expect, it } from "vitest";
import type { CorpusReading } from "../../../src/build/load-corpus.js";
import { PreviewInputs } from "../../../src/preview/inputs.js";

/** A corpus read that finishes when the test says so. */
function deferredLoader() {
  const loads: { dir: string; resolve: (reading: CorpusReading) => void }[] = [];
  const load = (dir: string) => new Promise<CorpusReading>((resolve) => loads.push({ dir, resolve }));
  return { loads, load };
}

const reading = (id: string, version: string) => ({ id, version }) as unknown as CorpusReading;

describe("the preview's cache of corpora", () => {
  it("never keeps a reading begun before a file of its corpus changed", async () => {
    const { loads, load } = deferredLoader();
    const inputs = new PreviewInputs({ root: "/p", cwd: "/p", readCorpus: load });
    // A full check of a brief reads the corpus itself, and offers the reading to the cache when done.
    const keep = inputs.corpusKeeper();
    const checking = load("/p/sources/transit");
    // A source text is saved while that read is in flight.
    inputs.dropCorpus("transit");
    loads[0]!.resolve(reading("transit", "before the save"));
    keep(await checking);
    // The next rendering reads the corpus as it is now.
    const next = inputs.corpus("transit");
    expect(loads).toHaveLength(2);
    loads[1]!.resolve(reading("transit", "after the save"));
    expect(await next).toEqual(reading("transit", "after the save"));
  });

  it("keeps a reading when nothing of its corpus changed meanwhile (a change to another corpus does not matter)", async () => {
    const { loads, load } = deferredLoader();
    const inputs = new PreviewInputs({ root: "/p", cwd: "/p", readCorpus: load });
    const keep = inputs.corpusKeeper();
    inputs.dropCorpus("other");
    keep(reading("transit", "checked"));
    expect(await inputs.corpus("transit")).toEqual(reading("transit", "checked"));
    expect(loads).toHaveLength(0);
  });

  it("does not hand out a read begun before a change once the change is known", async () => {
    const { loads, load } = deferredLoader();
    const inputs = new PreviewInputs({ root: "/p", cwd: "/p", readCorpus: load });
    const first = inputs.corpus("transit");
    inputs.dropCorpus("transit");
    const second = inputs.corpus("transit");
    loads[0]!.resolve(reading("transit", "before"));
    loads[1]!.resolve(reading("transit", "after"));
    expect(await first).toEqual(reading("transit", "before"));
    expect(await second).toEqual(reading("transit", "after"));
    expect(await inputs.corpus("transit")).toEqual(reading("transit", "after"));
    expect(loads).toHaveLength(2);
  });
});
