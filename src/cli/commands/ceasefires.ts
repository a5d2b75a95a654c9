/** `sitrep ceasefires`: the theatres' known ceasefires and the violations registered under each. */
import { loadPacks } from '../../packs/load-packs.js';
import { ceasefireReports } from '../../report/ceasefire-monitor.js';
import { openStore } from '../../store/open-store.js';
import { recordWriter, table, write } from '../output.js';

export interface CeasefiresOptions {
  readonly db: string | undefined;
  readonly format: 'table' | 'jsonl' | 'json';
}

const top = (m: Readonly<Record<string, number>>, n = 3) =>
  Object.entries(m).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, n).map(([k, v]) => `${k} ${v}`).join(', ');

export async function runCeasefires(opts: CeasefiresOptions): Promise<number> {
  const packs = loadPacks();
  const store = await openStore(opts.db);
  try {
    await store.migrate();
    const events = await store.listEvents();
    const reports = ceasefireReports(packs.theatres.flatMap((t) => t.ceasefires), events);
    if (opts.format !== 'table') {
      const out = recordWriter(opts.format);
      for (const r of reports) await out.add(r);
      await out.end();
      return 0;
    }
    await write(table(
      ['since', 'until', 'ceasefire', 'violations', 'accused', 'places', 'busiest weeks'],
      reports.map((r) => [r.start, r.end ?? 'in force', r.name, String(r.violations), top(r.by_accused_side), top(r.by_place), top(r.by_week, 2)]),
    ));
    return 0;
  } finally {
    await store.close();
  }
}
