import { afterEach, describe, expect, it, vi } from "vitest";
import { buildBriefs } from "../../../src/build/build-briefs.js";
import { FakePrinter } from "../../helpers/fake-printer.js";
import { TempProject } from "../../helpers/project.js";

/**
 * While a tab prints one brief, the build selects and renders the next, so
 * the tab that finishes finds its next document ready. The renderer is
 * watched: each rendering and each print, in the order they happen.
 */
let project: TempProject | undefined;
afterEach(() => project?.dispose());

const events = vi.hoisted(() => ({ list: [] as string[] }));
vi.mock("../../../src/render/render.js", async (importOriginal) => {
  const original = await importOriginal<typeof import("../../../src/render/render.js")>();
  return {
    ...original,
    createRenderer: (...args: Parameters<typeof original.createRenderer>) => {
      const render = original.createRenderer(...args);
      return (...renderArgs: Parameters<typeof render>) => {
        events.list.push(`render ${renderArgs[0].id}`);
        return render(...renderArgs);
      };
    },
  };
});

/** A fake printer that calls `before` with each document's title as it is given one, and waits for it, then prints. */
function watchedPrinter(before: (title: string) => void | Promise<void>): FakePrinter {
  const printer = new FakePrinter();
  const print = printer.printDocument.bind(printer);
  printer.printDocument = async (html, options) => {
    await before(/<title>([^<]*)<\/title>/.exec(html)?.[1] ?? "?");
    return print(html, options);
  };
  return printer;
}

describe("rendering ahead", () => {
  it("renders the next brief while the only tab prints the last one", async () => {
    project = new TempProject();
    events.list = [];
    const printer = watchedPrinter(async (id) => {
      events.list.push(`print ${id}`);
      await new Promise((resolve) => setTimeout(resolve, 30));
      events.list.push(`printed ${id}`);
    });
    await buildBriefs({ root: project.dir, cwd: project.dir, date: "2026-01-15", env: process.env, printer, jobs: 1 });
    const firstPrinted = events.list.findIndex((e) => e.startsWith("printed "));
    const renderedBefore = events.list.slice(0, firstPrinted).filter((e) => e.startsWith("render "));
    // A handout is rendered three times over (its table of contents is tried too): briefs are counted, not renderings.
    expect(new Set(renderedBefore).size).toBe(2);
  });

  // A review: a brief in hand, waiting for its turn when the build was stopped, was still selected and rendered.
  it("renders no brief once the build is stopped, not even one in hand waiting for its turn", async () => {
    project = new TempProject();
    events.list = [];
    const controller = new AbortController();
    const printer = watchedPrinter(() => {
      events.list.push("print");
      controller.abort();
      events.list.push("stopped");
    });
    await buildBriefs({ root: project.dir, cwd: project.dir, date: "2026-01-15", env: process.env, printer, jobs: 1, signal: controller.signal, graceMs: 0 });
    const stoppedAt = events.list.indexOf("stopped");
    expect(stoppedAt).toBeGreaterThan(0);
    expect(events.list.slice(stoppedAt).filter((e) => e.startsWith("render ") && !events.list.slice(0, stoppedAt).includes(e))).toEqual([]);
  });

  // A review: with the turns, a brief that prints nothing (HTML only, or Word) held the next until its files were
  // written: the briefs in hand no longer overlapped their writing.
  it("starts the next brief once one that prints nothing is rendered, while its files are written", async () => {
    project = new TempProject();
    events.list = [];
    await buildBriefs({
      root: project.dir, cwd: project.dir, date: "2026-01-15", env: process.env, printer: new FakePrinter(), jobs: 1, formats: ["html"],
      onBrief: (result) => events.list.push(`done ${result.id}`),
    });
    const firstDone = events.list.findIndex((e) => e.startsWith("done "));
    expect(new Set(events.list.slice(0, firstDone).filter((e) => e.startsWith("render "))).size).toBe(2);
  });

  it("sends a brief to the printer before it renders the next: the tabs do not wait for the briefs rendered ahead", async () => {
    project = new TempProject();
    events.list = [];
    const printer = watchedPrinter((id) => {
      events.list.push(`print ${id}`);
    });
    await buildBriefs({ root: project.dir, cwd: project.dir, date: "2026-01-15", env: process.env, printer, jobs: 2 });
    const firstRenderings = events.list.flatMap((event, index) => (event.startsWith("render ") && events.list.indexOf(event) === index ? [index] : []));
    expect(firstRenderings.length).toBeGreaterThan(2);
    // When a brief is first rendered, each brief rendered before it has been sent (the four in hand at the start
    // were all rendered before the first was sent).
    for (const [count, index] of firstRenderings.entries()) {
      const sent = new Set(events.list.slice(0, index).filter((e) => e.startsWith("print "))).size;
      expect(sent, `briefs sent before ${events.list[index]}`).toBe(count);
    }
  });
});
