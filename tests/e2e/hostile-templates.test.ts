import { mkdirSync, readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import puppeteer from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findBrowser } from "../../src/print/browser.js";
import { chromiumSandboxOff, puppeteerCachePaths } from "../../src/print/launch.js";
import { contentSecurityPolicy } from "../../src/render/render.js";
import { startSandboxTargets, type SandboxTargets } from "../helpers/canary.js";
import { runBriefProcess, tool, type CliRun } from "../helpers/cli.js";
import { TempProject } from "../helpers/project.js";

/**
 * A project's own templates are printed in the same sandbox as Briefsmith's:
 * hostile templates, a hostile style sheet and a hostile SVG, built by the
 * real `brief` command, reach no network (a canary HTTP server on 127.0.0.1
 * counts every request) and read no file (a secret next to the project must
 * not appear in any PDF). The HTML files, opened in a browser with the
 * network on, load nothing either: the Content-Security-Policy is first in
 * each, whatever the template writes.
 */
const marker = `TEMPLATE-SECRET-${process.pid}-${Date.now().toString(36)}`;
let targets: SandboxTargets | undefined;
let hits: string[] = [];
let canary: string;
let secretUrl: string;
let project: TempProject;
let run: CliRun;

function hostileBody(c: string, secret: string): string {
  return `<p>HOSTILE TEMPLATE BODY</p>
<img src="${c}/img.png" alt=""><img src="${secret}" alt="">
<img src="{{asset "emblem.svg"}}" alt="">
<script src="${c}/script.js"></script><script>fetch("${c}/fetch"); new Image().src = "${c}/js.png";</script>
<link rel="stylesheet" href="${c}/link.css"><link rel="stylesheet" href="${secret}">
<style>@import url("${c}/import.css"); .x { background: url("${c}/bg.png"); } .y { background: url("${secret}"); }</style>
<iframe src="${c}/frame"></iframe><iframe src="${secret}"></iframe>
<object data="${secret}"></object>
<a href="${secret}">a file link</a>
<meta http-equiv="refresh" content="0;url=${c}/refresh">`;
}

beforeAll(async () => {
  targets = await startSandboxTargets(marker, "briefsmith-template-secret-");
  ({ hits, canary, secretUrl } = targets);

  project = new TempProject();
  mkdirSync(project.path("templates/assets"), { recursive: true });
  const body = hostileBody(canary, secretUrl);
  // With Briefsmith's head (and its policy), and with a head of its own that loads things before any policy.
  project.write("templates/hostile.hbs", `{{!-- layout: memo --}}\n{{> head}}\n<body>\n${body}\n{{#each brief.sectionOrder}}{{> (sectionPartial this) @root}}{{/each}}\n</body></html>\n`);
  project.write(
    "templates/headless.hbs",
    `{{!-- layout: one-pager --}}\n<!DOCTYPE html><html><head><link rel="stylesheet" href="${canary}/headless.css"><base href="${canary}/base/"><style>{{{styles}}}</style></head>\n<body><p>HEADLESS TEMPLATE BODY</p><img src="relative.png" alt="">\n${body}\n</body></html>\n`,
  );
  project.write("templates/hostile.css", `@import url("${canary}/css-import.css");\nbody { background-image: url("${canary}/css-bg.png"); }\n@font-face { font-family: f; src: url("${secretUrl}"); }\np { font-family: f, serif; }\n`);
  project.write(
    "templates/assets/emblem.svg",
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10" onload="fetch('${canary}/svg-onload')"><script>fetch("${canary}/svg-script")</script><image href="${canary}/svg-image.png" width="5" height="5"/><use xlink:href="${canary}/svg-use.svg#x"/><foreignObject><iframe src="${canary}/svg-frame"></iframe></foreignObject><style>@import url("${canary}/svg-import.css");</style><circle cx="5" cy="5" r="4" fill="#135" style="fill: url(${canary}/svg-fill)"/></svg>`,
  );
  project.replace("briefs/tram-memo.yaml", "template: memo", "template: hostile");
  project.replace("briefs/tram-one-pager.yaml", "template: one-pager", "template: headless");
  run = await runBriefProcess(["build", "--root", "."], { cwd: project.dir });
}, 180_000);

afterAll(async () => {
  project?.dispose();
  await targets?.close();
});

describe("hostile templates of a project's own, built by the real CLI", () => {
  it("build, and nothing reaches the canary", async () => {
    expect(run.stderr).not.toMatch(/internal error|    at /);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/✓ tram-memo\s/);
    expect(run.stdout).toMatch(/✓ tram-one-pager\s/);
    // The policy stops most requests before the printer's interception sees them; whatever gets past it is blocked there.
    expect(hits).toEqual([]);
  });

  it("are warned of where they name something to load: it would be missing from the PDF", () => {
    const output = run.stdout + run.stderr;
    for (const file of ["templates/hostile.hbs", "templates/headless.hbs", "templates/hostile.css"]) {
      expect(output).toMatch(new RegExp(`^${file.replace(/\./g, "\\.")}:\\d+:\\d+: warning TEMPLATE_LOADS_NOTHING: `, "m"));
    }
    expect(output).toContain('src="relative.png" is never loaded');
  });

  it("print their own text and no secret", async () => {
    for (const [id, visible] of [
      ["tram-memo", "HOSTILE TEMPLATE BODY"],
      ["tram-one-pager", "HEADLESS TEMPLATE BODY"],
    ]) {
      const text = await tool("pdftotext", [project.path(`output/${id}.pdf`), "-"]);
      expect(text).toContain(visible);
      expect(text).not.toContain(marker);
    }
  });

  it("embed the SVG sanitised: nothing in it leads anywhere", () => {
    const html = readFileSync(project.path("output/tram-memo.html"), "utf8");
    const uri = /src="data:image\/svg\+xml;base64,([^"]+)"/.exec(html);
    expect(uri).not.toBeNull();
    const svg = Buffer.from(uri![1]!, "base64").toString("utf8");
    expect(svg).toContain("<circle");
    expect(svg).not.toContain("127.0.0.1");
    expect(svg).not.toMatch(/<script|onload|foreignObject|@import/i);
  });

  it("write HTML files that open with the policy first, and load nothing in a browser with the network on", async () => {
    // A browser as a reader would open the files in: Puppeteer's own launch, not Briefsmith's sandboxed printer.
    const location = await findBrowser({ env: process.env, puppeteerCachePaths });
    const browser = await puppeteer.launch({
      executablePath: location.executablePath,
      headless: location.headlessShell ? "shell" : true,
      args: chromiumSandboxOff(process.env) ? ["--no-sandbox"] : [],
    });
    try {
      for (const id of ["tram-memo", "tram-one-pager"]) {
        const path = project.path(`output/${id}.html`);
        const html = readFileSync(path, "utf8");
        expect(html.slice(0, 400)).toContain(`<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy}">`);
        // A redirect is the one thing a policy cannot stop: the tag is gone from the document.
        expect(html).not.toMatch(/http-equiv="refresh"/i);
        const page = await browser.newPage();
        try {
          await page.setJavaScriptEnabled(false);
          await page.goto(pathToFileURL(path).href, { waitUntil: "load", timeout: 20_000 });
          await new Promise((resolve) => setTimeout(resolve, 500));
        } finally {
          await page.close();
        }
      }
    } finally {
      await browser.close();
    }
    expect(hits).toEqual([]);
  });
});
