/** Small helpers for what the CLI prints: diagnostics on stderr, JSON lines, padded tables. */
import type { Diagnostic } from '../model/diagnostic.js';

/** One line per diagnostic on standard error: `sitrep: SOURCE: severity CODE: message`. */
export function printDiagnostics(diags: readonly Diagnostic[], stream: NodeJS.WritableStream = process.stderr): void {
  for (const d of diags) {
    if (d.severity === 'info' && !process.env.SITREP_VERBOSE) continue;
    stream.write(`sitrep: ${d.source ?? d.articleId ?? '-'}: ${d.severity} ${d.code}: ${d.message}\n`);
  }
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
