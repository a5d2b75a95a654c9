/** `sitrep serve`: the HTTP API and the web page over the configured store, until interrupted. */
import type { AccessOptions } from '../../api/access-control.js';
import { startServer, DEFAULT_PORT } from '../../api/start-server.js';
import { createResolver } from '../../resolve/create-resolver.js';
import { openStore } from '../../store/open-store.js';

export interface ServeOptions {
  readonly db: string | undefined;
  /** Token, private reads, CORS origins, extra host names (`src/api/access-control.ts`). */
  readonly access?: AccessOptions;
  readonly port: number | undefined;
  readonly host: string | undefined;
}

/** Serves until SIGINT/SIGTERM; resolves to the exit code. */
export async function runServe(opts: ServeOptions): Promise<number> {
  // Reads never queue behind the transaction of a large article being stored (#16).
  const store = await openStore(opts.db, { separateReader: true });
  let server;
  try {
    server = await startServer({ store, resolver: () => createResolver(), port: opts.port ?? DEFAULT_PORT, host: opts.host ?? '127.0.0.1', ...(opts.access ? { access: opts.access } : {}) });
  } catch (err) {
    await store.close();
    process.stderr.write(`sitrep: cannot listen on ${opts.host ?? '127.0.0.1'}:${opts.port ?? DEFAULT_PORT}: ${(err as Error).message}\n`);
    return 1;
  }
  const [articles, events] = [await store.countArticles(), await store.countEvents()];
  process.stdout.write(`sitrep: serving ${articles} article(s), ${events} event(s) at ${server.url}/ (API ${server.url}/api/events, OpenAPI ${server.url}/openapi.json); ${accessLine(opts.access)}; Ctrl-C to stop\n`);
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  await server.close();
  await store.close();
  return 0;
}

/** One line on what the server lets in. */
function accessLine(access: AccessOptions | undefined): string {
  if (!access?.token) return 'no API token: writes only as JSON and from this origin';
  return access.privateReads ? 'API token required for every API request' : 'API token required for writes';
}
