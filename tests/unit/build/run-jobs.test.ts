import { describe, expect, it } from "vitest";
import { runJobs, taskSlots } from "../../../src/build/run-jobs.js";

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe("runJobs", () => {
  it("runs every job, never more than `concurrency` at once", async () => {
    let running = 0;
    let peak = 0;
    const done: number[] = [];
    await runJobs([1, 2, 3, 4, 5, 6, 7], 3, false, async (job) => {
      running++;
      peak = Math.max(peak, running);
      await tick();
      running--;
      done.push(job);
      return job % 2 === 0;
    });
    expect(done.sort()).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(peak).toBe(3);
  });

  it("with failFast, starts no job after one reports failure", async () => {
    const started: number[] = [];
    await runJobs([1, 2, 3, 4, 5, 6], 2, true, async (job) => {
      started.push(job);
      await tick();
      return job !== 2;
    });
    expect(started).toEqual([1, 2, 3]);
  });

  it("when a job throws, waits for the others to finish before passing the error on", async () => {
    const finished: number[] = [];
    const run = runJobs([1, 2, 3, 4], 2, false, async (job) => {
      if (job === 1) throw new Error("bug");
      await tick();
      await tick();
      finished.push(job);
      return true;
    });
    await expect(run).rejects.toThrow("bug");
    expect(finished).toEqual([2]);
  });
});

describe("runJobs in turns", () => {
  it("starts a job once the one before it has handed off, and a job that hands off early overlaps the next", async () => {
    const events: string[] = [];
    await runJobs([1, 2, 3], 3, false, async (job, handOff) => {
      events.push(`start ${job}`);
      if (job !== 2) handOff();
      await tick();
      events.push(`end ${job}`);
      return true;
    }, undefined, true);
    // 2 starts while 1 runs on (1 handed off at once); 3 waits for 2, which never hands off, to end.
    expect(events.indexOf("start 2")).toBeLessThan(events.indexOf("end 1"));
    expect(events.indexOf("start 3")).toBeGreaterThan(events.indexOf("end 2"));
  });

  // A review: a job taken up before the build was stopped, and waiting for its turn, still ran once the turn came
  // (a brief selected and rendered after Ctrl+C, and counted as started).
  it("starts nothing once stopped, not even a job that was waiting for its turn", async () => {
    const controller = new AbortController();
    const started: number[] = [];
    const count = await runJobs([1, 2, 3, 4], 4, false, async (job, handOff) => {
      started.push(job);
      controller.abort();
      handOff();
      await tick();
      return true;
    }, controller.signal, true);
    expect(started).toEqual([1]);
    expect(count).toBe(1);
  });

  it("with failFast, starts no job waiting for its turn after one reports failure", async () => {
    const started: number[] = [];
    await runJobs([1, 2, 3, 4], 4, true, async (job) => {
      started.push(job);
      await tick();
      return job !== 1;
    }, undefined, true);
    expect(started).toEqual([1]);
  });
});

describe("taskSlots", () => {
  it("runs at most its count at once, the others in the order they came, and says how long each waited", async () => {
    const slot = taskSlots(2);
    let running = 0;
    let most = 0;
    const order: number[] = [];
    const task = (n: number) => async () => {
      most = Math.max(most, ++running);
      order.push(n);
      await new Promise((resolve) => setTimeout(resolve, 15));
      running--;
      return n;
    };
    const results = await Promise.all([1, 2, 3, 4, 5].map((n) => slot(task(n))));
    expect(results.map((r) => r.value)).toEqual([1, 2, 3, 4, 5]);
    expect(most).toBe(2);
    expect(order).toEqual([1, 2, 3, 4, 5]);
    expect(results[0]!.waitedMs).toBeLessThan(10);
    expect(results[4]!.waitedMs).toBeGreaterThanOrEqual(25);
  });

  it("frees the slot of a task that fails", async () => {
    const slot = taskSlots(1);
    await expect(slot(async () => Promise.reject(new Error("no")))).rejects.toThrow("no");
    expect((await slot(async () => "next")).value).toBe("next");
  });
});
