/**
 * The HTTP API and the web page as one Hono app over a {@link Store}. Routes are listed in
 * `openapi.ts` (tested to match). Every error is `application/problem+json` (`problem.ts`).
 *
 * @example
 * ```ts
 * const app = createApp({ store: await openStore('news.db') });
 * const res = await app.request('/api/events?side=AZE&limit=10');
 * ```
 */
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { inlineExtractor, type Extractor } from '../pipeline/extractor.js';
import { threadExtractor } from '../pipeline/thread-extractor.js';
import type { ExtractContext } from '../extract/context.js';
import { EXPORT_FORMATS, EXPORT_MEDIA, exportEvents, isExportFormat } from '../export/export-events.js';
import type { EventResolver } from '../store/event-resolver.js';
import type { Store } from '../store/store.js';
import { type AccessOptions, accessControl } from './access-control.js';
import { eventPoints } from './event-points.js';
import { encodeCursor, isAfter, parseEventFilter, parsePageQuery, parseStoriesQuery } from './event-query.js';
import { ingestArticles } from './ingest-articles.js';
import { buildOpenApi } from './openapi.js';
import { ProblemError, problemResponse, toProblemError } from './problem.js';
import { type Asset, vendorAsset, webAsset } from './static-assets.js';
import { placesOf, summarize, summarizePoints } from './summarize-points.js';

/** Options of {@link createApp}. */
export interface AppOptions {
  readonly store: Store;
  /** The extractor context for `POST /api/articles`, extracting in this thread (tests); see `extractor`. */
  readonly extractContext?: () => ExtractContext;
  /**
   * Where `POST /api/articles` extracts (built on first use). Default: one worker thread
   * (`threadExtractor`), so the event loop keeps answering reads while an article is extracted;
   * with `extractContext`, in this thread.
   */
  readonly extractor?: () => Extractor;
  /** The merge step for `POST /api/articles` (built on first use); defaults to the store's identity merge. */
  readonly resolver?: () => EventResolver;
  /** Largest request body in bytes, on any route (default 10 MB). */
  readonly maxBodyBytes?: number;
  /** `POST /api/articles` requests handled at once; more get 503 with Retry-After (default 16). */
  readonly maxConcurrentIngests?: number;
  /** Re-read page files on every request (development). */
  readonly freshAssets?: boolean;
  /** Token, CORS origins and host names (`access-control.ts`); default: no token, no CORS, loopback names. */
  readonly access?: AccessOptions;
  /** Where unexpected errors are reported (default: standard error, one line, no stack to clients). */
  readonly logError?: (error: unknown, path: string) => void;
}

const DEFAULT_MAX_BODY = 10 * 1024 * 1024;
/** `POST /api/articles` requests handled at once; more are answered 503 (memory stays bounded). */
const DEFAULT_MAX_INGESTS = 16;

const notFound = (what: string, id: string): ProblemError => new ProblemError(404, 'not-found', 'Not found', `No ${what} with id "${id}".`);

function sendAsset(c: Context, asset: Asset | null, cache: string): Response {
  if (asset === null) throw new ProblemError(404, 'not-found', 'Not found', `No file ${c.req.path}.`);
  return c.body(new Uint8Array(asset.body), 200, { 'content-type': asset.type, 'cache-control': cache });
}

