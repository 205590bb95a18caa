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

describe("rendering ahead", () => {
  it("renders the next brief while the only tab prints the last one", async () => {
    project = new TempProject();
    events.list = [];
    const printer = new FakePrinter();
    const print = printer.printDocument.bind(printer);
    printer.printDocument = async (html, options) => {
      const id = /<title>([^<]*)<\/title>/.exec(html)?.[1] ?? "?";
      events.list.push(`print ${id}`);
      await new Promise((resolve) => setTimeout(resolve, 30));
      events.list.push(`printed ${id}`);
      return print(html, options);
    };
    await buildBriefs({ root: project.dir, cwd: project.dir, date: "2026-01-15", env: process.env, printer, jobs: 1 });
    const firstPrinted = events.list.findIndex((e) => e.startsWith("printed "));
    const renderedBefore = events.list.slice(0, firstPrinted).filter((e) => e.startsWith("render "));
    // A handout is rendered three times over (its table of contents is tried too): briefs are counted, not renderings.
    expect(new Set(renderedBefore).size).toBe(2);
  });
});
