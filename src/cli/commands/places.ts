/** `sitrep places`: every toponym of each article with the place it names (no cleaning: offsets into the text as given). */
import { readInputs } from '../../ingest/read-inputs.js';
import { createGeoparser } from '../../places/geoparse.js';
import { printDiagnostics, recordWriter, table, write } from '../output.js';

export interface PlacesOptions {
  readonly format: 'jsonl' | 'json' | 'table';
}

export async function runPlaces(inputs: readonly string[], opts: PlacesOptions): Promise<number> {
  const geoparser = createGeoparser();
  let processed = 0;
  const rows: string[][] = [];
  const out = opts.format === 'table' ? null : recordWriter(opts.format);
  for await (const item of readInputs([...inputs], {})) {
    if (item.kind === 'failure') {
      printDiagnostics(item.diagnostics);
      if (out !== null && item.id) await out.add({ article: { id: item.id, source: item.source }, places: [] });
      continue;
    }
    const a = item.article;
    const places = geoparser.parse(a.text ?? '');
    processed++;
    if (out !== null) {
      await out.add({ article: { id: a.id, source: a.source }, places });
    } else {
      for (const p of places) {
        rows.push([
          a.id.slice(0, 24),
          `${p.start}-${p.end}`,
          p.text,
          p.name,
          p.country ?? '',
          p.admin1 ?? '',
          p.feature,
          `${p.lat.toFixed(3)},${p.lon.toFixed(3)}`,
          String(p.precision),
          p.alternatives.map((x) => `${x.name} (${x.country ?? '-'})`).join('; '),
        ]);
      }
    }
  }
  await out?.end();
  if (opts.format === 'table') {
    await write(table(['article', 'span', 'text', 'place', 'country', 'admin1', 'feature', 'lat,lon', 'prec', 'runner-ups'], rows));
    await write(`${processed} article(s), ${rows.length} place mention(s)\n`);
  }
  return processed > 0 ? 0 : 1;
}
