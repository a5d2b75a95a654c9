/**
 * A small hand-made store for API, export and store-query tests: three invented articles from
 * two outlets and six merged events that differ in every filterable field. No third-party text.
 */
import type { ArticleEvent } from '../../model/event.js';
import type { EventFields, MergedEvent } from '../../store/records.js';
import { SqliteStore } from '../../store/sqlite/sqlite-store.js';
import { ARM_FORCES, AZE_FORCES, FAKEVILLE, makeEvent, makeExtraction, spanOf } from '../../store/testing/extraction-fixtures.js';

/** Invented text of the second article. */
export const SECOND_TEXT =
  'Drone strike on a depot near Northtown\n\n' +
  'A drone struck an ammunition depot near Northtown on Tuesday, local officials said. ' +
  'Three people were killed and the blast was heard across the valley.';

/** Invented text of the third article (no outlet). */
export const THIRD_TEXT = 'Talks in Lakeside\n\nDelegations met in Lakeside to discuss a new truce, a spokesman announced.';

const fieldsOf = (event: ArticleEvent): EventFields => {
  const { id: _id, field_spans: _fs, control: _c, rules: _r, mentions: _m, ...fields } = event;
  return fields;
};

function merged(id: string, event: ArticleEvent, reports: MergedEvent['reports'], extra: Partial<MergedEvent> = {}): MergedEvent {
  return { ...fieldsOf(event), id, story_id: null, reports, sources: 1, contradictions: [], ...extra };
}

/** The merged events of {@link openSampleStore}, in `listEvents` order (background last among dated is not special). */
export function sampleEvents(): MergedEvent[] {
  const a1 = makeExtraction('a1');
  const [e1, e2, e3] = a1.events as [ArticleEvent, ArticleEvent, ArticleEvent];
  const drone = makeEvent(
    'e1',
    {
      event_type: 'Explosions/Remote violence',
      sub_event_type: 'Air/drone strike',
      date: '2021-03-02',
      actor1: AZE_FORCES,
      actor2: ARM_FORCES,
      location: { ...FAKEVILLE, name: 'Northtown', source_text: 'Northtown', lat: 40.6, lon: 44.9, geo_precision: 1 },
      fatalities: 3,
      ceasefire_violation: false,
      claims: [
        {
          claimant: { name: 'Local officials', side: 'ARM', country: 'ARM', inter: 1 },
          stance: 'accuses',
          hedged: true,
          evidence: spanOf(SECOND_TEXT, 'A drone struck an ammunition depot near Northtown on Tuesday'),
          accused: AZE_FORCES,
        },
      ],
      evidence: [spanOf(SECOND_TEXT, 'A drone struck an ammunition depot near Northtown on Tuesday, local officials said.')],
      field_spans: {},
    },
  );
  const talks = makeEvent(
    'e1',
    {
      event_type: 'Strategic developments',
      sub_event_type: 'Agreement',
      date: null,
      date_precision: null,
      date_source: null,
      actor1: { name: 'Government of Armenia', side: 'ARM', country: 'ARM', inter: 1 },
      actor2: { name: 'Government of Azerbaijan', side: 'AZE', country: 'AZE', inter: 1 },
      location: { ...FAKEVILLE, name: 'Lakeside', source_text: 'Lakeside', country: 'GEO', lat: 41.7, lon: 44.8, geo_precision: 1 },
      ceasefire_violation: false,
      claims: [],
      evidence: [spanOf(THIRD_TEXT, 'Delegations met in Lakeside to discuss a new truce')],
      field_spans: {},
    },
  );
  const accusedE1 = { ...e1, claims: e1.claims.map((c) => ({ ...c, accused: ARM_FORCES })) };
  return [
    merged('m1', accusedE1, [{ article_id: 'a1', event_id: 'e1' }, { article_id: 'a2', event_id: 'e1' }], {
      story_id: 's1',
      sources: 2,
      fatalities: 1,
      contradictions: [
        {
          field: 'fatalities',
          values: [
            { value: 1, claimants: ['Example Wire'] },
            { value: 3, claimants: ['Beta Daily'] },
          ],
        },
      ],
    }),
    merged('m2', e2, [{ article_id: 'a1', event_id: 'e2' }], { story_id: 's1' }),
    merged('m3', drone, [{ article_id: 'a2', event_id: 'e1' }], { date: '2021-03-09' }),
    merged('m4', { ...e2, date: '2021-04-20', location: null, actor1: ARM_FORCES, actor2: null, ceasefire_violation: true }, [
      { article_id: 'a2', event_id: 'e1' },
    ]),
    merged('m5', talks, [{ article_id: 'a3', event_id: 'e1' }]),
    merged('m0', e3, [{ article_id: 'a1', event_id: 'e3' }]),
  ];
}

/** Opens an in-memory SQLite store with the sample articles, events and one story `s1`. */
export async function openSampleStore(): Promise<SqliteStore> {
  const store = SqliteStore.open(':memory:');
  await store.migrate();
  const a2Event = makeEvent('e1', { evidence: [spanOf(SECOND_TEXT, 'A drone struck an ammunition depot')], claims: [], field_spans: {} });
  const a3Event = makeEvent('e1', { evidence: [spanOf(THIRD_TEXT, 'Delegations met in Lakeside')], claims: [], field_spans: {} });
  await store.saveExtraction(makeExtraction('a1', { outlet: 'Example Wire' }), { contentHash: 'h-a1' });
  await store.saveExtraction(makeExtraction('a2', { text: SECOND_TEXT, outlet: 'Beta Daily', events: [a2Event] }), { contentHash: 'h-a2' });
  await store.saveExtraction(makeExtraction('a3', { text: THIRD_TEXT, outlet: null, published: null, events: [a3Event] }), { contentHash: 'h-a3' });
  await store.replaceMergedEvents([], sampleEvents(), {
    upsert: [{ id: 's1', title: 'Shelling around Fakeville', first_date: '2021-03-01', last_date: '2021-03-01', places: ['Fakeville', 'Testgrad'] }],
  });
  return store;
}
