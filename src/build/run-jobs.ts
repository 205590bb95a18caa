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
 * printer, when a tab is free) has gone out before the next job's synchronous work holds the event loop.
 */
function turnsInOrder(): () => { ready: Promise<void>; handOff: () => void } {
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

const noHandOff = () => undefined;

/**
 * Run jobs with at most `concurrency` at once; with failFast, start no new job
 * after a failure; once `signal` fires, start no new job at all. If a job
 * throws (a bug), the others stop starting new jobs and are waited for before
 * the error goes on, so nothing runs on unobserved. Returns how many jobs were started.
 *
 * `inTurns`: a job starts only once the one started before it has called its `handOff` (or ended), so that jobs
 * that run synchronously for a while at first (a brief selected and rendered) let each other's next step out
 * first. Whether to start is decided when the turn comes, so a job waiting for it starts nothing once stopped.
 */
export async function runJobs<T>(
  jobs: readonly T[],
  concurrency: number,
  failFast: boolean,
  run: (job: T, handOff: () => void) => Promise<boolean>,
  signal?: AbortSignal,
  inTurns = false,
): Promise<number> {
  let next = 0;
  let stopped = false;
  const going = () => !stopped && signal?.aborted !== true && next < jobs.length;
  const nextTurn = inTurns ? turnsInOrder() : undefined;
  const worker = async () => {
    while (going()) {
      const turn = nextTurn?.();
      if (turn !== undefined) await turn.ready;
      try {
        // Stopped, or the last job taken by another worker, while this one waited for its turn.
        if (!going()) break;
        const job = jobs[next++]!;
        const ok = await run(job, turn?.handOff ?? noHandOff);
        if (!ok && failFast) stopped = true;
      } catch (error) {
        stopped = true;
        throw error;
      } finally {
        turn?.handOff();
      }
    }
  };
  const outcomes = await Promise.allSettled(Array.from({ length: Math.min(concurrency, jobs.length) }, worker));
  const failure = outcomes.find((o): o is PromiseRejectedResult => o.status === "rejected");
  if (failure !== undefined) throw failure.reason;
  return next;
}
