/**
 * The query parameters shared by the event routes (list, points, summary, places, export),
 * validated with zod and turned into a store {@link MergedEventFilter}.
 */
import { z } from 'zod';
import type { EventCursor, MergedEventFilter } from '../store/store.js';
import { invalidInput, ProblemError } from './problem.js';
import { isCalendarDate } from '../model/calendar.js';

const date = z.string().refine(isCalendarDate, 'must be a calendar date YYYY-MM-DD');
const flag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');
const list = z.array(z.string().min(1).max(200)).max(50);
const bbox = z
  .string()
  .transform((s, ctx) => {
    const parts = s.split(',').map(Number);
    const [west, south, east, north] = parts;
    if (parts.length !== 4 || !parts.every(Number.isFinite) || west === undefined || south === undefined || east === undefined || north === undefined) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'must be four numbers west,south,east,north' });
      return z.NEVER;
    }
    if (west > east || south > north || south < -90 || north > 90 || west < -180 || east > 180) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'needs -180 <= west <= east <= 180 and -90 <= south <= north <= 90' });
      return z.NEVER;
    }
    return { west, south, east, north };
  });

/** Largest page of `GET /api/events`. */
export const MAX_PAGE = 500;

/** Every filter parameter, by name, with its schema (also used to build the OpenAPI document). */
export const FILTER_PARAMS = {
  from: date.optional(),
  to: date.optional(),
  type: list.optional(),
  sub_type: list.optional(),
  actor: z.string().min(1).max(200).optional(),
  side: z.string().regex(/^[A-Z0-9_-]{2,16}$/, 'must be a side code such as ARM, AZE or CIV').optional(),
  outlet: z.string().min(1).max(300).optional(),
  story: z.string().min(1).max(200).optional(),
  ceasefire: flag.optional(),
  q: z.string().min(1).max(500).optional(),
  bbox: bbox.optional(),
  background: flag.optional(),
} as const;

const filterSchema = z.object(FILTER_PARAMS).strict();
const pageSchema = z
  .object({
    ...FILTER_PARAMS,
    limit: z.coerce.number().int().min(1).max(MAX_PAGE).optional(),
    cursor: z.string().max(1000).optional(),
  })
  .strict();

const MULTI = new Set(['type', 'sub_type']);

/** Query parameters as Hono's `c.req.queries()` gives them, flattened: repeatable ones stay lists. */
function flatten(queries: Record<string, string[]>, extra: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, values] of Object.entries(queries)) {
    if (extra.includes(key)) continue;
    out[key] = MULTI.has(key) ? values.flatMap((v) => v.split(',')).filter((v) => v !== '') : values[values.length - 1];
  }
  return out;
}

function toFilter(q: z.infer<typeof filterSchema>): MergedEventFilter {
  const f: { -readonly [K in keyof MergedEventFilter]: MergedEventFilter[K] } = {};
  if (q.from !== undefined) f.from = q.from;
  if (q.to !== undefined) f.to = q.to;
  if (q.from !== undefined && q.to !== undefined && q.from > q.to) {
    throw new ProblemError(400, 'invalid-parameters', 'Invalid request parameters', 'query.from: must not be after query.to', [
      { name: 'query.from', reason: 'must not be after to' },
    ]);
  }
  if (q.type !== undefined && q.type.length > 0) f.eventTypes = q.type;
  if (q.sub_type !== undefined && q.sub_type.length > 0) f.subEventTypes = q.sub_type;
  if (q.actor !== undefined) f.actor = q.actor;
  if (q.side !== undefined) f.side = q.side;
  if (q.outlet !== undefined) f.outlet = q.outlet;
  if (q.story !== undefined) f.storyId = q.story;
  if (q.ceasefire !== undefined) f.ceasefireViolation = q.ceasefire;
  if (q.q !== undefined) f.text = q.q;
  if (q.bbox !== undefined) f.bbox = q.bbox;
  if (q.background !== undefined) f.includeBackground = q.background;
  return f;
}

/**
 * Parses the filter parameters of a request; unknown parameters are rejected (a typo must not
 * silently widen a query). `allowed` names further parameters the route reads itself.
 */
export function parseEventFilter(queries: Record<string, string[]>, allowed: readonly string[] = []): MergedEventFilter {
  const parsed = filterSchema.safeParse(flatten(queries, allowed));
  if (!parsed.success) throw invalidInput(parsed.error, 'query');
  return toFilter(parsed.data);
}

/** A page request: the filter plus `limit` (default 50) and the decoded cursor. */
export interface PageQuery {
  readonly filter: MergedEventFilter;
  readonly limit: number;
  readonly after: EventCursor | undefined;
}

/** Parses `GET /api/events` parameters: the filters, `limit` and `cursor`. */
export function parsePageQuery(queries: Record<string, string[]>): PageQuery {
  const parsed = pageSchema.safeParse(flatten(queries, []));
  if (!parsed.success) throw invalidInput(parsed.error, 'query');
  const { limit, cursor, ...rest } = parsed.data;
  return { filter: toFilter(rest), limit: limit ?? 50, after: cursor === undefined ? undefined : decodeCursor(cursor) };
}

/** The opaque cursor for the position after `event` (base64url JSON). */
export function encodeCursor(event: { readonly date: string | null; readonly id: string }): string {
  return Buffer.from(JSON.stringify([event.date, event.id])).toString('base64url');
}

const cursorSchema = z.tuple([date.nullable(), z.string().min(1)]);

/** Decodes a cursor from {@link encodeCursor}; a malformed one is a 400 problem. */
export function decodeCursor(cursor: string): EventCursor {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    value = undefined;
  }
  const parsed = cursorSchema.safeParse(value);
  if (!parsed.success) {
    throw new ProblemError(400, 'invalid-cursor', 'Invalid cursor', 'query.cursor: not a cursor returned by this API (use next_cursor as given)', [
      { name: 'query.cursor', reason: 'malformed' },
    ]);
  }
  return { date: parsed.data[0], id: parsed.data[1] };
}
