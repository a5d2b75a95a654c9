/**
 * Health and readiness for `sitrep serve` and `sitrep worker`, framework-free so any HTTP server
 * can mount them: `handle(path)` answers `/healthz` (liveness: the process runs its event loop)
 * and `/readyz` (readiness: every check passes and the process is not draining), else null.
 *
 * @example
 * ```ts
 * const health = createHealth({ checks: { database: () => store.countArticles().then(() => undefined) } });
 * app.get('/healthz', () => health.handle('/healthz')); // Hono: return the Response
 * onShutdown(async () => { health.setDraining(); ... });
 * ```
 */

/** A readiness check: resolves when healthy, throws (or times out) otherwise. */
export type HealthCheck = () => Promise<void>;

export interface HealthOptions {
  readonly checks?: Readonly<Record<string, HealthCheck>>;
  /** A check slower than this fails (default 2000 ms). */
  readonly timeoutMs?: number;
}

/** The JSON body of both endpoints. */
export interface HealthReport {
  readonly status: 'ok' | 'unavailable';
  readonly draining?: boolean;
  readonly checks?: Readonly<Record<string, 'ok' | string>>;
  readonly uptime_s: number;
}

export interface Health {
  /** Liveness: always ok while the process answers. */
  liveness(): HealthReport;
  /** Readiness: runs every check (in parallel, with the timeout). */
  readiness(): Promise<HealthReport>;
  /** From now on readiness fails (load balancers stop sending work) while shutdown completes. */
  setDraining(): void;
  /** A `Response` for `/healthz` or `/readyz` (200 or 503, JSON), or null for other paths. */
  handle(path: string): Promise<Response | null>;
}

function withTimeout(check: HealthCheck, ms: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
    check().then(
      () => {
        clearTimeout(timer);
        resolve();
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

/** Creates the health endpoints' logic. */
export function createHealth(options: HealthOptions = {}): Health {
  const started = Date.now();
  const timeoutMs = options.timeoutMs ?? 2000;
  let draining = false;
  const uptime = (): number => Math.round((Date.now() - started) / 1000);
  const health: Health = {
    liveness: () => ({ status: 'ok', uptime_s: uptime() }),
    async readiness() {
      const results: Record<string, string> = {};
      await Promise.all(
        Object.entries(options.checks ?? {}).map(async ([name, check]) => {
          try {
            await withTimeout(check, timeoutMs);
            results[name] = 'ok';
          } catch (error) {
            results[name] = error instanceof Error ? error.message : String(error);
          }
        }),
      );
      const ok = !draining && Object.values(results).every((r) => r === 'ok');
      return { status: ok ? 'ok' : 'unavailable', draining, checks: results, uptime_s: uptime() };
    },
    setDraining: () => {
      draining = true;
    },
    async handle(path) {
      const report = path === '/healthz' ? health.liveness() : path === '/readyz' ? await health.readiness() : null;
      if (report === null) return null;
      return new Response(JSON.stringify(report), {
        status: report.status === 'ok' ? 200 : 503,
        headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
      });
    },
  };
  return health;
}
