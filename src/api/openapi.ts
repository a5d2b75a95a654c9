/**
 * The OpenAPI 3.1 document served at `/openapi.json`, written by hand next to the routes
 * (`create-app.ts`); a test checks that every route is in it and every path in it is a route.
 */
import { CSV_COLUMNS } from '../export/acled-csv.js';
import { EXPORT_FORMATS } from '../export/export-events.js';
import { MAX_PAGE } from './event-query.js';

type Json = Record<string, unknown>;

const q = (name: string, description: string, schema: Json = { type: 'string' }): Json => ({ name, in: 'query', required: false, description, schema });
const list = (name: string, description: string): Json => ({ ...q(name, description, { type: 'array', items: { type: 'string' } }), style: 'form', explode: true });

/** The event filter parameters shared by list, points, summary, places and export. */
const FILTERS: readonly Json[] = [
  q('from', 'Earliest date (YYYY-MM-DD, inclusive); events whose [date, date_end] overlaps the range match; undated events never match.', { type: 'string', format: 'date' }),
  q('to', 'Latest date (YYYY-MM-DD, inclusive).', { type: 'string', format: 'date' }),
  list('type', 'ACLED event type or sub-event type, any case (repeat or comma-separate for any of several), e.g. Battles or Armed clash. A name not in the taxonomy (data/taxonomy/event-types.yml) is a 400 naming the allowed values.'),
  list('sub_type', 'ACLED sub-event type, any case, e.g. Armed clash; narrows type. Unknown names are a 400.'),
  q('actor', 'Case-insensitive part of the name of actor1 or actor2.'),
  q('side', 'Side code of actor1 or actor2, any case: ARM, AZE, RUS, CIV… A code no loaded pack knows is a 400 naming the allowed codes.', { type: 'string', pattern: '^[A-Za-z0-9_-]{2,16}$' }),
  q('outlet', 'Only events reported by an article of this outlet (exact name, see /api/sources).'),
  q('story', 'Only events of this story id.'),
  q('ceasefire', 'true: only ceasefire violations; false: only other events.', { type: 'boolean' }),
  q('q', 'Text search: plain words that must all occur in one reporting article.'),
  q('bbox', 'Bounding box west,south,east,north in degrees (WGS84).', { type: 'string', example: '44.5,38.8,47.5,40.6' }),
  q('background', 'Include background (history, context) events.', { type: 'boolean', default: false }),
];

const ref = (name: string): Json => ({ $ref: `#/components/schemas/${name}` });
const problem = (description: string): Json => ({ description, content: { 'application/problem+json': { schema: ref('Problem') } } });
const ok = (description: string, schema: Json): Json => ({ description, content: { 'application/json': { schema } } });
const idParam = (description: string): Json => ({ name: 'id', in: 'path', required: true, description, schema: { type: 'string' } });
const items = (schema: Json): Json => ({ type: 'object', required: ['items'], properties: { items: { type: 'array', items: schema } } });

const span = { type: 'object', required: ['start', 'end', 'text'], properties: { start: { type: 'integer' }, end: { type: 'integer' }, text: { type: 'string' } } };
const actor = {
  type: ['object', 'null'],
  required: ['name', 'side', 'country', 'inter'],
  properties: { name: { type: 'string' }, side: { type: ['string', 'null'] }, country: { type: ['string', 'null'] }, inter: { type: ['integer', 'null'] } },
};