/** Builds the app: API routes under `/api`, the OpenAPI document, the page and its files. */
export function createApp(options: AppOptions): Hono {
  const { store } = options;
  const maxBody = options.maxBodyBytes ?? DEFAULT_MAX_BODY;
  const maxIngests = options.maxConcurrentIngests ?? DEFAULT_MAX_INGESTS;
  let ingesting = 0;
  let extractor: Extractor | null = null;
  const getExtractor = (): Extractor =>
    (extractor ??= options.extractor?.() ?? (options.extractContext ? inlineExtractor(options.extractContext()) : threadExtractor(1, { bodySignatures: true })));
  let resolver: EventResolver | undefined;
  const getResolver = (): EventResolver | undefined => (resolver ??= options.resolver?.());
  const logError = options.logError ?? ((error: unknown, path: string) => process.stderr.write(`sitrep serve: ${path}: ${error instanceof Error ? error.message : String(error)}\n`));
  const app = new Hono();

  app.onError((error, c) => {
    // bearerAuth's refusals carry their own problem response (with WWW-Authenticate).
    if (error instanceof HTTPException && error.status < 500) return error.getResponse();
    const problem = toProblemError(error);
    if (problem.status >= 500) logError(error, c.req.path);
    return problemResponse(c, problem);
  });
  for (const handler of accessControl(options.access)) app.use(handler);
  // Every request body, whatever its route or method, chunked or not, is counted as it arrives
  // and refused past the limit (hono's bodyLimit: a declared Content-Length is checked before
  // reading; a chunked body is read only up to the limit), so a large body is never held whole.
  app.use(
    bodyLimit({
      maxSize: maxBody,
      onError: () => {
        throw new ProblemError(413, 'too-large', 'Request body too large', `The body may be at most ${maxBody} bytes.`);
      },
    }),
  );
  app.notFound((c) => problemResponse(c, new ProblemError(404, 'not-found', 'Not found', `No route ${c.req.method} ${c.req.path}.`)));

  app.get('/openapi.json', (c) => c.json(buildOpenApi()));

  app.get('/api/health', async (c) => c.json({ status: 'ok', dialect: store.dialect, articles: await store.countArticles(), events: await store.countEvents() }));

  app.get('/api/events', async (c) => {
    const { filter, limit, after } = parsePageQuery(c.req.queries());
    const items = await store.listEvents({ ...filter, ...(after ? { after } : {}), limit: limit + 1 });
    const more = items.length > limit;
    const page = more ? items.slice(0, limit) : items;
    const last = page[page.length - 1];
    return c.json({ items: page, next_cursor: more && last ? encodeCursor(last) : null, total: await store.countEvents(filter) });
  });

  app.get('/api/events/:id', async (c) => {
    const id = c.req.param('id');
    const event = await store.getEvent(id);
    if (event === null) throw notFound('event', id);
    const reports = [];
    for (const r of event.reports) {
      const stored = await store.getArticle(r.article_id);
      const article = stored?.extraction.article ?? null;
      reports.push({
        article_id: r.article_id,
        event_id: r.event_id,
        article: article && { id: article.id, title: article.title, outlet: article.outlet, url: article.url, published: article.published, text: article.text },
        event: stored?.extraction.events.find((e) => e.id === r.event_id) ?? null,
      });
    }
    const story = event.story_id === null ? null : ((await store.listStories()).find((s) => s.id === event.story_id) ?? null);
    return c.json({ event, reports, story: story && { id: story.id, title: story.title } });
  });

  app.get('/api/points', async (c) => {
    const filter = parseEventFilter(c.req.queries());
    return c.json({ items: await eventPoints(store, filter) });
  });

  app.get('/api/summary', async (c) => {
    const queries = c.req.queries();
    const cellText = queries.cell?.[0];
    const cell = cellText === undefined ? 0.1 : Number(cellText);
    if (!Number.isFinite(cell) || cell < 0.001 || cell > 10) {
      throw new ProblemError(400, 'invalid-parameters', 'Invalid request parameters', 'query.cell: must be a number of degrees between 0.001 and 10', [
        { name: 'query.cell', reason: 'must be between 0.001 and 10' },
      ]);
    }
    const filter = parseEventFilter(queries, ['cell']);
    if (store.aggregateEvents) return c.json(summarize(await store.aggregateEvents(filter, cell), cell));
    return c.json(summarizePoints(await eventPoints(store, filter), cell));
  });

  app.get('/api/places', async (c) => c.json({ items: placesOf(await eventPoints(store, parseEventFilter(c.req.queries()))) }));

  app.get('/api/sources', async (c) => {
    if (store.listOutlets) return c.json({ items: await store.listOutlets() });
    const counts = new Map<string | null, number>();
    for (const a of await store.listArticles()) counts.set(a.outlet, (counts.get(a.outlet) ?? 0) + 1);
    const items = [...counts.entries()].map(([outlet, articles]) => ({ outlet, articles }));
    items.sort((a, b) => b.articles - a.articles || (a.outlet ?? '\uffff').localeCompare(b.outlet ?? '\uffff'));
    return c.json({ items });
  });

  app.get('/api/stories', async (c) => {
    const { limit, after } = parseStoriesQuery(c.req.queries());
    const all = await store.listStories();
    const rest = after === undefined ? all : all.filter((s) => isAfter(s.first_date, s.id, after));
    if (limit === undefined) return c.json({ items: rest, next_cursor: null, total: all.length });
    const page = rest.slice(0, limit);
    const last = page[page.length - 1];
    return c.json({ items: page, next_cursor: rest.length > limit && last ? encodeCursor({ date: last.first_date, id: last.id }) : null, total: all.length });
  });

  app.get('/api/stories/:id', async (c) => {
    const id = c.req.param('id');
    const story = (await store.listStories()).find((s) => s.id === id);
    if (story === undefined) throw notFound('story', id);
    return c.json({ story, events: await store.listEvents({ storyId: id, includeBackground: true, limit: 1000 }) });
  });

  app.get('/api/articles/:id', async (c) => {
    const id = c.req.param('id');
    const stored = await store.getArticle(id);
    if (stored === null) throw notFound('article', id);
    return c.json({ ...stored.extraction, content_hash: stored.content_hash, ingested_at: stored.ingested_at });
  });

  app.post('/api/articles', async (c) => {
    const declared = Number(c.req.header('content-length') ?? '0');
    if (declared > maxBody) throw new ProblemError(413, 'too-large', 'Request body too large', `The body may be at most ${maxBody} bytes.`);
    const body = new Uint8Array(await c.req.arrayBuffer());
    if (body.length > maxBody) throw new ProblemError(413, 'too-large', 'Request body too large', `The body may be at most ${maxBody} bytes.`);
    if (body.length === 0) {
      throw new ProblemError(400, 'empty-body', 'Empty request body', 'Send one article (JSON object, text or HTML page), a JSON array of articles or JSON lines.');
    }
    // Bounded queue: each request waiting for extraction holds its body (up to maxBody).
    if (ingesting >= maxIngests) {
      c.header('retry-after', '5');
      throw new ProblemError(503, 'busy', 'Too many ingests in progress', `At most ${maxIngests} POST /api/articles requests are handled at once; try again in a few seconds.`);
    }
    ingesting++;
    let result;
    try {
      result = await ingestArticles(store, getExtractor(), body, maxBody, c.req.header('content-type') ?? '', getResolver());
    } finally {
      ingesting--;
    }
    if (result.articles.length === 0) {
      const reasons = result.failures.flatMap((f) => f.diagnostics.map((d) => d.message)).join('; ');
      throw new ProblemError(422, 'no-article', 'No article could be read', reasons || 'The body held no article.');
    }
    return c.json(result, result.articles.some((a) => a.status !== 'unchanged') ? 201 : 200);
  });

  app.get('/api/export', async (c) => {
    const queries = c.req.queries();
    const format = queries.format?.[0] ?? '';
    if (!isExportFormat(format)) {
      throw new ProblemError(400, 'invalid-parameters', 'Invalid request parameters', `query.format: must be one of ${EXPORT_FORMATS.join(', ')}`, [
        { name: 'query.format', reason: `must be one of ${EXPORT_FORMATS.join(', ')}` },
      ]);
    }
    const filter = parseEventFilter(queries, ['format']);
    const chunks = exportEvents(store, format, filter);
    // Read the first chunk before answering, so a store error is still a problem response.
    const first = await chunks.next();
    const encoder = new TextEncoder();
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        if (!first.done) controller.enqueue(encoder.encode(first.value));
      },
      async pull(controller) {
        try {
          const next = await chunks.next();
          if (next.done) controller.close();
          else controller.enqueue(encoder.encode(next.value));
        } catch (error) {
          logError(error, c.req.path);
          controller.error(error);
        }
      },
    });
    const media = EXPORT_MEDIA[format];
    return c.body(stream, 200, { 'content-type': media.type, 'content-disposition': `attachment; filename="sitrep-events.${media.extension}"` });
  });

  app.get('/', (c) => sendAsset(c, webAsset('index.html', options.freshAssets), 'no-cache'));
  app.get('/static/:file', (c) => sendAsset(c, webAsset(c.req.param('file'), options.freshAssets), 'no-cache'));
  app.get('/vendor/:file', (c) => sendAsset(c, vendorAsset(c.req.param('file')), 'public, max-age=86400'));
  return app;
}
