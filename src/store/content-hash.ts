/**
 * The content hash that makes saving idempotent: the same article id with the same hash is
 * `unchanged` and nothing is written; a different hash replaces the article's rows.
 */
import { createHash } from 'node:crypto';

/**
 * The article fields that decide what extraction yields. Both a `RawArticle` (before cleaning,
 * so a pipeline can skip unchanged inputs early via `store.getContentHash`) and an
 * `ArticleOutput` fit; only these fields are hashed (not `source`: moving a file changes nothing).
 */
export interface ContentHashInput {
  readonly id: string;
  readonly title?: string | null;
  readonly text?: string | null;
  readonly html?: string | null;
  readonly url?: string | null;
  readonly outlet?: string | null;
  readonly published?: string | null;
  readonly language?: string | null;
}

const FIELDS = ['id', 'title', 'text', 'html', 'url', 'outlet', 'published', 'language'] as const;

/**
 * sha256 (lower-case hex) of a stable serialization of the article's fields and the versions of
 * what processes it (extractor version, or the `{packId: version}` map of an `ExtractionResult`).
 * Absent and null fields hash alike; key order never matters.
 *
 * @example
 * ```ts
 * contentHash({ id: 'a1', title: 'Clashes', text: '…' }, '0.1.0') // → '3f0c…' (64 hex digits)
 * ```
 */
export function contentHash(article: ContentHashInput, versions: string | Readonly<Record<string, string>>): string {
  const fields: Record<string, string | null> = {};
  for (const key of FIELDS) fields[key] = article[key] ?? null;
  return createHash('sha256').update(stableStringify({ article: fields, versions })).digest('hex');
}

/** JSON with object keys sorted at every level, so equal values serialize identically. */
function stableStringify(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(',')}}`;
}
