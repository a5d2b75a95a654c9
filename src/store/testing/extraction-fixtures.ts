/**
 * Hand-made {@link ExtractionResult}s for store tests: short invented texts (no third-party
 * article text), spans computed from the text so they are always valid.
 */
import type { Diagnostic } from '../../model/diagnostic.js';
import type { Actor, ArticleEvent, Place, Statement } from '../../model/event.js';
import type { ExtractionResult } from '../../model/extraction.js';
import { type Span, sliceSpan } from '../../model/span.js';

/** Invented article text used by default: title line, blank line, three body sentences. */
export const FIXTURE_TEXT =
  'Shelling reported near Fakeville\n\n' +
  'Artillery hit the village of Fakeville on Monday, the defence ministry said. ' +
  'Two soldiers were wounded in a clash near Testgrad. ' +
  'In 1999 the sides signed a truce.';

/** The span of the first occurrence of `needle` in `text`. */
export function spanOf(text: string, needle: string): Span {
  const start = text.indexOf(needle);
  if (start < 0) throw new Error(`fixture: "${needle}" not in text`);
  return sliceSpan(text, start, start + needle.length);
}

export const ARM_FORCES: Actor = { name: 'Military Forces of Armenia', side: 'ARM', country: 'ARM', inter: 1 };
export const AZE_FORCES: Actor = { name: 'Military Forces of Azerbaijan', side: 'AZE', country: 'AZE', inter: 1, id: 'actor:aze-forces' };

export const FAKEVILLE: Place = {
  name: 'Fakeville',
  source_text: 'Fakeville',
  country: 'AZE',
  admin1: 'Testland',
  admin2: null,
  lat: 39.5,
  lon: 46.75,
  geo_precision: 1,
};

/** An article event; `overrides` replace any field. */
export function makeEvent(id: string, overrides: Partial<ArticleEvent> = {}, text: string = FIXTURE_TEXT): ArticleEvent {
  const evidence = spanOf(text, 'Artillery hit the village of Fakeville on Monday');
  return {
    id,
    event_type: 'Explosions/Remote violence',
    sub_event_type: 'Shelling/artillery/missile attack',
    date: '2021-03-01',
    date_end: null,
    date_precision: 'day',
    date_source: 'text',
    actor1: ARM_FORCES,
    actor2: AZE_FORCES,
    location: FAKEVILLE,
    fatalities: null,
    injured: null,
    ceasefire_violation: true,
    background: false,
    claims: [{ claimant: AZE_FORCES, stance: 'accuses', hedged: false, evidence }],
    evidence: [evidence],
    field_spans: { trigger: spanOf(text, 'Artillery'), location: spanOf(text, 'Fakeville on') },
    rules: ['extract/test'],
    ...overrides,
  };
}

export interface MakeExtractionOptions {
  readonly text?: string;
  readonly outlet?: string | null;
  readonly published?: string | null;
  readonly events?: readonly ArticleEvent[];
  readonly statements?: readonly Statement[];
  readonly diagnostics?: readonly Diagnostic[];
  readonly versions?: Readonly<Record<string, string>>;
}

/**
 * An extraction of the fixture text with, by default, a news shelling event (`e1`), a news clash
 * with 2 injured (`e2`), a background agreement (`e3`), one statement and one diagnostic.
 */
export function makeExtraction(id: string, options: MakeExtractionOptions = {}): ExtractionResult {
  const text = options.text ?? FIXTURE_TEXT;
  const defaults = options.text === undefined;
  const events =
    options.events ??
    (defaults
      ? [
          makeEvent('e1'),
          makeEvent('e2', {
            event_type: 'Battles',
            sub_event_type: 'Armed clash',
            actor1: AZE_FORCES,
            actor2: ARM_FORCES,
            location: { ...FAKEVILLE, name: 'Testgrad', source_text: 'Testgrad', lat: 40.1, lon: 45.2, geo_precision: 2 },
            injured: 2,
            claims: [],
            evidence: [spanOf(text, 'Two soldiers were wounded in a clash near Testgrad.')],
          }),
          makeEvent('e3', {
            event_type: 'Strategic developments',
            sub_event_type: 'Agreement',
            date: '1999-01-01',
            date_precision: 'year',
            ceasefire_violation: false,
            background: true,
            claims: [],
            evidence: [spanOf(text, 'In 1999 the sides signed a truce.')],
          }),
        ]
      : []);
  const statements =
    options.statements ??
    (defaults
      ? [
          {
            id: 's1',
            type: 'accuse' as const,
            speaker: AZE_FORCES,
            target: ARM_FORCES,
            date: '2021-03-01',
            about_event: 'e1',
            evidence: spanOf(text, 'the defence ministry said'),
          },
        ]
      : []);
  return {
    article: {
      id,
      source: `fixtures/${id}.txt`,
      title: text.split('\n')[0] ?? null,
      outlet: options.outlet === undefined ? 'Example Wire' : options.outlet,
      url: `https://example.org/${id}`,
      published: options.published === undefined ? '2021-03-02' : options.published,
      published_source: 'metadata',
      published_confidence: 'high',
      language: 'en',
      text,
    },
    events,
    statements,
    diagnostics: options.diagnostics ?? [{ code: 'extract/test-note', severity: 'info', message: 'fixture', articleId: id }],
    ...(options.versions === undefined ? {} : { versions: options.versions }),
  };
}
