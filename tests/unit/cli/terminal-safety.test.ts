import { mkdirSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { runCli } from "../../helpers/cli.js";
import { TempProject } from "../../helpers/project.js";

/**
 * Text from briefs and extracts never reaches the terminal as control
 * characters: an escape sequence in a title could clear the screen, rewrite
 * what a reviewer sees, or set the window title. Every line Briefsmith prints
 * goes through one sanitiser.
 */
const escape = "\u001b]0;owned\u0007\u001b[2J\u001b[1A";
const bidi = "\u202e"; // right-to-left override: reorders what follows on screen

let project: TempProject | undefined;
afterEach(() => project?.dispose());

function hostileProject(): TempProject {
  const p = new TempProject();
  const q = (text: string) => JSON.stringify(text); // a YAML double-quoted string may carry \u escapes
  p.replace("briefs/tram-memo.yaml", "title: Should Riverside extend the tram?", `title: ${q(`Tram ${escape}memo${bidi}`)}`);
  p.replace("sources/transit/corpus.yaml", "title: Is the extension worth building?", `title: ${q(`Worth ${escape}building${bidi}`)}`);
  p.replace("sources/transit/corpus.yaml", "label: Build it", `label: ${q(`Build ${escape}it`)}`);
  p.replace("sources/transit/corpus.yaml", "short_name: Council hearing", `short_name: ${q(`Council ${escape}hearing`)}`);
  return p;
}

const clean = (text: string) => !/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/.test(text);

describe("terminal output", () => {
  for (const args of [["list", "briefs"], ["list", "themes"], ["list", "viewpoints"], ["balance"], ["check"], ["validate"]]) {
    it(`brief ${args.join(" ")} prints no control character from the input`, async () => {
      project = hostileProject();
      const run = await runCli([...args, "--root", "."], { cwd: project.dir });
      expect(run.stdout + run.stderr).toMatch(/Tram|Worth|Build|Council|brief/);
      expect(clean(run.stdout), JSON.stringify(run.stdout)).toBe(true);
      expect(clean(run.stderr), JSON.stringify(run.stderr)).toBe(true);
    });
  }

  // A line break inside a name or title started a line of its own: "::error file=x::…" is a GitHub
  // Actions workflow command wherever it starts a line of a job's log, whatever the reporter.
  const forged = "\n::error file=x::FORGED";
  const forgedLine = /^(::|✓ FORGED)/m;

  it("a line break in a brief's file name does not start a line of its own, in validate, build or list", async () => {
    project = new TempProject();
    project.write(`briefs/evil${forged}.yaml`, "title: T\ntemplate: memo\ncorpus: transit\n");
    for (const args of [["validate"], ["build", "--format", "html"], ["list", "briefs"], ["balance"]]) {
      const run = await runCli([...args, "--root", "."], { cwd: project.dir });
      expect(run.stdout + run.stderr).toContain("FORGED");
      expect(run.stdout, args.join(" ")).not.toMatch(forgedLine);
      expect(run.stderr, args.join(" ")).not.toMatch(forgedLine);
    }
  });

  it("a line break in a corpus folder's name does not start a line of its own, in a list or a usage error's hint", async () => {
    project = new TempProject();
    mkdirSync(project.path(`sources/x${forged}`));
    for (const args of [["list", "corpora"], ["list", "themes", "--corpus", "nope"], ["new", "brief", "zz", "--corpus", "nope"]]) {
      const run = await runCli([...args, "--root", "."], { cwd: project.dir });
      expect(run.stdout + run.stderr, args.join(" ")).toContain("FORGED");
      expect(run.stdout, args.join(" ")).not.toMatch(forgedLine);
      expect(run.stderr, args.join(" ")).not.toMatch(forgedLine);
    }
  });

  it("a line break in a title or label does not start a line of its own in brief list", async () => {
    project = new TempProject();
    const q = (text: string) => JSON.stringify(text);
    project.replace("briefs/tram-memo.yaml", "title: Should Riverside extend the tram?", `title: ${q(`Tram${forged}`)}`);
    project.replace("sources/transit/corpus.yaml", "title: Is the extension worth building?", `title: ${q(`Worth${forged}`)}`);
    project.replace("sources/transit/corpus.yaml", "label: Build it", `label: ${q(`Build\u2028${forged}`)}`);
    for (const kind of ["briefs", "themes", "viewpoints", "sources"]) {
      const run = await runCli(["list", kind, "--root", "."], { cwd: project.dir });
      expect(run.stdout, kind).not.toMatch(forgedLine);
      expect(run.stdout, kind).not.toContain("\u2028");
    }
  });

  it("a brief file name with an escape sequence is shown without it", async () => {
    project = new TempProject();
    project.write(`briefs/x${escape}.yaml`, "title: T\ntemplate: memo\ncorpus: transit\n");
    const run = await runCli(["validate", "--root", "."], { cwd: project.dir });
    expect(run.code).toBe(1);
    expect(clean(run.stdout) && clean(run.stderr)).toBe(true);
  });
});
