import { createReadStream, type Stats } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type { Diagnostic } from '../model/diagnostic.js';
import type { IngestItem } from '../model/ingest-item.js';
import { readArticleFields, type ArticleFields } from './article-fields.js';
import { decodeBytes } from './decode-bytes.js';
import { ingestDiagnostic } from './ingest-diagnostic.js';
import { normalizePublished } from './normalize-published.js';
import { parseFeed } from './parse-feed.js';
import { parseJsonBatch, parseJsonLine, type BatchContext } from './parse-json-batch.js';
import { parseHtmlArticle, parseTextArticle } from './parse-text-article.js';
import { jsonlSniffer, sniffFormat, type SniffedFormat } from './sniff-format.js';
import { splitLines } from './split-lines.js';
import { SIDECAR_SUFFIX, walkDirectory } from './walk-directory.js';

/** Options of {@link readInputs}. */
export interface ReadInputsOptions {
  /** `--published YYYY-MM-DD`: the publication date of inputs that carry none. */
  readonly published?: string;
  /** Read for the input `-`; defaults to `process.stdin`. */
  readonly stdin?: NodeJS.ReadableStream;
  /**
   * Largest input read, in bytes: a file (checked with `stat` before reading), stdin, or one
   * JSONL line (JSONL files are streamed, so a batch may be larger). Default 10 MB.
   */
  readonly maxBytes?: number;
  /**
   * Called with the size of each part of a file as it is done with (a whole file once its
   * articles have been taken, a JSONL file a chunk at a time as it is read, a file skipped as too
   * large), for a progress bar over the inputs' total size. Standard input is not counted.
   */
  readonly onBytesRead?: (bytes: number) => void;
}

/** The default of {@link ReadInputsOptions.maxBytes}: 10 MB. */
export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;

const MAX_SIDECAR_BYTES = 1024 * 1024;
const EXTENSION_FORMATS: Readonly<Record<string, SniffedFormat>> = {
  '.txt': 'txt', '.html': 'html', '.htm': 'html', '.json': 'json', '.jsonl': 'jsonl', '.xml': 'feed', '.rss': 'feed', '.atom': 'feed',
};

/**
 * Reads the CLI's inputs (paths, directories, `-` for stdin) and yields one item per article, or
 * per input that could not become one, strictly in input order (directories recursively, each
 * sorted by name). Nothing here throws for a bad input: it becomes a `failure` item whose
 * diagnostics say why (codes in `INGEST_CODES`), and the following inputs are still read.
 *
 * Formats are told by extension (`.txt`, `.html`/`.htm`, `.json`, `.jsonl`, `.xml`/`.rss`/`.atom`)
 * and sniffed for stdin and other names (see `sniffFormat`).
 *
 * @throws RangeError (on the first `next()`) when `opts.published` is not a date.
 * @example
 * for await (const item of readInputs(['articles/', '-'], { published: '2020-12-12' })) {
 *   if (item.kind === 'article') console.log(item.article.id);
 * }
 */
export async function* readInputs(inputs: readonly string[], opts: ReadInputsOptions = {}): AsyncGenerator<IngestItem> {
  const flagPublished = opts.published === undefined ? null : normalizePublished(opts.published);
  if (opts.published !== undefined && flagPublished === null) throw new RangeError(`published: not a date: ${opts.published}`);
  const ctx: ReadContext = { flagPublished, maxBytes: opts.maxBytes ?? DEFAULT_MAX_BYTES, onBytesRead: opts.onBytesRead ?? (() => {}) };
  for (const input of inputs) {
    if (input === '-') {
      yield* readStdin(opts.stdin ?? process.stdin, ctx);
      continue;
    }
    const info = await stat(input).catch((err: unknown) => err as NodeJS.ErrnoException);
    if (info instanceof Error) {
      yield fileFailure(input, info);
    } else if (info.isDirectory()) {
      try {
        for await (const path of walkDirectory(input)) yield* readFileInput(path, ctx);
      } catch (err) {
        yield fileFailure(input, err as NodeJS.ErrnoException);
      }
    } else {
      yield* readFileInput(input, ctx, info);
    }
  }
}

interface ReadContext {
  readonly flagPublished: string | null;
  readonly maxBytes: number;
  readonly onBytesRead: (bytes: number) => void;
}

