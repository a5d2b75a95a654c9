/** Starting the app on a TCP port with @hono/node-server (used by `sitrep serve`, browser tests and the bench). */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { type AppOptions, createApp } from './create-app.js';

/** The port `sitrep serve` listens on when `--port` is not given. */
export const DEFAULT_PORT = 8787;

/** True for a host that only this machine can reach: `localhost`, 127.0.0.0/8, `::1`. */
export function isLoopbackHost(host: string): boolean {
  const h = host.trim().toLowerCase().replace(/^\[(.*)\]$/, '$1');
  return h === 'localhost' || h === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}

/** A running server. */
export interface RunningServer {
  /** `http://host:port` (no trailing slash). */
  readonly url: string;
  readonly port: number;
  /** Stops accepting connections and resolves when the server is closed (the store stays open). */
  close(): Promise<void>;
}

/**
 * Serves {@link createApp} on `host:port` (port 0 picks a free one) and resolves once listening.
 * Without an API token (`options.access.token`) only a loopback host is accepted.
 *
 * @example
 * ```ts
 * const server = await startServer({ store, port: 0 });
 * console.log(server.url); await server.close();
 * ```
 */
export function startServer(options: AppOptions & { readonly port?: number; readonly host?: string }): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  if (!isLoopbackHost(host) && !options.access?.token) {
    return Promise.reject(new Error(`serving on ${host} (not a loopback address) needs an API token: anyone who can reach the port could write`));
  }
  const app = createApp(options);
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port: options.port ?? DEFAULT_PORT, hostname: host }, (info: AddressInfo) => {
      const shown = host.includes(':') ? `[${host}]` : host;
      resolve({
        url: `http://${shown}:${info.port}`,
        port: info.port,
        close: () =>
          new Promise<void>((done) => {
            if ('closeAllConnections' in server) server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
    server.once('error', reject);
  });
}
