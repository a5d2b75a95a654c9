/**
 * Graceful shutdown: on SIGTERM (or SIGINT) run the registered handlers once (stop taking work,
 * finish or release in-flight jobs, close pools), then exit with code 0. A second signal, or
 * handlers that take longer than `timeoutMs`, exits at once with code 1. Nothing is lost either
 * way: jobs not completed go back to the queue (released, or expired by pg-boss).
 */

export interface ShutdownOptions {
  /** Signals that start the shutdown (default SIGTERM and SIGINT). */
  readonly signals?: readonly NodeJS.Signals[];
  /** Longest time the handlers get before a forced exit (default 30 s). */
  readonly timeoutMs?: number;
  /** Called instead of `process.exit` (tests). */
  readonly exit?: (code: number) => void;
  /** Told when the shutdown starts and why it ends. */
  readonly onEvent?: (event: { readonly type: 'signal' | 'forced' | 'done' | 'failed'; readonly signal?: string; readonly error?: unknown }) => void;
}

/** A registered shutdown: `trigger()` starts it without a signal; `dispose()` unregisters. */
export interface Shutdown {
  /** Resolves when the handlers have run (whatever started the shutdown). */
  readonly done: Promise<void>;
  readonly started: boolean;
  /** Runs the handlers now (no exit afterwards); a second call while running forces exit like a second signal. */
  trigger(): Promise<void>;
  dispose(): void;
}

/**
 * Registers `handler` to run once on the first of `signals`.
 *
 * @example
 * ```ts
 * const shutdown = onShutdown(async () => { await worker.stop(); await store.close(); });
 * ```
 */
export function onShutdown(handler: () => Promise<void>, options: ShutdownOptions = {}): Shutdown {
  const signals = options.signals ?? ['SIGTERM', 'SIGINT'];
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const timeoutMs = options.timeoutMs ?? 30_000;
  let started = false;
  let resolveDone!: () => void;
  const done = new Promise<void>((resolve) => {
    resolveDone = resolve;
  });
  const run = async (signal?: string): Promise<void> => {
    if (started) {
      options.onEvent?.({ type: 'forced', ...(signal === undefined ? {} : { signal }) });
      exit(1);
      return;
    }
    started = true;
    options.onEvent?.({ type: 'signal', ...(signal === undefined ? {} : { signal }) });
    const timer = setTimeout(() => {
      options.onEvent?.({ type: 'forced' });
      exit(1);
    }, timeoutMs);
    timer.unref();
    try {
      await handler();
      options.onEvent?.({ type: 'done' });
      clearTimeout(timer);
      resolveDone();
      if (signal !== undefined) exit(0);
    } catch (error) {
      clearTimeout(timer);
      options.onEvent?.({ type: 'failed', error });
      resolveDone();
      if (signal !== undefined) exit(1);
    }
  };
  const listener = (signal: NodeJS.Signals): void => void run(signal);
  for (const s of signals) process.on(s, listener);
  return {
    done,
    get started() {
      return started;
    },
    trigger: () => run().then(() => done),
    dispose: () => {
      for (const s of signals) process.off(s, listener);
    },
  };
}
