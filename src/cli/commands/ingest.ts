/** `sitrep ingest`: extract and store articles; unchanged articles are skipped before extraction. */
import { readInputs } from '../../ingest/read-inputs.js';
import { createExtractContext } from '../../extract/create-extract-context.js';
import { EXTRACTOR_VERSION, processArticle } from '../../pipeline/process-article.js';
import { contentHash } from '../../store/content-hash.js';
import { ingestExtraction } from '../../store/ingest-extraction.js';
import { openStore } from '../../store/open-store.js';
import { createResolver } from '../../resolve/create-resolver.js';
import { loadPacks } from '../../packs/load-packs.js';
import { printDiagnostics } from '../output.js';
import { Progress } from '../progress.js';

export interface IngestOptions {
  readonly db: string | undefined;
  readonly published: string | undefined;
}

export async function runIngest(inputs: readonly string[], opts: IngestOptions): Promise<number> {
  const ctx = createExtractContext();
  const store = await openStore(opts.db);
  const versions = { extractor: EXTRACTOR_VERSION, ...ctx.versions };
  const resolver = createResolver(loadPacks());
  const counts = { inserted: 0, updated: 0, unchanged: 0, failed: 0, events: 0 };
  const started = Date.now();
  const progress = new Progress(process.stderr);
  try {
    await store.migrate();
    for await (const item of readInputs([...inputs], opts.published ? { published: opts.published } : {})) {
      if (item.kind === 'failure') {
        printDiagnostics(item.diagnostics);
        await store.saveFailure(item.source, item.diagnostics);
        counts.failed++;
        progress.tick({ failed: true });
        continue;
      }
      const raw = item.article;
      const hash = contentHash(raw, versions);
      if ((await store.getContentHash(raw.id)) === hash) {
        counts.unchanged++;
        progress.tick();
        continue;
      }
      const result = processArticle(raw, ctx);
      printDiagnostics(result.diagnostics);
      try {
        const outcome = await ingestExtraction(store, result, hash, { resolver });
        counts[outcome.status]++;
        counts.events += result.events.filter((e) => !e.background).length;
        progress.tick({ events: result.events.filter((e) => !e.background).length });
      } catch (err) {
        counts.failed++;
        progress.tick({ failed: true });
        process.stderr.write(`sitrep: ${raw.source}: error store/write-failed: ${(err as Error).message}\n`);
      }
    }
  } finally {
    progress.done();
    await store.close();
  }
  const secs = (Date.now() - started) / 1000;
  process.stderr.write(
    `ingested ${counts.inserted} new, ${counts.updated} updated, ${counts.unchanged} unchanged, ${counts.failed} failed; ${counts.events} news event report(s) in ${secs.toFixed(1)} s\n`,
  );
  return counts.inserted + counts.updated + counts.unchanged > 0 ? 0 : 1;
}
