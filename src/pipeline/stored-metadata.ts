/**
 * Re-ingesting an article id merges its metadata with what is stored, field by field, before
 * the article is hashed and extracted (#17 item 1):
 * - a field the new input does not give (`null`: a raw `.txt` file has no outlet, no date) keeps
 *   the stored value, so re-reading a folder of raw texts after the JSON lines never erases who
 *   published an article or when;
 * - a field the new input gives with a different value replaces the stored one (an outlet or
 *   title corrected at the source), and the user is told: an `ingest/metadata-changed` warning
 *   naming the article and the field;
 * - a stored publication date counts as given only when it came from metadata or `--published`
 *   (one inferred from the text is inferred again from the new text).
 *
 * Because the merge happens before the content hash, re-ingesting the same text from a source
 * with less metadata is `unchanged`: nothing is extracted or written again.
 * Used by `sitrep ingest` (`ingestItems`, SQLite and PostgreSQL), `POST /api/articles` and the
 * PostgreSQL worker.
 */
import { ingestDiagnostic } from '../ingest/ingest-diagnostic.js';
import type { RawArticle } from '../model/article.js';
import type { Diagnostic } from '../model/diagnostic.js';
import { contentHash } from '../store/content-hash.js';
import type { Store } from '../store/store.js';

/** The metadata fields that merge. */
export const METADATA_FIELDS = ['title', 'url', 'outlet', 'published', 'language'] as const;
export type MetadataField = (typeof METADATA_FIELDS)[number];

/** What is stored of an article's metadata (its `ExtractionResult.article`). */
export interface StoredMetadata {
  readonly title: string | null;
  readonly url: string | null;
  readonly outlet: string | null;
  readonly published: string | null;
  readonly published_source: string | null;
  readonly language: string | null;
}

/** A field the new input gave with another value than the stored one. */
export interface MetadataChange {
  readonly field: MetadataField;
  readonly from: string;
  readonly to: string;
}

/** What merging did to one raw article. */
export interface MetadataMerge {
  /** The raw article with the kept fields filled in. */
  readonly raw: RawArticle;
  /** Fields the input lacked and the stored article gave. */
  readonly kept: readonly MetadataField[];
  readonly changed: readonly MetadataChange[];
  /** `ingest/metadata-kept` (info) and `ingest/metadata-changed` (warning), one per article. */
  readonly diagnostics: readonly Diagnostic[];
}

const collapse = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** The stored value of `field` as the input would give it, or null when nothing is stored for it. */
function storedValue(stored: StoredMetadata, field: MetadataField): string | null {
  if (field === 'published') {
    // A date inferred from the text is not metadata: the new text is dated again.
    return stored.published_source === 'metadata' || stored.published_source === 'flag' ? stored.published : null;
  }
  if (field === 'language') return stored.language === null || stored.language === 'und' ? null : stored.language;
  const value = stored[field];
  return value === null || collapse(value) === '' ? null : value;
}

/** Whether the input's value says the same as the stored one (dates by day, titles and names by their words, languages by their primary tag). */
function same(field: MetadataField, given: string, stored: string): boolean {
  if (field === 'published') return given.slice(0, 10) === stored.slice(0, 10);
  if (field === 'language') return given.toLowerCase().split(/[-_]/)[0] === stored.toLowerCase().split(/[-_]/)[0];
  return collapse(given) === collapse(stored);
}

/** Merges `raw`'s metadata with `stored` (see the module comment). */
export function mergeMetadata(raw: RawArticle, stored: StoredMetadata): MetadataMerge {
  const kept: MetadataField[] = [];
  const changed: MetadataChange[] = [];
  const filled: { -readonly [K in keyof RawArticle]?: RawArticle[K] } = {};
  for (const field of METADATA_FIELDS) {
    const before = storedValue(stored, field);
    if (before === null) continue;
    const given = raw[field];
    if (given === null || collapse(given) === '') {
      kept.push(field);
      filled[field] = before;
      if (field === 'published') filled.publishedSource = stored.published_source === 'flag' ? 'flag' : 'metadata';
    } else if (!same(field, given, before)) {
      changed.push({ field, from: before, to: given });
    }
  }
  const diagnostics: Diagnostic[] = [];
  if (kept.length > 0) {
    diagnostics.push(
      ingestDiagnostic('ingest/metadata-kept', raw.source, `article ${raw.id}: this input gives no ${kept.join(', ')}; kept the stored ${kept.map((f) => `${f} ${JSON.stringify(filled[f])}`).join(', ')}`, raw.id),
    );
  }
  if (changed.length > 0) {
    diagnostics.push(
      ingestDiagnostic('ingest/metadata-changed', raw.source, `article ${raw.id}: ${changed.map((c) => `${c.field} changed from ${JSON.stringify(c.from)} to ${JSON.stringify(c.to)}`).join('; ')}`, raw.id),
    );
  }
  return { raw: kept.length > 0 ? { ...raw, ...filled } : raw, kept, changed, diagnostics };
}

/** What `prepareStoredArticle` decided for one raw article. */
export interface PreparedArticle {
  /** The article to extract: `raw` with stored metadata merged in (`raw` itself for a new id). */
  readonly raw: RawArticle;
  /** Its content hash (of the merged article). */
  readonly hash: string;
  /** The stored content hash, null for a new article id. */
  readonly storedHash: string | null;
  /** The stored article has this very content: nothing to extract or write. */
  readonly unchanged: boolean;
  /** The merge, when the id was stored and the input differed from it. */
  readonly merge: MetadataMerge | null;
}

/**
 * Reads what is stored of `raw.id` and merges it in: one read (the content hash) when the id is
 * new or unchanged, a second (the stored article) only when the input differs from what is
 * stored.
 */
export async function prepareStoredArticle(store: Store, raw: RawArticle, versions: string | Readonly<Record<string, string>>): Promise<PreparedArticle> {
  const hash = contentHash(raw, versions);
  const storedHash = await store.getContentHash(raw.id);
  if (storedHash === null || storedHash === hash) return { raw, hash, storedHash, unchanged: storedHash === hash, merge: null };
  const stored = await store.getArticle(raw.id);
  if (stored === null) return { raw, hash, storedHash, unchanged: false, merge: null };
  let merge = mergeMetadata(raw, stored.extraction.article);
  let mergedHash = merge.kept.length > 0 ? contentHash(merge.raw, versions) : hash;
  if (mergedHash !== storedHash && merge.kept.includes('language')) {
    // The stored language may have been detected rather than given: the same input without it
    // is the same article.
    const alone = mergeMetadata(raw, { ...stored.extraction.article, language: null });
    const aloneHash = alone.kept.length > 0 ? contentHash(alone.raw, versions) : hash;
    if (aloneHash === storedHash) [merge, mergedHash] = [alone, aloneHash];
  }
  return { raw: merge.raw, hash: mergedHash, storedHash, unchanged: mergedHash === storedHash, merge };
}

/** Adds the merge's diagnostics to an article's, without repeating one already there. */
export function withMergeDiagnostics(diagnostics: readonly Diagnostic[], merge: MetadataMerge | null): Diagnostic[] {
  if (merge === null || merge.diagnostics.length === 0) return [...diagnostics];
  return [...merge.diagnostics.filter((d) => !diagnostics.some((e) => e.code === d.code && e.message === d.message)), ...diagnostics];
}