/** The OpenAPI document. */
export function buildOpenApi(): Json {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Sitrep API',
      version: '0.1.0',
      description: 'Sourced event timeline of an armed conflict: merged events with their reports, claims, contradictions and evidence; stories, places, sources, ingestion and exports. Errors are RFC 9457 problem details.',
    },
    paths: {
      '/openapi.json': { get: { summary: 'This document', operationId: 'openapi', responses: { 200: ok('OpenAPI 3.1 document', { type: 'object' }) } } },
      '/api/health': { get: { summary: 'Store status and counts', operationId: 'health', responses: { 200: ok('Status', { type: 'object' }) } } },
      '/api/events': {
        get: {
          summary: 'List merged events, filtered, in a stable order (date, undated last, then id), with cursor pagination',
          operationId: 'listEvents',
          parameters: [
            ...FILTERS,
            q('limit', `Page size (1..${MAX_PAGE}, default 50).`, { type: 'integer', minimum: 1, maximum: MAX_PAGE, default: 50 }),
            q('cursor', 'The next_cursor of the previous page.'),
          ],
          responses: {
            200: ok('A page of events', {
              type: 'object',
              required: ['items', 'next_cursor', 'total'],
              properties: { items: { type: 'array', items: ref('MergedEvent') }, next_cursor: { type: ['string', 'null'] }, total: { type: 'integer' } },
            }),
            400: problem('Invalid parameter'),
          },
        },
      },
      '/api/events/{id}': {
        get: {
          summary: 'One event with every report (article, its text and its own event with claims and evidence spans), contradictions and story',
          operationId: 'getEvent',
          parameters: [idParam('Merged event id')],
          responses: { 200: ok('The event dossier', ref('EventDossier')), 404: problem('No such event') },
        },
      },
      '/api/points': {
        get: {
          summary: 'Compact points of every matching event (for maps and charts)',
          operationId: 'listPoints',
          parameters: FILTERS,
          responses: { 200: ok('Points', items(ref('EventPoint'))), 400: problem('Invalid parameter') },
        },
      },
      '/api/summary': {
        get: {
          summary: 'Aggregates for the page: map clusters on a degree grid, events per week, ceasefire violations per week and blamed side (attacker and accused sides, each once per event; see report/ceasefire-attribution.ts)',
          operationId: 'summary',
          parameters: [...FILTERS, q('cell', 'Cluster cell size in degrees (0.001..10, default 0.1).', { type: 'number', default: 0.1 })],
          responses: { 200: ok('Summary', { type: 'object' }), 400: problem('Invalid parameter') },
        },
      },
      '/api/places': {
        get: {
          summary: 'Places of the matching events with event counts and tolls',
          operationId: 'listPlaces',
          parameters: FILTERS,
          responses: { 200: ok('Places', items({ type: 'object' })), 400: problem('Invalid parameter') },
        },
      },
      '/api/sources': {
        get: {
          summary: 'Outlets with their article counts',
          operationId: 'listSources',
          responses: { 200: ok('Outlets', items({ type: 'object', properties: { outlet: { type: ['string', 'null'] }, articles: { type: 'integer' } } })) },
        },
      },
      '/api/stories': {
        get: {
          summary: 'Stories (developing situations) in a stable order (first date, undated last, then id); with limit, cursor pagination as for events',
          operationId: 'listStories',
          parameters: [
            q('limit', `Page size (1..${MAX_PAGE}); without it, every story in one answer.`, { type: 'integer', minimum: 1, maximum: MAX_PAGE }),
            q('cursor', 'The next_cursor of the previous page.'),
          ],
          responses: {
            200: ok('Stories', {
              type: 'object',
              required: ['items', 'next_cursor', 'total'],
              properties: { items: { type: 'array', items: ref('Story') }, next_cursor: { type: ['string', 'null'] }, total: { type: 'integer' } },
            }),
            400: problem('Invalid or unknown parameter'),
          },
        },
      },
      '/api/stories/{id}': {
        get: {
          summary: 'One story with its events',
          operationId: 'getStory',
          parameters: [idParam('Story id')],
          responses: { 200: ok('Story and events', { type: 'object' }), 404: problem('No such story') },
        },
      },
      '/api/articles': {
        post: {
          summary: 'Ingest one article or a batch (same formats as the CLI: JSON object or array, JSON lines; an HTML page or plain text only with the API token) and return the events it produced',
          operationId: 'ingestArticles',
          description: 'When the server has an API token, send it as "Authorization: Bearer <token>". Without one, the body must be JSON and the request may not come from a page of another origin.',
          security: [{ bearer: [] }, {}],
          requestBody: {
            required: true,
            content: {
              'application/json': { schema: { oneOf: [ref('ArticleInput'), { type: 'array', items: ref('ArticleInput') }] } },
              'application/x-ndjson': { schema: { type: 'string' } },
              'text/html': { schema: { type: 'string' } },
              'text/plain': { schema: { type: 'string' } },
            },
          },
          responses: {
            200: ok('Every article was already stored unchanged', { type: 'object' }),
            201: ok('Articles stored; per article: status, extracted events, merged event ids, diagnostics; plus failures', { type: 'object' }),
            400: problem('Empty body'),
            401: problem('API token missing or wrong (when the server has one)'),
            403: problem('Cross-origin browser write, or Host not allowed'),
            413: problem('Body too large'),
            415: problem('Not JSON, and the server has no API token'),
            422: problem('No article could be read from the body'),
          },
        },
      },
      '/api/articles/{id}': {
        get: {
          summary: 'One stored article: text, extracted events, statements, diagnostics',
          operationId: 'getArticle',
          parameters: [idParam('Article id')],
          responses: { 200: ok('The article', { type: 'object' }), 404: problem('No such article') },
        },
      },
      '/api/export': {
        get: {
          summary: 'Export the matching events',
          operationId: 'exportEvents',
          parameters: [{ name: 'format', in: 'query', required: true, schema: { type: 'string', enum: [...EXPORT_FORMATS] } }, ...FILTERS],
          responses: {
            200: {
              description: `acled-csv: columns ${CSV_COLUMNS.join(', ')}. geojson: a FeatureCollection of Point features. jsonl: one merged event per line.`,
              content: { 'text/csv': { schema: { type: 'string' } }, 'application/geo+json': { schema: { type: 'object' } }, 'application/x-ndjson': { schema: { type: 'string' } } },
            },
            400: problem('Invalid parameter'),
          },
        },
      },
    },
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'The token given to sitrep serve (--token, --token-file or SITREP_API_TOKEN)' } },
      schemas: {
        Problem: {
          type: 'object',
          required: ['type', 'title', 'status', 'detail'],
          properties: {
            type: { type: 'string' },
            title: { type: 'string' },
            status: { type: 'integer' },
            detail: { type: 'string' },
            instance: { type: 'string' },
            invalid_params: { type: 'array', items: { type: 'object', properties: { name: { type: 'string' }, reason: { type: 'string' } } } },
          },
        },
        Span: span,
        Actor: actor,
        MergedEvent: {
          type: 'object',
          required: ['id', 'event_type', 'sub_event_type', 'date', 'reports', 'sources', 'contradictions'],
          properties: {
            id: { type: 'string' },
            story_id: { type: ['string', 'null'] },
            event_type: { type: 'string' },
            sub_event_type: { type: 'string' },
            date: { type: ['string', 'null'], format: 'date' },
            date_end: { type: ['string', 'null'], format: 'date' },
            actor1: ref('Actor'),
            actor2: ref('Actor'),
            location: { type: ['object', 'null'] },
            fatalities: { type: ['integer', 'null'] },
            injured: { type: ['integer', 'null'] },
            ceasefire_violation: { type: 'boolean' },
            background: { type: 'boolean' },
            claims: { type: 'array', items: { type: 'object' } },
            evidence: { type: 'array', items: ref('Span') },
            reports: { type: 'array', items: { type: 'object', properties: { article_id: { type: 'string' }, event_id: { type: 'string' } } } },
            sources: { type: 'integer' },
            contradictions: { type: 'array', items: { type: 'object' } },
          },
        },
        EventDossier: {
          type: 'object',
          properties: { event: ref('MergedEvent'), reports: { type: 'array', items: { type: 'object' } }, story: { type: ['object', 'null'] } },
        },
        EventPoint: { type: 'object' },
        Story: { type: 'object' },
        ArticleInput: {
          type: 'object',
          properties: {
            id: { type: 'string' },
            title: { type: 'string' },
            text: { type: 'string' },
            html: { type: 'string' },
            url: { type: 'string' },
            outlet: { type: 'string' },
            published: { type: 'string' },
            language: { type: 'string' },
          },
        },
      },
    },
  };
}
