/** Small helpers for what the CLI prints: diagnostics on stderr, JSON lines or arrays, padded tables. */
import type { Diagnostic } from '../model/diagnostic.js';

let quiet = false;

/** `--quiet`: from now on only errors reach standard error (no progress, summaries, info or warnings). */
export function setQuiet(value: boolean): void {
  quiet = value;
}

/** True under `--quiet`. */
export function isQuiet(): boolean {
  return quiet;
}

/** Writes a progress, summary or other informational line to standard error, unless `--quiet`. */
export function note(text: string): void {
  if (!quiet) process.stderr.write(text);
}

/**
 * One line per diagnostic on standard error: `sitrep: SOURCE: severity CODE: message`. A message
 * that starts with its source (`path: not a regular file`, `path line 3: bad JSON`) has that
 * prefix moved to the SOURCE place, so the path is not printed twice. Info lines only with
 * SITREP_VERBOSE; under `--quiet`, errors only.
 */
export function printDiagnostics(diags: readonly Diagnostic[], stream: NodeJS.WritableStream = process.stderr): void {
  for (const d of diags) {
    if (d.severity === 'info' && !process.env.SITREP_VERBOSE) continue;
    if (quiet && d.severity !== 'error') continue;
    stream.write(`${diagnosticLine(d)}\n`);
  }
}

/** The printed form of one diagnostic (without newline). */
export function diagnosticLine(d: Diagnostic): string {
  const source = d.source ?? d.articleId ?? '-';
  let where = source;
  let message = d.message;
  if (source !== '-' && message.startsWith(source)) {
    const colon = message.indexOf(': ', source.length);
    // `source: rest` or `source line 3: rest` (a short qualifier only, never a whole sentence).
    if (colon >= 0 && colon - source.length <= 24) {
      where = message.slice(0, colon);
      message = message.slice(colon + 2);
    }
  }
  return `sitrep: ${where}: ${d.severity} ${d.code}: ${message}`;
}

/** Renders rows as a fixed-width table with a header line. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.min(48, Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length))));
  const fmt = (r: readonly string[]) => r.map((c, i) => {
    const w = widths[i]!;
    const cell = c.length > w ? `${c.slice(0, w - 1)}…` : c;
    return cell.padEnd(w);
  }).join('  ').trimEnd();
  return [fmt(header), fmt(widths.map((w) => '-'.repeat(w))), ...rows.map(fmt)].join('\n') + '\n';
}

/** Writes to stdout and waits when the pipe is full, so huge outputs do not pile up in memory. */
export async function write(text: string): Promise<void> {
  if (!process.stdout.write(text)) await new Promise<void>((resolve) => process.stdout.once('drain', resolve));
}

/** Streams records as JSON lines (`jsonl`) or as one JSON array (`json`), one record per line either way. */
export interface RecordWriter {
  add(value: unknown): Promise<void>;
  /** Closes the array (`json`); nothing for `jsonl`. */
  end(): Promise<void>;
}

export function recordWriter(format: 'jsonl' | 'json'): RecordWriter {
  let n = 0;
  return {
    async add(value) {
      const line = JSON.stringify(value);
      await write(format === 'jsonl' ? `${line}\n` : `${n === 0 ? '[\n' : ',\n'}${line}`);
      n++;
    },
    async end() {
      if (format === 'json') await write(n === 0 ? '[]\n' : '\n]\n');
    },
  };
}
