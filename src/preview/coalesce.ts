/**
 * A task run one at a time, however often it is asked for: a request that
 * arrives while it runs is merged with any others into one more run after
 * it. `request()` resolves once a run that started after the call has
 * finished. The task must not reject.
 */
export class Coalescer {
  readonly #task: () => Promise<void>;
  #dirty = false;
  #running: Promise<void> | undefined;

  constructor(task: () => Promise<void>) {
    this.#task = task;
  }

  request(): Promise<void> {
    this.#dirty = true;
    return (this.#running ??= this.#loop());
  }

  async #loop(): Promise<void> {
    while (this.#dirty) {
      this.#dirty = false;
      await this.#task();
    }
    // Cleared with no await after the last check, so a request from now on starts a new loop.
    this.#running = undefined;
  }
}
