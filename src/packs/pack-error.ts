/**
 * Thrown when a data pack cannot be read or does not validate. Pack problems are configuration
 * failures (architecture tier 3): the message names the file, the row (1-based line number for
 * TSV and text files, 1-based entry number for YAML lists) and the field, so that a curator can
 * fix the data without reading code.
 *
 * @example
 * packs/theatres/x/actors.yml: entry 3 (actor:x:foo): field "side": expected an upper-case side code
 */
export class PackError extends Error {
  readonly code = 'packs/invalid';
  /** Path of the offending file, relative to the working directory when possible. */
  readonly file: string;
  readonly row: number | null;
  readonly field: string | null;

  constructor(file: string, message: string, opts: { row?: number | null; field?: string | null; id?: string | null } = {}) {
    const where = [
      file,
      opts.row != null ? `${file.endsWith('.tsv') || file.endsWith('.tsv.gz') || file.endsWith('.txt') ? 'line' : 'entry'} ${opts.row}${opts.id ? ` (${opts.id})` : ''}` : null,
      opts.field ? `field "${opts.field}"` : null,
    ]
      .filter((p): p is string => p !== null)
      .join(': ');
    super(`${where}: ${message}`);
    this.name = 'PackError';
    this.file = file;
    this.row = opts.row ?? null;
    this.field = opts.field ?? null;
  }
}
