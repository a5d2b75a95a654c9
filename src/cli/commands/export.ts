/** `sitrep export --format acled-csv|geojson|jsonl [filters] [--output FILE]`: the stored events in an analyst's format. */
import fs from 'node:fs';
import path from 'node:path';
import { type ExportFormat, exportEvents } from '../../export/export-events.js';
import { openStore } from '../../store/open-store.js';
import type { MergedEventFilter } from '../../store/store.js';
import { note, write } from '../output.js';

export interface ExportOptions {
  readonly db: string | undefined;
  readonly format: ExportFormat;
  /** Already validated (`parseEventFilter`, as the API does). */
  readonly filter: MergedEventFilter;
  readonly limit: number | undefined;
  /** A file to write; standard output when undefined or `-`. */
  readonly output: string | undefined;
}

/** Writes the export; 1 when the output cannot be written. */
export async function runExport(opts: ExportOptions): Promise<number> {
  const { filter } = opts;
  const toFile = opts.output !== undefined && opts.output !== '-';
  if (toFile) {
    // A clean error, before any work, for a file that cannot be written.
    const dir = path.dirname(path.resolve(opts.output!));
    if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
      process.stderr.write(`sitrep: cannot write ${opts.output}: the directory ${dir} does not exist\n`);
      return 1;
    }
    if (fs.existsSync(opts.output!) && fs.statSync(opts.output!).isDirectory()) {
      process.stderr.write(`sitrep: cannot write ${opts.output}: it is a directory\n`);
      return 1;
    }
  }
  const store = await openStore(opts.db);
  const file = toFile ? fs.createWriteStream(opts.output!) : null;
  let writeError: Error | null = null;
  file?.on('error', (err) => {
    writeError = err;
  });
  let n = 0;
  try {
    for await (const chunk of exportEvents(store, opts.format, { ...filter, ...(opts.limit ? { limit: opts.limit } : {}) })) {
      n++;
      if (file === null) await write(chunk);
      else if (!file.write(chunk)) await new Promise<void>((resolve) => file.once('drain', resolve));
    }
  } finally {
    await store.close();
    if (file !== null) await new Promise<void>((resolve, reject) => file.end((err?: Error | null) => (err ? reject(err) : resolve())));
  }
  if (writeError) {
    process.stderr.write(`sitrep: cannot write ${opts.output}: ${(writeError as Error).message}\n`);
    return 1;
  }
  if (toFile) note(`sitrep: wrote ${opts.format} to ${opts.output}\n`);
  return n >= 0 ? 0 : 1;
}
