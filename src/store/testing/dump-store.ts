/**
 * A comparable snapshot of everything a store holds, read through the public `Store` API only
 * (so it works for every backend), without wall-clock fields.
 */
import type { ExtractionResult } from '../../model/extraction.js';
import type { FailureRecord, MergedEvent, Story } from '../records.js';
import type { Store } from '../store.js';

export interface StoreDump {
  readonly articles: readonly { readonly extraction: ExtractionResult; readonly content_hash: string }[];
  readonly events: readonly MergedEvent[];
  readonly stories: readonly Story[];
  readonly failures: readonly Omit<FailureRecord, 'recorded_at'>[];
}

export async function dumpStore(store: Store): Promise<StoreDump> {
  const articles = [];
  for (const summary of await store.listArticles()) {
    const stored = await store.getArticle(summary.id);
    if (stored !== null) articles.push({ extraction: stored.extraction, content_hash: stored.content_hash });
  }
  return {
    articles,
    events: await store.listEvents({ includeBackground: true }),
    stories: await store.listStories(),
    failures: (await store.listFailures()).map(({ source, diagnostics }) => ({ source, diagnostics })),
  };
}
