/** One entry point for every export format, shared by `sitrep export` and `GET /api/export`. */
import type { MergedEventFilter, Store } from '../store/store.js';
import { acledCsvChunks } from './acled-csv.js';
import { geojsonChunks } from './geojson.js';
import { iterateEvents } from './iterate-events.js';
import { jsonlChunks } from './jsonl.js';

/** The export formats. */
export const EXPORT_FORMATS = ['acled-csv', 'geojson', 'jsonl'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Media type and file extension of each format. */
export const EXPORT_MEDIA: Readonly<Record<ExportFormat, { readonly type: string; readonly extension: string }>> = {
  'acled-csv': { type: 'text/csv; charset=utf-8', extension: 'csv' },
  geojson: { type: 'application/geo+json', extension: 'geojson' },
  jsonl: { type: 'application/x-ndjson', extension: 'jsonl' },
};

/** True when `value` names an export format. */
export function isExportFormat(value: string): value is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(value);
}

/**
 * The events matching `filter` in `format`, as text chunks (read from the store page by page).
 *
 * @example
 * ```ts
 * for await (const chunk of exportEvents(store, 'geojson', { side: 'AZE' })) process.stdout.write(chunk);
 * ```
 */
export async function* exportEvents(store: Store, format: ExportFormat, filter: MergedEventFilter): AsyncGenerator<string> {
  const events = iterateEvents(store, filter);
  if (format === 'jsonl') {
    yield* jsonlChunks(events);
  } else if (format === 'geojson') {
    yield* geojsonChunks(events);
  } else {
    // Outlet and storing time of every article, once: summaries carry no text, so this stays small.
    const articles = new Map<string, { outlet: string | null; ingested_at: string }>();
    for (const a of await store.listArticles()) articles.set(a.id, { outlet: a.outlet, ingested_at: a.ingested_at });
    yield* acledCsvChunks(events, (id) => articles.get(id) ?? null);
  }
}
