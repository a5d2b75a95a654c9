/**
 * Who may use the HTTP API, and what a browser may do with it (threat model in DESIGN.md,
 * "Serving on a shared network"). Middleware for `createApp`, in this order:
 *
 * 1. Security headers on every answer (hono `secureHeaders`): a strict Content-Security-Policy
 *    that the page satisfies (its scripts and styles are files of this origin, nothing inline),
 *    `nosniff`, `frame-ancestors 'none'` and `X-Frame-Options: DENY`, `no-referrer`.
 * 2. Host allow-list against DNS rebinding: the `Host` must be an IP address, `localhost`, or a
 *    name given in `allowedHosts` (the name a reverse proxy forwards).
 * 3. CORS, off unless origins are listed (hono `cors` for those); `OPTIONS` is answered either
 *    way (204 with `Allow`), so a preflight from an unlisted origin gets no CORS grant.
 * 4. For writes (any method but GET, HEAD, OPTIONS): a browser request from another origin is
 *    refused (its `Origin` differs from the `Host` and is not listed, or `Sec-Fetch-Site` says
 *    `cross-site` / `same-site`).
 * 5. With a token: writes (and with `privateReads` every `/api` and `/openapi.json` request)
 *    need `Authorization: Bearer <token>` (hono `bearerAuth`, compared in constant time).
 *    Without one: writes must be sent as JSON (`application/json`, JSON lines), so no "simple"
 *    cross-origin request (text/plain, a form) can write even from a browser that sends no Origin.
 */
import { isIP } from 'node:net';
import type { Context, MiddlewareHandler } from 'hono';
import { bearerAuth } from 'hono/bearer-auth';
import { cors } from 'hono/cors';
import { secureHeaders } from 'hono/secure-headers';
import { ProblemError, problemResponse } from './problem.js';

/** Access options of `createApp` (all off by default: no token, no CORS, loopback names only). */
export interface AccessOptions {
  /** Bearer token required for writes (and for reads with `privateReads`); null or absent: none. */
  readonly token?: string | null;
  /** Reads need the token too. */
  readonly privateReads?: boolean;
  /** Origins (`https://dash.example.org`) allowed cross-origin requests (CORS); default none. */
  readonly corsOrigins?: readonly string[];
  /** Host names accepted besides IP addresses and `localhost` (case-insensitive). */
  readonly allowedHosts?: readonly string[];
}

/** The characters a token may hold (those of RFC 6750's b64token), and its shortest length. */
export const TOKEN_PATTERN = /^[A-Za-z0-9._~+/-]+=*$/;
export const MIN_TOKEN_LENGTH = 16;

/** Why `token` cannot be used, or null when it can. */
export function tokenProblem(token: string): string | null {
  if (!TOKEN_PATTERN.test(token)) return 'a token may hold only letters, digits and . _ ~ + / - (then = padding)';
  if (token.length < MIN_TOKEN_LENGTH) return `a token must be at least ${MIN_TOKEN_LENGTH} characters long (for example: openssl rand -hex 32)`;
  return null;
}

/** The page's Content-Security-Policy: only files of this origin, no inline code, no framing. */
export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  fontSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'none'"],
  frameAncestors: ["'none'"],
};

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const JSON_TYPES = /^application\/(?:json|[\w.+-]+\+json|x-ndjson|jsonl|x-jsonlines|jsonlines)\s*(?:;|$)/i;

const forbidden = (slug: string, title: string, detail: string): ProblemError => new ProblemError(403, slug, title, detail);

/** The host name of a `Host` header value (no port, IPv6 without brackets), lower case. */
function hostName(host: string): string {
  const h = host.trim().toLowerCase();
  if (h.startsWith('[')) return h.slice(1, h.indexOf(']') < 0 ? undefined : h.indexOf(']'));
  const colon = h.lastIndexOf(':');
  return colon < 0 ? h : h.slice(0, colon);
}

/** The `Host` the client asked for (the header, else the URL's, as in `app.request()`). */
function requestHost(c: Context): string {
  return c.req.header('host') ?? new URL(c.req.url).host;
}

