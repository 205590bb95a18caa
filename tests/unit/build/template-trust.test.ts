import { mkdirSync } from "node:fs";
import { afterEach, describe, expect, it, vi } from "vitest";
import { buildBriefs } from "../../../src/build/build-briefs.js";
import type { BuildOptions } from "../../../src/build/types.js";
import { FakePrinter } from "../../helpers/fake-printer.js";
import { TempProject } from "../../helpers/project.js";

/**
 * The template checker runs once per template set and code: a build whose
 * manifest records that the last build found no error in these very
 * templates trusts that, --force included, and loads no checker.
 */
let project: TempProject | undefined;
afterEach(() => project?.dispose());

/** Every run of the template checker, counted. */
const checker = vi.hoisted(() => ({ runs: 0 }));
vi.mock("../../../src/validate/templates.js", async (importOriginal) => {
  const original = await importOriginal<typeof import("../../../src/validate/templates.js")>();
  return {
    ...original,
    checkTemplates: (...args: Parameters<typeof original.checkTemplates>) => {
      checker.runs++;
      return original.checkTemplates(...args);
    },
  };
});

function build(p: TempProject, options: Partial<BuildOptions> = {}) {
  return buildBriefs({ root: p.dir, cwd: p.dir, date: "2026-01-15", env: process.env, printer: new FakePrinter(), ...options });
}

describe("trusting the last build's template check", () => {
  it("checks the templates on a first build, not on the next (--force too), and again once a template changes", async () => {
    project = new TempProject();
    checker.runs = 0;
    await build(project);
    expect(checker.runs).toBe(1);
    const forced = await build(project, { force: true });
    expect(forced.results.every((r) => r.status === "built")).toBe(true);
    expect(checker.runs).toBe(1);
    mkdirSync(project.path("templates/partials"), { recursive: true });
    project.write("templates/partials/footer-note.hbs", "<p>{{brief.nosuchfield}}</p>");
    const broken = await build(project, { force: true });
    expect(checker.runs).toBe(2);
    expect(broken.diagnostics.map((d) => d.code)).toContain("TEMPLATE_UNKNOWN_FIELD");
    // A set with an error is never trusted: every build reports it until it is fixed.
    await build(project, { force: true });
    expect(checker.runs).toBe(3);
  });
});
