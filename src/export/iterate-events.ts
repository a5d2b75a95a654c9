/** Every merged event matching a filter, read page by page with the store's keyset cursor. */
import type { MergedEvent } from '../store/records.js';
import type { MergedEventFilter, Store } from '../store/store.js';

/** Events per store query while iterating. */
export const EXPORT_PAGE = 1000;

/**
 * Yields the events matching `filter` in `listEvents` order, `pageSize` at a time, so an export
 * of 50,000 events never holds them all. `filter.limit` caps the total; `offset` is ignored.
 */
export async function* iterateEvents(store: Store, filter: MergedEventFilter, pageSize = EXPORT_PAGE): AsyncGenerator<MergedEvent> {
  const { limit: cap, offset: _offset, ...rest } = filter;
  let remaining = cap ?? Number.POSITIVE_INFINITY;
  let after = rest.after;
  while (remaining > 0) {
    const page = await store.listEvents({ ...rest, ...(after ? { after } : {}), limit: Math.min(pageSize, remaining) });
    for (const event of page) yield event;
    if (page.length < pageSize) return;
    remaining -= page.length;
    const last = page[page.length - 1]!;
    after = { date: last.date, id: last.id };
  }
}
