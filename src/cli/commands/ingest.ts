/**
 * `sitrep ingest` on SQLite: extract and store articles; unchanged articles are skipped before
 * extraction. Extraction runs in worker threads (`--threads`) while this thread stores and merges,
 * and articles are committed in groups (each still its own savepoint: one that fails leaves
 * nothing behind, and a crash loses at most the last uncommitted group, which the next run of the
 * same command ingests again). Stories are assigned once per 64 stored articles from a story debt
 * kept in the database (`resolve/story-debt.ts`).
 */
import { readInputs } from '../../ingest/read-inputs.js';
import { inlineExtractor, type Extractor } from '../../pipeline/extractor.js';
import { ingestItems } from '../../pipeline/ingest-items.js';
import { threadExtractor } from '../../pipeline/thread-extractor.js';
import { openStore } from '../../store/open-store.js';
import { createResolver } from '../../resolve/create-resolver.js';
import { stat } from 'node:fs/promises';
import { walkDirectory } from '../../ingest/walk-directory.js';
import { isQuiet, note, printDiagnostics } from '../output.js';
import { Progress } from '../progress.js';
import { EXIT } from '../usage.js';

/**
 * How `sitrep ingest` opens a SQLite store: 64 articles per commit (see the module comment), WAL
 * checkpoints in a background thread (`background-checkpoint.ts`).
 */
export const INGEST_STORE_OPTIONS = { groupCommit: 64, backgroundCheckpoint: true } as const;

export interface IngestOptions {
  readonly db: string | undefined;
  readonly published: string | undefined;
  /** Extraction threads besides this one; 0 extracts in this thread. */
  readonly threads: number;
  /** Exit {@link EXIT.partial} (3) when any input failed, even if others were stored. */
  readonly strict?: boolean;
}

/**
 * The bytes the inputs hold (files, and the input files of directories, as the walk reads them),
 * or undefined when that cannot be known beforehand (standard input).
 */
export async function inputBytes(inputs: readonly string[]): Promise<number | undefined> {
  let total = 0;
  for (const input of inputs) {
    if (input === '-') return undefined;
    const info = await stat(input).catch(() => null);
    if (info === null) continue;
    if (info.isFile()) total += info.size;
    else if (info.isDirectory()) {
      try {
        for await (const file of walkDirectory(input)) total += (await stat(file).catch(() => null))?.size ?? 0;
      } catch {
        // An unreadable directory is reported by the ingest itself.
      }
    }
  }
  return total;
}

/** The exit code of an ingest run: 1 when nothing was stored or unchanged, 3 with `strict` when any input failed. */
export function ingestExitCode(counts: { readonly stored: number; readonly failed: number }, strict: boolean): number {
  if (counts.stored === 0) return EXIT.nothingProcessed;
  return strict && counts.failed > 0 ? EXIT.partial : EXIT.ok;
}

export async function runIngest(inputs: readonly string[], opts: IngestOptions): Promise<number> {
  const extractor: Extractor = opts.threads > 0 ? threadExtractor(opts.threads) : inlineExtractor();
  const store = await openStore(opts.db, INGEST_STORE_OPTIONS);
  const resolver = createResolver();
  const started = Date.now();
  const quiet = isQuiet();
  const totalBytes = quiet ? undefined : await inputBytes(inputs);
  const progress = new Progress(quiet ? { write: () => true } : process.stderr, totalBytes === undefined ? {} : { totalBytes });
  let counts;
  try {
    const read = readInputs([...inputs], { ...(opts.published ? { published: opts.published } : {}), onBytesRead: (n) => progress.bytes(n) });
    counts = await ingestItems(read, {
      store,
      extractor,
      resolver,
      onStoryDebtDiscarded(events, error) {
        note(
          `sitrep: warning stories/debt-discarded: the story pass left by an earlier run failed again (${error instanceof Error ? error.message : String(error)}); ${events} event(s) keep no story until their articles are ingested again\n`,
        );
      },
      onStep(step) {
        switch (step.kind) {
          case 'failure':
            printDiagnostics(step.diagnostics);
            progress.tick({ failed: true });
            break;
          case 'unchanged':
            if (step.merge) printDiagnostics(step.merge.diagnostics);
            progress.tick();
            break;
          case 'stored':
            printDiagnostics(step.result.diagnostics);
            progress.tick({ events: step.outcome.status === 'unchanged' ? 0 : step.result.events.filter((e) => !e.background).length });
            break;
          case 'error':
            if (step.result) printDiagnostics(step.result.diagnostics);
            process.stderr.write(`sitrep: ${step.raw.source}: error ${step.stage === 'extract' ? 'extract/failed' : 'store/write-failed'}: ${step.message}\n`);
            progress.tick({ failed: true });
            break;
        }
      },
    });
  } finally {
    progress.done();
    await Promise.all([store.close(), extractor.close()]);
  }
  const secs = (Date.now() - started) / 1000;
  note(
    `ingested ${counts.inserted} new, ${counts.updated} updated, ${counts.unchanged} unchanged, ${counts.failed} failed; ${counts.events} news event report(s) in ${secs.toFixed(1)} s${metadataSummary(counts)}\n`,
  );
  return ingestExitCode({ stored: counts.inserted + counts.updated + counts.unchanged, failed: counts.failed }, opts.strict ?? false);
}

/** The summary's account of metadata merged with stored articles (`pipeline/stored-metadata.ts`), empty when none was. */
function metadataSummary(counts: { readonly metadataKept: number; readonly metadataChanged: number }): string {
  const parts: string[] = [];
  if (counts.metadataKept > 0) parts.push(`stored metadata kept for ${counts.metadataKept} article(s) whose input lacked it`);
  if (counts.metadataChanged > 0) parts.push(`metadata changed for ${counts.metadataChanged} article(s) (see the ingest/metadata-changed warnings)`);
  return parts.length === 0 ? '' : `; ${parts.join('; ')}`;
}
