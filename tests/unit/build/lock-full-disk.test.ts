import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { acquireOutputLock, lockFileName } from "../../../src/output/lock.js";

// A disk with room for the lock file's name but not its content: writing the holder fails.
const disk = vi.hoisted(() => ({ full: false }));
vi.mock("node:fs", async (importOriginal) => {
  const real = await importOriginal<typeof import("node:fs")>();
  return {
    ...real,
    writeSync: (...args: Parameters<typeof real.writeSync>) => {
      if (disk.full) throw Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
      return (real.writeSync as (...a: unknown[]) => number)(...args);
    },
  };
});

let dir: string | undefined;
afterEach(() => {
  disk.full = false;
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("the output folder's lock on a full disk", () => {
  it("is an OUTPUT_NOT_WRITABLE error naming ENOSPC, not an internal error, and leaves no empty lock file behind", async () => {
    dir = mkdtempSync(join(tmpdir(), "briefsmith-lock-full-"));
    disk.full = true;
    await expect(acquireOutputLock(dir)).rejects.toMatchObject({
      name: "BriefsmithError",
      code: "OUTPUT_NOT_WRITABLE",
      message: expect.stringContaining("ENOSPC"),
    });
    expect(existsSync(join(dir, lockFileName))).toBe(false);
  });
});
