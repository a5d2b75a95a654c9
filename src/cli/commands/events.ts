/** `sitrep events`: the stored, merged events as a timeline table or JSON lines. */
import { openStore } from '../../store/open-store.js';
import { table, write } from '../output.js';

export interface EventsOptions {
  readonly db: string | undefined;
  readonly format: 'table' | 'jsonl';
  readonly from: string | undefined;
  readonly to: string | undefined;
  readonly types: readonly string[] | undefined;
  readonly side: string | undefined;
  readonly background: boolean;
  readonly limit: number | undefined;
}

export async function runEvents(opts: EventsOptions): Promise<number> {
  const store = await openStore(opts.db);
  try {
    await store.migrate();
    const events = await store.listEvents({
      ...(opts.from ? { from: opts.from } : {}),
      ...(opts.to ? { to: opts.to } : {}),
      ...(opts.types?.length ? { eventTypes: opts.types } : {}),
      ...(opts.side ? { side: opts.side } : {}),
      includeBackground: opts.background,
      ...(opts.limit ? { limit: opts.limit } : {}),
    });
    if (opts.format === 'jsonl') {
      for (const e of events) await write(JSON.stringify(e) + '\n');
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
