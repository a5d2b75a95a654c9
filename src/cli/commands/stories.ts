/** `sitrep stories`: developing situations that group events. */
import { openStore } from '../../store/open-store.js';
import { recordWriter, table, write } from '../output.js';

export interface StoriesOptions {
  readonly db: string | undefined;
  readonly format: 'table' | 'jsonl' | 'json';
}

export async function runStories(opts: StoriesOptions): Promise<number> {
  const store = await openStore(opts.db);
  try {
    await store.migrate();
    const stories = await store.listStories();
    if (opts.format !== 'table') {
      const out = recordWriter(opts.format);
      for (const s of stories) {
        await out.add({ id: s.id, title: s.title, first_date: s.first_date, last_date: s.last_date, event_ids: s.event_ids, article_ids: s.article_ids, places: s.places });
      }
      await out.end();
    } else {
      await write(table(['first', 'last', 'events', 'title', 'id'], stories.map((s) => [s.first_date ?? '?', s.last_date ?? '?', String(s.event_ids.length), s.title, s.id])));
      await write(`${stories.length} stor${stories.length === 1 ? 'y' : 'ies'}\n`);
    }
    return 0;
  } finally {
    await store.close();
  }
}
