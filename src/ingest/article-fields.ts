import type { Diagnostic } from '../model/diagnostic.js';
import { ingestDiagnostic } from './ingest-diagnostic.js';
import { normalizePublished } from './normalize-published.js';

/** The article-object and sidecar fields of the CLI contract, read and type-checked. */
export interface ArticleFields {
  readonly id: string | null;
  readonly title: string | null;
  readonly text: string | null;
  readonly html: string | null;
  readonly url: string | null;
  readonly outlet: string | null;
  /** Normalised by {@link normalizePublished}; null when absent or not a date. */
  readonly published: string | null;
  readonly language: string | null;
}

/** Fields with nothing in them. */
export const NO_FIELDS: ArticleFields = {
  id: null, title: null, text: null, html: null, url: null, outlet: null, published: null, language: null,
};

const STRING_FIELDS = ['title', 'text', 'html', 'url', 'outlet', 'language'] as const;

/**
 * Reads the contract's fields from a parsed JSON object. A field of the wrong type is ignored
 * with an `ingest/invalid-field` warning, an unparseable `published` with `ingest/invalid-date`;
 * unknown fields are ignored silently. Blank strings count as absent. A numeric `id` is kept
 * as its decimal string. `where` names the file and line/item in messages.
 */
export function readArticleFields(
  obj: Readonly<Record<string, unknown>>,
  source: string,
  where: string,
): { fields: ArticleFields; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const bad = (name: string): null => {
    diagnostics.push(ingestDiagnostic('ingest/invalid-field', source, `${where}: field "${name}" is not a string; ignored`));
    return null;
  };
  const str = (name: string): string | null => {
    const v = obj[name];
    if (v === undefined || v === null) return null;
    if (typeof v !== 'string') return bad(name);
    return v.trim() === '' ? null : v;
  };
  const rawId = obj['id'];
  const id =
    typeof rawId === 'number' && Number.isFinite(rawId) ? String(rawId) : rawId === undefined || rawId === null ? null : str('id');
  const values = Object.fromEntries(STRING_FIELDS.map((name) => [name, str(name)])) as Record<
    (typeof STRING_FIELDS)[number],
    string | null
  >;
  const publishedRaw = str('published');
  let published: string | null = null;
  if (publishedRaw !== null) {
    published = normalizePublished(publishedRaw);
    if (published === null) {
      diagnostics.push(
        ingestDiagnostic(
          'ingest/invalid-date',
          source,
          `${where}: "published" is not an ISO date: ${JSON.stringify(publishedRaw.slice(0, 40))}; ignored`,
        ),
      );
    }
  }
  return { fields: { ...values, id: id === null ? null : id.trim(), published }, diagnostics };
}