/** One file; `known` is its stat when the caller has it already. */
async function* readFileInput(path: string, ctx: ReadContext, known?: Stats): AsyncGenerator<IngestItem> {
  const ext = extname(path).toLowerCase();
  const info = known ?? (await stat(path).catch((err: unknown) => err as NodeJS.ErrnoException));
  if (info instanceof Error) return yield fileFailure(path, info);
  if (!info.isFile()) return yield failure(path, ingestDiagnostic('ingest/unreadable', path, `${path}: not a regular file`));
  if (info.size > ctx.maxBytes && ext !== '.jsonl') {
    ctx.onBytesRead(info.size);
    return yield tooLarge(path, info.size, ctx.maxBytes);
  }
  if (ext === '.jsonl') return yield* readJsonlFile(path, ctx);
  // Counted once the file's articles have been taken (a JSON array of thousands is not done
  // when it has been read).
  try {
    const bytes = await readFile(path).catch((err: unknown) => err as NodeJS.ErrnoException);
    if (bytes instanceof Error) return yield fileFailure(path, bytes);
    const decoded = decodeBytes(bytes, path);
    if (!decoded.ok) return yield failure(path, decoded.diagnostic);
    const format = EXTENSION_FORMATS[ext] ?? sniffFormat(decoded.text);
    const stem = basename(path, extname(path));
    yield* parseDecoded(decoded.text, format, { source: path, fileId: stem, diagnostics: decoded.diagnostics, ctx });
  } finally {
    ctx.onBytesRead(info.size);
  }
}

interface ParseTarget {
  readonly source: string;
  readonly fileId: string | null;
  readonly diagnostics: readonly Diagnostic[];
  readonly ctx: ReadContext;
}

async function* parseDecoded(text: string, format: SniffedFormat, t: ParseTarget): AsyncGenerator<IngestItem> {
  const { source, ctx } = t;
  const batch: BatchContext = { source, format: format === 'jsonl' ? 'jsonl' : 'json', flagPublished: ctx.flagPublished, diagnostics: t.diagnostics };
  switch (format) {
    case 'json':
      return yield* parseJsonBatch(text, batch);
    case 'jsonl': {
      // Only stdin gets here (JSONL files are streamed); decodeBytes has ruled out blank input.
      const lines = text.split('\n');
      for (let i = 0; i < lines.length; i++) {
        const item = parseJsonLine(lines[i] as string, i + 1, batch);
        if (item !== null) yield item;
      }
      return;
    }
    case 'feed':
      return yield* parseFeed(text, { source, flagPublished: ctx.flagPublished, diagnostics: t.diagnostics });
    case 'html':
    case 'txt': {
      const sidecar = t.fileId === null ? null : await readSidecar(source, t.fileId);
      const single = {
        source,
        fileId: t.fileId,
        sidecar: sidecar?.fields ?? null,
        flagPublished: ctx.flagPublished,
        diagnostics: [...t.diagnostics, ...(sidecar?.diagnostics ?? [])],
      };
      return yield format === 'html' ? parseHtmlArticle(text, single) : parseTextArticle(text, single);
    }
  }
}

/** Streams a JSONL file line by line: memory stays at one line, the size limit is per line. */
async function* readJsonlFile(path: string, ctx: ReadContext): AsyncGenerator<IngestItem> {
  yield* readJsonlLines(path, counted(createReadStream(path, { highWaterMark: 1 << 16 }), ctx.onBytesRead), ctx, (err) => fileFailure(path, err));
}

/** Passes chunks through, telling `onBytes` the size of each. */
async function* counted(chunks: AsyncIterable<Uint8Array>, onBytes: (bytes: number) => void): AsyncGenerator<Uint8Array> {
  for await (const chunk of chunks) {
    onBytes(chunk.length);
    yield chunk;
  }
}

/** JSONL from a byte stream, one line at a time (each line at most `ctx.maxBytes`). */
async function* readJsonlLines(
  path: string,
  chunks: AsyncIterable<Uint8Array>,
  ctx: ReadContext,
  unreadable: (err: NodeJS.ErrnoException) => IngestItem,
): AsyncGenerator<IngestItem> {
  const batch: BatchContext = { source: path, format: 'jsonl', flagPublished: ctx.flagPublished, diagnostics: [] };
  let any = false;
  try {
    for await (const line of splitLines(chunks, ctx.maxBytes)) {
      const where = `${path} line ${line.n}`;
      if (line.bytes === null) {
        any = true;
        yield tooLarge(`${path}#${line.n}`, line.size, ctx.maxBytes, where);
        continue;
      }
      const decoded = decodeBytes(line.bytes, where);
      if (!decoded.ok) {
        if (decoded.diagnostic.code === 'ingest/empty-file') continue; // a blank line
        // Binary bytes in the first line: the whole file is not JSONL; later: that line only.
        if (!any) return yield failure(path, ingestDiagnostic('ingest/binary-file', path, `${path}: binary content, not JSONL`));
        yield { kind: 'failure', source: `${path}#${line.n}`, id: null, diagnostics: [{ ...decoded.diagnostic, source: path }] };
        continue;
      }
      any = true;
      const item = parseJsonLine(decoded.text, line.n, { ...batch, diagnostics: decoded.diagnostics.map((d) => ({ ...d, source: path })) });
      if (item !== null) yield item;
    }
  } catch (err) {
    return yield unreadable(err as NodeJS.ErrnoException);
  }
  if (!any) yield failure(path, ingestDiagnostic('ingest/empty-file', path, `${path}: empty file`));
}

