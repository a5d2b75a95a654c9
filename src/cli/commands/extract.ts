/** `sitrep extract`: stateless extraction, one JSON object per article (the CLI contract). */
import { readInputs } from '../../ingest/read-inputs.js';
import { createExtractContext } from '../../extract/create-extract-context.js';
import { processArticle } from '../../pipeline/process-article.js';
import { printDiagnostics, recordWriter, table, write } from '../output.js';

export interface ExtractOptions {
  readonly format: 'jsonl' | 'json' | 'table';
  readonly published?: string;
}

export async function runExtract(inputs: readonly string[], opts: ExtractOptions): Promise<number> {
  const ctx = createExtractContext();
  let processed = 0;
  const rows: string[][] = [];
  const out = opts.format === 'table' ? null : recordWriter(opts.format);
  for await (const item of readInputs([...inputs], opts.published ? { published: opts.published } : {})) {
    if (item.kind === 'failure') {
      printDiagnostics(item.diagnostics);
      if (out !== null && item.id) await out.add({ article: { id: item.id, source: item.source }, events: [], statements: [], diagnostics: item.diagnostics });
      continue;
    }
    const result = processArticle(item.article, ctx);
    processed++;
    printDiagnostics(result.diagnostics.filter((d) => !item.article.diagnostics.includes(d) || d.severity !== 'info'));
    if (out !== null) {
      const { versions: _versions, ...contract } = result;
      await out.add(contract);
    } else {
      for (const e of result.events.filter((x) => !x.background)) {
        rows.push([
          result.article.id.slice(0, 24),
          e.date ?? '?',
          e.sub_event_type,
          e.location?.name ?? '?',
          [e.actor1?.side ?? '?', e.actor2?.side ?? '?'].join(' v '),
          `${e.fatalities ?? '-'}/${e.injured ?? '-'}`,
          e.ceasefire_violation ? 'yes' : '',
          e.claims.map((c) => `${c.claimant?.side ?? c.claimant?.name ?? '?'}:${c.stance}`).join(' '),
        ]);
      }
    }
  }
  await out?.end();
  if (opts.format === 'table') {
    await write(table(['article', 'date', 'event', 'place', 'sides', 'killed/inj', 'cf viol.', 'claims'], rows));
    await write(`${processed} article(s), ${rows.length} news event(s)\n`);
  }
  return processed > 0 ? 0 : 1;
}