/** The access middleware of `createApp`, in order (see the module comment). */
export function accessControl(options: AccessOptions = {}): MiddlewareHandler[] {
  const token = options.token ?? null;
  if (token !== null) {
    const problem = tokenProblem(token);
    if (problem !== null) throw new Error(`invalid API token: ${problem}`);
  }
  const hosts = new Set(['localhost', ...(options.allowedHosts ?? []).map((h) => h.toLowerCase())]);
  const origins = new Set(options.corsOrigins ?? []);
  const handlers: MiddlewareHandler[] = [];

  handlers.push(
    secureHeaders({
      contentSecurityPolicy: CONTENT_SECURITY_POLICY,
      xFrameOptions: 'DENY',
      // Served over plain HTTP; a TLS reverse proxy sets its own.
      strictTransportSecurity: false,
    }),
  );

  handlers.push(async (c, next) => {
    const name = hostName(requestHost(c));
    if (isIP(name) === 0 && !hosts.has(name)) {
      throw forbidden(
        'host-not-allowed',
        'Host not allowed',
        `The Host "${name.slice(0, 100)}" is not one this server answers to (an IP address, localhost, or a name given with --allow-host).`,
      );
    }
    await next();
  });

  if (origins.size > 0) {
    handlers.push(
      cors({
        origin: [...origins],
        allowMethods: ['GET', 'HEAD', 'POST', 'OPTIONS'],
        allowHeaders: ['Authorization', 'Content-Type'],
        maxAge: 600,
      }),
    );
  }
  handlers.push(async (c, next) => {
    if (c.req.method !== 'OPTIONS') return next();
    const origin = c.req.header('origin');
    if (origin !== undefined && c.req.header('access-control-request-method') !== undefined && !origins.has(origin)) {
      throw forbidden('cross-origin', 'Cross-origin request refused', `Origin ${origin.slice(0, 200)} may not use this API (no CORS grant; see --cors-origin).`);
    }
    return c.body(null, 204, { allow: 'GET, HEAD, POST, OPTIONS' });
  });

  handlers.push(async (c, next) => {
    if (SAFE_METHODS.has(c.req.method)) return next();
    const origin = c.req.header('origin');
    if (origin !== undefined && !origins.has(origin) && !sameOrigin(origin, requestHost(c))) {
      throw forbidden('cross-origin', 'Cross-origin write refused', `A page from ${origin.slice(0, 200)} may not write to this API (see --cors-origin).`);
    }
    const site = c.req.header('sec-fetch-site');
    if ((site === 'cross-site' || site === 'same-site') && (origin === undefined || !origins.has(origin))) {
      throw forbidden('cross-origin', 'Cross-origin write refused', `A ${site} browser request may not write to this API.`);
    }
    return next();
  });

  if (token !== null) {
    const problemMessage = (status: 400 | 401, slug: string, title: string, detail: string) => (c: Context) => problemResponse(c, new ProblemError(status, slug, title, detail));
    const auth = bearerAuth({
      token,
      realm: 'sitrep',
      noAuthenticationHeader: { message: problemMessage(401, 'unauthorized', 'Authentication required', 'Send the API token as "Authorization: Bearer <token>".') },
      invalidAuthenticationHeader: { message: problemMessage(400, 'bad-authorization', 'Malformed Authorization header', 'Expected "Authorization: Bearer <token>".') },
      invalidToken: { message: problemMessage(401, 'unauthorized', 'Invalid token', 'The API token is not valid.') },
    });
    const guarded = (path: string): boolean => path.startsWith('/api/') || path === '/api' || path === '/openapi.json';
    handlers.push(async (c, next) => {
      if (!SAFE_METHODS.has(c.req.method) || (options.privateReads === true && guarded(c.req.path))) return auth(c, next);
      return next();
    });
  } else {
    handlers.push(async (c, next) => {
      if (SAFE_METHODS.has(c.req.method) || JSON_TYPES.test(c.req.header('content-type') ?? '')) return next();
      throw new ProblemError(
        415,
        'json-required',
        'JSON body required',
        'Without an API token, writes must be sent as JSON (Content-Type: application/json or application/x-ndjson): put a page or plain text in the "html" or "text" field of an article object, or start the server with a token (--token) to post them as they are.',
      );
    });
  }
  return handlers;
}

/** True when `origin` (`scheme://host[:port]`) names the host the request was sent to. */
function sameOrigin(origin: string, host: string): boolean {
  try {
    return new URL(origin).host.toLowerCase() === host.trim().toLowerCase();
  } catch {
    return false;
  }
}