/**
 * Standard input. JSONL is read a line at a time as it arrives, so a feed reader piping articles
 * in gets each one stored without waiting for the end of the stream (and there is no size limit
 * but the one per line); any other format is read whole, then parsed.
 */
async function* readStdin(stream: NodeJS.ReadableStream, ctx: ReadContext): AsyncGenerator<IngestItem> {
  const unreadable = (err: unknown): IngestItem =>
    failure('-', ingestDiagnostic('ingest/unreadable', '-', `-: cannot read standard input (${String(err)})`));
  const input = (stream as AsyncIterable<string | Uint8Array>)[Symbol.asyncIterator]();
  const chunks: Buffer[] = [];
  let size = 0;
  const sniff = jsonlSniffer();
  let jsonl: boolean | undefined;
  try {
    for (let r = await input.next(); !r.done; r = await input.next()) {
      const buf = Buffer.from(r.value);
      size += buf.length;
      chunks.push(buf);
      if (jsonl === undefined) {
        jsonl = sniff(buf);
        if (jsonl === true) break;
      }
      if (size > ctx.maxBytes) return yield tooLarge('-', size, ctx.maxBytes, 'standard input (at least)');
    }
  } catch (err) {
    return yield unreadable(err);
  }
  if (jsonl === true) {
    const head = Buffer.concat(chunks, size);
    async function* rest(): AsyncGenerator<Uint8Array> {
      yield head;
      for (let r = await input.next(); !r.done; r = await input.next()) yield Buffer.from(r.value);
    }
    return yield* readJsonlLines('-', rest(), ctx, unreadable);
  }
  const decoded = decodeBytes(Buffer.concat(chunks, size), '-');
  if (!decoded.ok) return yield failure('-', decoded.diagnostic);
  yield* parseDecoded(decoded.text, sniffFormat(decoded.text), { source: '-', fileId: null, diagnostics: decoded.diagnostics, ctx });
}

/** Reads `NAME.meta.json` beside `NAME.txt`/`NAME.html`; absent → null, broken → a warning. */
async function readSidecar(path: string, stem: string): Promise<{ fields: ArticleFields | null; diagnostics: Diagnostic[] } | null> {
  const sidecarPath = path.slice(0, path.length - basename(path).length) + stem + SIDECAR_SUFFIX;
  const info = await stat(sidecarPath).catch(() => null);
  if (info === null || !info.isFile()) return null;
  const warn = (why: string) => ({
    fields: null,
    diagnostics: [ingestDiagnostic('ingest/invalid-sidecar', sidecarPath, `${sidecarPath}: ${why}; ignored`)],
  });
  if (info.size > MAX_SIDECAR_BYTES) return warn('larger than 1 MB');
  try {
    const value: unknown = JSON.parse(await readFile(sidecarPath, 'utf8'));
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return warn('not a JSON object');
    return readArticleFields(value as Record<string, unknown>, sidecarPath, sidecarPath);
  } catch (err) {
    return warn(err instanceof Error ? err.message : String(err));
  }
}

function fileFailure(path: string, err: NodeJS.ErrnoException): IngestItem {
  const code = err.code === 'ENOENT' || err.code === 'ENOTDIR' ? 'ingest/not-found' : 'ingest/unreadable';
  const why = code === 'ingest/not-found' ? 'no such file or directory' : `cannot read (${err.code ?? err.message})`;
  return failure(path, ingestDiagnostic(code, path, `${path}: ${why}`));
}

function tooLarge(source: string, size: number, limit: number, what = source): IngestItem {
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
  const path = source.replace(/#\d+$/, '');
  return failure(source, ingestDiagnostic('ingest/too-large', path, `${what}: ${mb(size)} is over the ${mb(limit)} limit; not read`));
}

function failure(source: string, diagnostic: Diagnostic): IngestItem {
  return { kind: 'failure', source, id: null, diagnostics: [diagnostic] };
}
