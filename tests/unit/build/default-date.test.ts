import { afterEach, describe, expect, it, vi } from "vitest";
import { loadCorpus, renderBrief, validateBriefs } from "../../../src/index.js";
import { TempProject } from "../../helpers/project.js";

let project: TempProject | undefined;
afterEach(() => {
  project?.dispose();
  vi.unstubAllEnvs();
});

// A library user: with SOURCE_DATE_EPOCH set, buildBriefs dated an undated brief 15 February 2016, while
// renderBrief and validateBriefs took today: a service and the nightly job printed, and judged, different dates.
describe("the date of a brief that sets none, in the library", () => {
  it("is SOURCE_DATE_EPOCH's for renderBrief and validateBriefs, as for buildBriefs", async () => {
    project = new TempProject();
    project.replace("briefs/tram-memo.yaml", "date: 2024-04-02\n", "");
    vi.stubEnv("SOURCE_DATE_EPOCH", "1711929600"); // 1 April 2024, UTC
    const corpus = await loadCorpus(project.path("sources/transit"));
    const rendered = await renderBrief(project.read("briefs/tram-memo.yaml"), corpus);
    expect(rendered.model.date).toBe("2024-04-01");
    const validated = await validateBriefs({ root: project.dir, cwd: project.dir, paths: [project.path("briefs/tram-memo.yaml")] });
    expect(validated.briefs[0]!.gated?.model.date).toBe("2024-04-01");
    // A date given is the date used.
    expect((await renderBrief(project.read("briefs/tram-memo.yaml"), corpus, { date: "2024-05-02" })).model.date).toBe("2024-05-02");
  });
});
