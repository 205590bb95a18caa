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
