/**
 * RFC 9457 problem details: every API error is `application/problem+json` with a stable `type`,
 * a short `title`, the HTTP `status` and a `detail` a person can act on. Never a stack trace.
 */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ZodError } from 'zod';
import { StoreError } from '../store/errors.js';

/** Media type of problem responses. */
export const PROBLEM_TYPE = 'application/problem+json';

/** One invalid input: where (`query.limit`, `body`…) and why. */
export interface InvalidParam {
  readonly name: string;
  readonly reason: string;
}

/** The JSON body of a problem response. */
export interface Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly instance?: string;
  readonly invalid_params?: readonly InvalidParam[];
}

/** An error that becomes a problem response with its status (thrown by route handlers). */
export class ProblemError extends Error {
  readonly status: ContentfulStatusCode;
  readonly slug: string;
  readonly title: string;
  readonly invalidParams: readonly InvalidParam[] | undefined;

  constructor(status: ContentfulStatusCode, slug: string, title: string, detail: string, invalidParams?: readonly InvalidParam[]) {
    super(detail);
    this.name = 'ProblemError';
    this.status = status;
    this.slug = slug;
    this.title = title;
    this.invalidParams = invalidParams;
  }
}

/** Turns zod issues into a 400 problem naming each bad parameter (`where` prefixes the path). */
export function invalidInput(error: ZodError, where: string): ProblemError {
  const params = error.issues.map((i) => ({ name: [where, ...i.path.map(String)].join('.'), reason: i.message }));
  const detail = params.map((p) => `${p.name}: ${p.reason}`).join('; ');
  return new ProblemError(400, 'invalid-parameters', 'Invalid request parameters', detail, params);
}

/** Maps anything thrown by a handler to a problem (unknown errors become a generic 500). */
export function toProblemError(error: unknown): ProblemError {
  if (error instanceof ProblemError) return error;
  if (error instanceof ZodError) return invalidInput(error, 'query');
  if (error instanceof StoreError && error.code === 'store/invalid-argument') {
    return new ProblemError(400, 'invalid-parameters', 'Invalid request parameters', error.message);
  }
  if (error instanceof StoreError && (error.code === 'store/closed' || error.code === 'store/not-migrated')) {
    return new ProblemError(503, 'store-unavailable', 'Store unavailable', 'The event store is not available right now.');
  }
  return new ProblemError(500, 'internal', 'Internal server error', 'The server could not complete the request; the error was logged.');
}

/** Writes `error` as a problem response. */
export function problemResponse(c: Context, error: ProblemError): Response {
  const body: Problem = {
    type: `https://sitrep.invalid/problems/${error.slug}`,
    title: error.title,
    status: error.status,
    detail: error.message,
    instance: c.req.path,
    ...(error.invalidParams ? { invalid_params: error.invalidParams } : {}),
  };
  return c.body(JSON.stringify(body), error.status, { 'content-type': PROBLEM_TYPE });
}
