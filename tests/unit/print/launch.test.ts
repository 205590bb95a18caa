import { describe, expect, it, vi } from "vitest";

const { launch } = vi.hoisted(() => ({ launch: vi.fn(async (_options: { headless: unknown }) => ({ process: () => null })) }));
vi.mock("../../../src/print/puppeteer.js", () => ({ loadPuppeteer: () => ({ launch }) }));

describe("launchBrowser", () => {
  it("starts a headless shell in Puppeteer's shell mode and a full browser in its new headless mode", async () => {
    const { launchBrowser } = await import("../../../src/print/launch.js");
    await launchBrowser({ executablePath: "/usr/lib/chromium/chromium-headless-shell", foundBy: "system", headlessShell: true });
    await launchBrowser({ executablePath: "/usr/bin/chromium", foundBy: "system", headlessShell: false });
    expect(launch.mock.calls.map(([options]) => options.headless)).toEqual(["shell", true]);
  });
});
