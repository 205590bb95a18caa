import { mkdirSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { findProjectBriefs, indexEntries } from "../../../src/preview/briefs.js";
import { PreviewInputs } from "../../../src/preview/inputs.js";
import { runCli } from "../../helpers/cli.js";
import { TempProject } from "../../helpers/project.js";

let project: TempProject | undefined;
afterEach(() => project?.dispose());

// A review: the preview's index judged each brief through the gate but rendered nothing, so a brief whose template
// of the project's own fails as it runs, which validate and build refuse, was listed "balanced".
describe("the preview's index", () => {
  it("lists a brief whose template fails as it runs as having problems, as validate refuses it", async () => {
    project = new TempProject();
    mkdirSync(project.path("templates"), { recursive: true });
    project.write(
      "templates/long.hbs",
      '{{!-- layout: handout --}}\n<!DOCTYPE html>\n<html><head><meta charset="utf-8"></head><body>\n<h1>{{brief.title}}</h1>\n{{#if contents}}<p>{{join brief.counts ", "}}</p>{{/if}}\n</body></html>\n',
    );
    project.replace("briefs/tram-handout.yaml", "template: handout", "template: long");
    const validated = JSON.parse((await runCli(["validate", "--json"], { cwd: project.dir })).stdout) as { briefs: { id: string; status: string }[] };
    expect(validated.briefs.find((b) => b.id === "tram-handout")?.status).toBe("invalid");
    const root = project.dir;
    const entries = await indexEntries(await findProjectBriefs(root, root), { root, cwd: root, inputs: new PreviewInputs({ root, cwd: root }), date: "2024-04-02" });
    expect(Object.fromEntries(entries.map((e) => [e.name, e.verdict]))).toEqual({ "tram-handout": "problems", "tram-memo": "balanced", "tram-one-pager": "balanced" });
  });
});
