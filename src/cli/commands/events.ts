/** `sitrep events`: the stored, merged events as a timeline table, JSON lines or a JSON array. */
import { openStore } from '../../store/open-store.js';
import type { MergedEventFilter } from '../../store/store.js';
import { recordWriter, table, write } from '../output.js';

export interface EventsOptions {
  readonly db: string | undefined;
  readonly format: 'table' | 'jsonl' | 'json';
  /** Already validated (`resolveFilterValues`, `parseEventFilter`): canonical types and sides. */
  readonly filter: MergedEventFilter;
  readonly limit: number | undefined;
}

export async function runEvents(opts: EventsOptions): Promise<number> {
  const store = await openStore(opts.db);
  try {
    await store.migrate();
    const events = await store.listEvents({ ...opts.filter, ...(opts.limit ? { limit: opts.limit } : {}) });
    if (opts.format !== 'table') {
      const out = recordWriter(opts.format);
      for (const e of events) await out.add(e);
      await out.end();
    } else {
      const rows = events.map((e) => [
        e.date ?? '?',
        e.sub_event_type,
        e.location?.name ?? '?',
        `${e.actor1?.side ?? '?'} v ${e.actor2?.side ?? '?'}`,
        `${e.fatalities ?? '-'}/${e.injured ?? '-'}`,
        String(e.sources),
        e.contradictions.length ? `! ${e.contradictions.map((c) => c.field).join(',')}` : '',
        e.id,
      ]);
      await write(table(['date', 'event', 'place', 'sides', 'killed/inj', 'sources', 'disputed', 'id'], rows));
      await write(`${events.length} event(s)\n`);
    }
    return 0;
  } finally {
    await store.close();
  }
}
