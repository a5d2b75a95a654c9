/**
 * A synthetic store for scale tests and the web bench: invented articles and N merged events
 * spread over the Armenia–Azerbaijan theatre and three years, deterministic for a seed.
 */
import type { Actor, ArticleEvent, Claim } from '../../model/event.js';
import type { ExtractionResult } from '../../model/extraction.js';
import type { MergedEvent } from '../../store/records.js';
import type { Store } from '../../store/store.js';

const TYPES: readonly (readonly [string, string])[] = [
  ['Battles', 'Armed clash'],
  ['Battles', 'Government regains territory'],
  ['Explosions/Remote violence', 'Shelling/artillery/missile attack'],
  ['Explosions/Remote violence', 'Air/drone strike'],
  ['Violence against civilians', 'Attack'],
  ['Strategic developments', 'Disrupted weapons use'],
  ['Strategic developments', 'Agreement'],
];
const ARM: Actor = { name: 'Military Forces of Armenia', side: 'ARM', country: 'ARM', inter: 1 };
const AZE: Actor = { name: 'Military Forces of Azerbaijan', side: 'AZE', country: 'AZE', inter: 1 };
const OUTLETS = ['Synthetic Wire', 'Example Daily', 'Test Gazette', 'Sample Times', 'Mock Herald'];
const DAY = 86_400_000;
const START = Date.UTC(2020, 8, 27);
const SPAN_DAYS = 3 * 365;

/** A small seeded PRNG (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Options of {@link fillSyntheticStore}. */
export interface SyntheticOptions {
  readonly events: number;
  readonly articles?: number;
  readonly seed?: number;
}

/** Writes the synthetic articles and events into `store` (migrated, empty); returns the counts. */
export async function fillSyntheticStore(store: Store, options: SyntheticOptions): Promise<{ articles: number; events: number }> {
  const random = rng(options.seed ?? 42);
  const nArticles = options.articles ?? Math.max(1, Math.ceil(options.events / 10));
  const text = 'Synthetic report\n\nForces exchanged fire near the line of contact, officials said.';
  const evidence = { start: 18, end: text.length, text: text.slice(18) };
  await store.transaction(async (tx) => {
    for (let i = 0; i < nArticles; i++) {
      const result: ExtractionResult = {
        article: {
          id: `syn-a${i}`, source: `synthetic/${i}`, title: `Synthetic report ${i}`, outlet: OUTLETS[i % OUTLETS.length]!, url: null,
          published: new Date(START + Math.floor(random() * SPAN_DAYS) * DAY).toISOString().slice(0, 10),
          published_source: 'metadata', published_confidence: 'high', language: 'en', text,
        },
        events: [] as ArticleEvent[],
        statements: [],
        diagnostics: [],
      };
      await tx.saveExtraction(result, { contentHash: `syn-${i}` });
    }
  });
  const batch: MergedEvent[] = [];
  const flush = async (): Promise<void> => {
    await store.replaceMergedEvents([], batch.splice(0));
  };
  for (let i = 0; i < options.events; i++) {
    const [eventType, subType] = TYPES[Math.floor(random() * TYPES.length)]!;
    const azeFirst = random() < 0.5;
    const actor1 = azeFirst ? AZE : ARM;
    const actor2 = azeFirst ? ARM : AZE;
    const ceasefire = eventType !== 'Strategic developments' && random() < 0.3;
    const claims: Claim[] = ceasefire ? [{ claimant: actor2, stance: 'accuses', hedged: false, evidence, accused: actor1 }] : [];
    const article = Math.floor(random() * nArticles);
    batch.push({
      id: `syn-e${String(i).padStart(6, '0')}`,
      event_type: eventType,
      sub_event_type: subType,
      date: new Date(START + Math.floor(random() * SPAN_DAYS) * DAY).toISOString().slice(0, 10),
      date_end: null,
      date_precision: 'day',
      date_source: 'text',
      actor1,
      actor2,
      location: {
        name: `Place ${Math.floor(random() * 400)}`, source_text: 'near the line of contact', country: random() < 0.7 ? 'AZE' : 'ARM',
        admin1: null, admin2: null, lat: Math.round((38.6 + random() * 2.8) * 1e4) / 1e4, lon: Math.round((44.6 + random() * 3.8) * 1e4) / 1e4, geo_precision: 1,
      },
      fatalities: random() < 0.6 ? 0 : Math.floor(random() * 12),
      injured: null,
      ceasefire_violation: ceasefire,
      background: false,
      claims,
      evidence: [evidence],
      story_id: null,
      reports: [{ article_id: `syn-a${article}`, event_id: 'e1' }],
      sources: 1,
      contradictions: [],
    });
    if (batch.length >= 5000) await flush();
  }
  if (batch.length > 0) await flush();
  return { articles: nArticles, events: options.events };
}
