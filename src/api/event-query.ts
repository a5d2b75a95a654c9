/**
 * The query parameters shared by the event routes (list, points, summary, places, export),
 * validated with zod and turned into a store {@link MergedEventFilter}.
 */
import { z } from 'zod';
import type { EventCursor, MergedEventFilter } from '../store/store.js';
import { invalidInput, ProblemError } from './problem.js';
import { isCalendarDate } from '../model/calendar.js';
import { resolveTypeFilter, UnknownFilterValue } from '../model/taxonomy.js';
import { readSideCodes, resolveSide, type SideCodes } from '../packs/side-codes.js';

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
  side: z.string().regex(/^[A-Za-z0-9_-]{2,16}$/, 'must be a side code such as ARM, AZE or CIV').optional(),
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

/** The `side` filter's allowed codes: the packs' actor files, read on first use (about 0.1 s). */
const sideCodes = (): SideCodes => readSideCodes();

/** A taxonomy or side-code miss as a 400 problem naming the allowed values. */
function unknownValue(error: UnknownFilterValue): ProblemError {
  const name = `query.${error.param}`;
  const reason = `unknown value '${error.value}'; allowed (any case): ${error.allowed.join(', ')}`;
  return new ProblemError(400, 'invalid-parameters', 'Invalid request parameters', `${name}: ${reason}`, [{ name, reason }]);
}

/**
 * The type, sub-type and side filters checked against the taxonomy and the packs' side codes,
 * canonical case. Shared by the API and the CLI.
 *
 * @throws UnknownFilterValue naming the allowed values.
 */
export function resolveFilterValues(values: { type?: readonly string[]; sub_type?: readonly string[]; side?: string }): Pick<MergedEventFilter, 'eventTypes' | 'subEventTypes' | 'side'> {
  const types = resolveTypeFilter(values.type ?? [], values.sub_type ?? []);
  return { ...types, ...(values.side === undefined ? {} : { side: resolveSide(values.side, sideCodes()) }) };
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
  try {
    Object.assign(f, resolveFilterValues(q));
  } catch (error) {
    if (error instanceof UnknownFilterValue) throw unknownValue(error);
    throw error;
  }
  if (q.actor !== undefined) f.actor = q.actor;
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

const storiesSchema = z
  .object({
    limit: z.coerce.number().int().min(1).max(MAX_PAGE).optional(),
    cursor: z.string().max(1000).optional(),
  })
  .strict();

/** A `GET /api/stories` request: `limit` (none: every story) and the decoded cursor. */
export interface StoriesPageQuery {
  readonly limit: number | undefined;
  readonly after: EventCursor | undefined;
}

/** Parses `GET /api/stories` parameters; any other parameter is a 400 problem. */
export function parseStoriesQuery(queries: Record<string, string[]>): StoriesPageQuery {
  const parsed = storiesSchema.safeParse(flatten(queries, []));
  if (!parsed.success) throw invalidInput(parsed.error, 'query');
  return { limit: parsed.data.limit, after: parsed.data.cursor === undefined ? undefined : decodeCursor(parsed.data.cursor) };
}

/**
 * True when a row at (`date`, `id`) comes after `cursor` in the stable order shared by events and
 * stories: dated first by date, undated last, then id.
 */
export function isAfter(date: string | null, id: string, cursor: EventCursor): boolean {
  if (date === cursor.date) return id > cursor.id;
  if (date === null) return true;
  if (cursor.date === null) return false;
  return date > cursor.date;
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
