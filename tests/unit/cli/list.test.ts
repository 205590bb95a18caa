import { describe, expect, it } from "vitest";
import { miniProject, runCli } from "../../helpers/cli.js";

describe("brief list", () => {
  const list = (kind: string) => runCli(["list", kind, "--root", "."], { cwd: miniProject });

  it("lists themes with their viewpoints, and viewpoints with their claim counts", async () => {
    expect((await list("themes")).stdout).toMatch(/^worth-building\s+Is the extension worth building\? \(build-it, do-not-build\)\n$/);
    const viewpoints = (await list("viewpoints")).stdout;
    expect(viewpoints).toMatch(/build-it\s+worth-building\s+2 claims\s+Build it/);
    expect(viewpoints).toMatch(/do-not-build\s+worth-building\s+2 claims\s+Do not build it/);
  });

  it("lists sources with their paragraphs and claims, and perspectives with their source and claims (issue 13)", async () => {
    expect((await list("sources")).stdout).toMatch(/^council-hearing\s+6 paragraphs\s+4 claims\s+Council hearing: Council Hearing on the Riverside Tram Extension\n$/);
    const perspectives = (await list("perspectives")).stdout;
    expect(perspectives).toMatch(/^supporters\s+council-hearing\s+1 claim\s+supporters$/m);
    expect(perspectives.trim().split("\n")).toHaveLength(4);
  });

  // A README walk: "claim ids are in the extract (brief check lists them per theme)"; check lists counts, no id.
  it("lists claims with their view, source and paragraph, and their text, for include_claims and exclude_claims", async () => {
    const claims = (await list("claims")).stdout;
    expect(claims).toMatch(/^build-commutes\s+build-it\s+council-hearing:3\s+Supporters expect shorter journeys to work for residents of the northern estates\.$/m);
    expect(claims.trim().split("\n")).toHaveLength(4);
  });

  it("lists briefs with template and title, the templates, and the corpora", async () => {
    expect((await list("briefs")).stdout).toMatch(/tram-memo\s+memo\s+Should Riverside extend the tram\?/);
    expect((await list("templates")).stdout).toMatch(/^memo\s+memo\s+built-in\s+sections: bluf, themes, facts, assumptions, sources, balance$/m);
    expect((await list("corpora")).stdout).toBe("transit\n");
  });

  it("says what can be listed when asked for something else", async () => {
    const result = await list("themse");
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('did you mean "themes"?');
  });
});

describe("--help", () => {
  it("every command prints its usage and exits 0", async () => {
    for (const command of ["build", "validate", "check", "balance", "list", "manifest", "schema", "show", "locate", "source", "init", "new"]) {
      const result = await runCli([command, "--help"]);
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(new RegExp(`^Usage: brief ${command}`));
    }
  });
});
