/**
 * Readers for the three file formats of a data pack (JSON manifest, YAML entry list, TSV table,
 * plain word list), each validated with a zod schema. Every problem becomes a {@link PackError}
 * naming the file, the row and the field.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { PackError } from './pack-error.js';

/** Path shown in messages: relative to the working directory when inside it. */
export function displayPath(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
}

/** Reads a UTF-8 file, or throws a {@link PackError} naming it. */
export function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    throw new PackError(displayPath(file), `cannot read file (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
}

/** Reads a file's bytes, or throws a {@link PackError} naming it. */
function readBytes(file: string): Buffer {
  try {
    return readFileSync(file);
  } catch (err) {
    throw new PackError(displayPath(file), `cannot read file (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
}

function firstIssue(error: z.ZodError): { field: string | null; message: string } {
  const issue = error.issues[0];
  if (!issue) return { field: null, message: 'invalid' };
  const field = issue.path.filter((p) => typeof p === 'string' || typeof p === 'number').join('.');
  return { field: field === '' ? null : field, message: issue.message };
}

/**
 * Where parsed YAML is cached, keyed by a hash of the file's content: the `yaml` package parses
 * about 1 MB/s, too slow to re-read the curated lists at every start. Git-ignored; safe to delete.
 */
const YAML_CACHE_DIR = fileURLToPath(new URL('../../.cache/packs-yaml', import.meta.url));
/** Bump when the cache format changes. */
const YAML_CACHE_VERSION = '1';

export function parseYamlCached(text: string): unknown {
  const hash = createHash('sha1').update(YAML_CACHE_VERSION).update(text).digest('hex');
  const cached = path.join(YAML_CACHE_DIR, `${hash}.json`);
  try {
    return JSON.parse(readFileSync(cached, 'utf8')) as unknown;
  } catch {
    // not cached yet (or unreadable): parse and try to cache
  }
  const data: unknown = parseYaml(text);
  try {
    mkdirSync(YAML_CACHE_DIR, { recursive: true });
    writeFileSync(cached, JSON.stringify(data));
  } catch {
    // read-only checkout: no cache
  }
  return data;
}

/** Reads and validates a JSON file (a pack manifest). */
export function readJson<S extends z.ZodTypeAny>(file: string, schema: S): z.output<S> {
  let data: unknown;
  try {
    data = JSON.parse(readText(file));
  } catch (err) {
    if (err instanceof PackError) throw err;
    throw new PackError(displayPath(file), `invalid JSON: ${(err as Error).message}`);
  }
  const res = schema.safeParse(data);
  if (!res.success) {
    const { field, message } = firstIssue(res.error);
    throw new PackError(displayPath(file), message, { field });
  }
  return res.data as z.output<S>;
}

/** Reads a YAML file holding a list of entries and validates each one. */
export function readYamlList<S extends z.ZodTypeAny>(file: string, schema: S): z.output<S>[] {
  let data: unknown;
  try {
    data = parseYamlCached(readText(file));
  } catch (err) {
    if (err instanceof PackError) throw err;
    throw new PackError(displayPath(file), `invalid YAML: ${(err as Error).message.split('\n')[0] ?? ''}`);
  }
  if (data == null) return [];
  if (!Array.isArray(data)) throw new PackError(displayPath(file), 'expected a list of entries');
  return data.map((entry: unknown, i) => {
    const res = schema.safeParse(entry);
    if (!res.success) {
      const { field, message } = firstIssue(res.error);
      const id = entry && typeof entry === 'object' && 'id' in entry ? String((entry as { id: unknown }).id) : null;
      throw new PackError(displayPath(file), message, { row: i + 1, field, id });
    }
    return res.data as z.output<S>;
  });
}

/**
 * A hand-written converter for a hot TSV schema: returns the parsed row, or `undefined` when the
 * row is not valid (zod then produces the message). It must accept only what the schema accepts
 * and return what the schema returns (`schemas.test.ts` checks this with random rows).
 */
export type FastRow<T> = (col: Readonly<Record<string, number>>) => (cells: readonly string[]) => T | undefined;

/**
 * Reads a TSV table: `#` comment lines and blank lines are skipped, the first other line is the
 * header. Each row is validated with `schema` against an object keyed by the header; missing
 * trailing cells are empty strings. With `fast`, rows go through the fast converter and only the
 * rows it rejects through zod (tens of thousands of gazetteer rows load in milliseconds).
 */
export function readTsv<S extends z.ZodTypeAny>(file: string, schema: S, fast?: FastRow<z.output<S>>): z.output<S>[] {
  // Lines are decoded one by one from the bytes: an ASCII line becomes a one-byte string, and the
  // cells kept from it hold on to that line only, not to a 12-million-character copy of the file
  // (UTF-8 lines never split inside a character: a newline byte is never part of one).
  const bytes = readBytes(file);
  const out: z.output<S>[] = [];
  let header: string[] | null = null;
  const col: Record<string, number> = {};
  let convert: ((cells: readonly string[]) => z.output<S> | undefined) | null = null;
  // `i` is the 0-based line number
  for (let i = 0, from = 0; from <= bytes.length; i++) {
    let to = bytes.indexOf(0x0a, from);
    if (to < 0) to = bytes.length;
    const lineEnd = to > from && bytes[to - 1] === 0x0d ? to - 1 : to;
    const lineStart = from;
    from = to + 1;
    if (lineEnd === lineStart || bytes[lineStart] === 0x23 /* # */) continue;
    const line = bytes.toString('utf8', lineStart, lineEnd);
    const cells = line.split('\t');
    if (header === null) {
      header = cells;
      header.forEach((h, c) => (col[h] = c));
      convert = fast ? fast(col) : null;
      continue;
    }
    if (cells.length > header.length) {
      throw new PackError(displayPath(file), `${cells.length} cells for ${header.length} columns`, { row: i + 1 });
    }
    const quick = convert?.(cells);
    if (quick !== undefined) {
      out.push(quick);
      continue;
    }
    const row: Record<string, string> = {};
    for (let c = 0; c < header.length; c++) row[header[c]!] = cells[c] ?? '';
    const res = schema.safeParse(row);
    if (!res.success) {
      const { field, message } = firstIssue(res.error);
      throw new PackError(displayPath(file), message, { row: i + 1, field, id: row.id ?? row[header[0]!] ?? null });
    }
    out.push(res.data as z.output<S>);
  }
  if (header === null) throw new PackError(displayPath(file), 'empty table: no header line');
  return out;
}

/** Reads a word list: one item per line, `#` comments and blank lines skipped. */
export function readLines(file: string): string[] {
  return readText(file)
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
}
