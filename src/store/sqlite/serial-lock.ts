/**
 * Keeps callers of one connection out of an open asynchronous transaction. A call made while
 * nothing is queued runs at once (better-sqlite3 is synchronous, so plain calls cannot
 * interleave); otherwise it waits its turn behind the transaction and earlier callers.
 */
export class SerialLock {
  #tail: Promise<unknown> = Promise.resolve();
  #pending = 0;

  /** Runs `fn` now if the lock is free and `fn` is synchronous work, else after those queued before it. */
  run<T>(fn: () => T | Promise<T>): Promise<T> {
    if (this.#pending === 0) {
      try {
        const value = fn();
        if (!(value instanceof Promise)) return Promise.resolve(value);
        return this.#hold(value);
      } catch (error) {
        return Promise.reject(error);
      }
    }
    return this.#hold(this.#tail.then(fn));
  }

  #hold<T>(promise: Promise<T>): Promise<T> {
    this.#pending += 1;
    const done = promise.finally(() => {
      this.#pending -= 1;
    });
    this.#tail = done.catch(() => undefined);
    return done;
  }
}
