/**
 * A gate that lets at most `count` tasks run at once; the others wait their
 * turn, in order. Returns the task's result and how long it waited.
 */
export function taskSlots(count: number): <T>(task: () => Promise<T>) => Promise<{ value: T; waitedMs: number }> {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async (task) => {
    const asked = performance.now();
    if (running >= count) await new Promise<void>((resolve) => waiting.push(resolve));
    else running++;
    const waitedMs = performance.now() - asked;
    try {
      return { value: await task(), waitedMs };
    } finally {
      // The slot passes straight to the next in line, or is freed.
      const next = waiting.shift();
      if (next !== undefined) next();
      else running--;
    }
  };
}

/**
 * Turns taken in order: each call's `ready` settles once the call before it has handed off (or `handOff` was
 * called for it some other way), and a macrotask later, so that what that job set going (a document sent to the
 * printer) has gone out before the next job's synchronous work holds the event loop.
 */
export function turnsInOrder(): () => { ready: Promise<void>; handOff: () => void } {
  let last: Promise<void> = Promise.resolve();
  return () => {
    const ready = last;
    let handOff!: () => void;
    last = new Promise<void>((resolve) => {
      handOff = () => setImmediate(resolve);
    });
    return { ready, handOff };
  };
}

/**
 * Run jobs with at most `concurrency` at once; with failFast, start no new job
 * after a failure; once `signal` fires, start no new job at all. If a job
 * throws (a bug), the others stop starting new jobs and are waited for before
 * the error goes on, so nothing runs on unobserved. Returns how many jobs were started.
 */
export async function runJobs<T>(
  jobs: readonly T[],
  concurrency: number,
  failFast: boolean,
  run: (job: T) => Promise<boolean>,
  signal?: AbortSignal,
): Promise<number> {
  let next = 0;
  let stopped = false;
  const worker = async () => {
    while (!stopped && signal?.aborted !== true && next < jobs.length) {
      const job = jobs[next++]!;
      try {
        const ok = await run(job);
        if (!ok && failFast) stopped = true;
      } catch (error) {
        stopped = true;
        throw error;
      }
    }
  };
  const outcomes = await Promise.allSettled(Array.from({ length: Math.min(concurrency, jobs.length) }, worker));
  const failure = outcomes.find((o): o is PromiseRejectedResult => o.status === "rejected");
  if (failure !== undefined) throw failure.reason;
  return next;
}
