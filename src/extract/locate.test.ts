import { describe, expect, it } from 'vitest';
import { createExtractContext } from './create-extract-context.js';
import { processArticle } from '../pipeline/process-article.js';
import type { RawArticle } from '../model/article.js';

const ctx = createExtractContext();

/** The source text of the location of each news event extracted from `text`. */
function locations(text: string): string[] {
  const raw: RawArticle = {
    id: 'loc', source: 'loc', format: 'jsonl', title: 'Report', text, html: null, url: null,
    outlet: null, published: '2024-05-02', publishedSource: 'metadata', language: 'en', diagnostics: [],
  };
  return processArticle(raw, ctx).events.filter((e) => !e.background).map((e) => e.location?.source_text ?? '-');
}

describe('the location of an event', () => {
  it('never places an event at its dateline ("Peshawar, Feb 6 (PTI)"), and takes the place a later sentence gives', () => {
    const locs = locations('Peshawar, Feb 6 (PTI) At least three policemen were killed when militants attacked a police check post on Thursday, police said.\n\nThe attackers opened fire on the check post in the Karak district of Khyber-Pakhtunkhwa province.');
    expect(locs).not.toContain('Peshawar');
  });
  it('takes the more precise place a later reference gives ("The ambush occurred near X", "It took place in X")', () => {
    expect(locations('Jihadists ambushed an army convoy in central Mali on Wednesday, killing 15 soldiers, the army said.\n\nThe ambush occurred near Douentza, a local official said.')).toEqual(['Douentza']);
    expect(locations('Al-Shabaab fighters attacked a military base in southern Somalia before dawn on Sunday, killing five soldiers, officials said.\n\nIt took place on the outskirts of Marka, residents said.')).toEqual(['Marka']);
  });
  it('is the place the trigger governs, not a possessor before it', () => {
    expect(locations("Ukrainian drones hit an oil depot in Russia's Bryansk region on Tuesday.")).toEqual(['Bryansk region']);
  });

  it('keeps the direction of a country or region ("northern Israel")', () => {
    const [loc] = locations('Hezbollah fired rockets at northern Israel on Monday.');
    expect(loc).toBe('northern Israel');
  });

  it('is not the origin of a strike ("from X") when the target is named', () => {
    expect(locations('A Russian air strike launched from an air base in Kursk hit Sumy, killing two people.')).toEqual(['Sumy']);
    expect(locations('Russian forces shelled Kupiansk from positions in Belgorod, killing two civilians.')).toEqual(['Kupiansk']);
  });

  it('never inherits the ends of a journey the previous sentence told', () => {
    const locs = locations('Gunmen seized a passenger bus in Balochistan province on Tuesday, officials said. The bus was on its way from Quetta to Karachi. Several soldiers were taken hostage, officials said.');
    expect(locs).not.toContain('Karachi');
    expect(locs).not.toContain('Quetta');
  });

  it('keeps a place a speaker is said to be at, beyond a possessive and a place noun ("a ship east of Yemen\'s port city of Aden reported")', () => {
    expect(locations('A tanker sailing about 60 nautical miles east of Yemen\'s port city of Aden reported a missile strike on Monday.')).toEqual(['Aden']);
    expect(locations('A freighter off Yemen\'s Red Sea coast reported a missile strike on Monday.')).toEqual(['Red Sea']);
  });

  it('places a foreign force\'s interception where the article is, not in its own country', () => {
    const locs = locations('A ship reported an explosion near Aden on Monday, the maritime agency said.\n\nIn a separate statement, US Central Command said it had destroyed four remote-controlled boats that the Houthi rebels were preparing to use.');
    expect(locs).toContain('Aden');
    expect(locs).not.toContain('United States');
  });

  it('takes the "of" phrase of an event noun as its place ("the bombardment of Idlib")', () => {
    expect(locations('Drones struck a military academy in Homs on Thursday, while the bombardment of Idlib killed five people.')).toEqual(['Homs', 'Idlib']);
  });

  it('places an event told only in a country at the place its headline names in that country', () => {
    const raw: RawArticle = {
      id: 'loc', source: 'loc', format: 'jsonl', title: 'Guerrilla attack kills seven soldiers in Catatumbo',
      text: 'A guerrilla attack in Colombia killed seven soldiers on Tuesday, the army said.\n\nThe soldiers were guarding an oil pipeline.', html: null, url: null,
      outlet: null, published: '2024-05-02', publishedSource: 'metadata', language: 'en', diagnostics: [],
    };
    expect(processArticle(raw, ctx).events.map((e) => e.location?.name)).toEqual(['Catatumbo']);
    // (a capital the headline names as a party, not after a preposition, is no place of the event)
    const party: RawArticle = { ...raw, title: 'Bamako accuses rebels of deadly attack', text: 'Gunmen attacked a convoy in Mali on Tuesday, killing three traders, the government said.' };
    expect(processArticle(party, ctx).events.map((e) => e.location?.name)).toEqual(['Mali']);
  });


  it('reads a foreign city spelled otherwise than its name as an unlisted place of the article\'s country', () => {
    const raw: RawArticle = {
      id: 'loc', source: 'loc', format: 'jsonl', title: 'Insurgents attack villages in Mozambique',
      text: 'Rwandan troops killed five insurgents at Awasse on Monday, the army said. Mozambican troops had retaken Mocimboa da Praia in Cabo Delgado earlier.', html: null, url: null,
      outlet: null, published: '2024-05-02', publishedSource: 'metadata', language: 'en', diagnostics: [],
    };
    const [first] = processArticle(raw, ctx).events;
    expect([first?.location?.name, first?.location?.country]).toEqual(['Awasse', 'MOZ']);
  });

  it('prefers the object of the attack verb over a place in another clause', () => {
    expect(locations('Speaking in Kyiv, the governor said Russian forces shelled Kupiansk on Monday.')).toEqual(['Kupiansk']);
  });

  it('is a country, not a small town of its name', () => {
    const raw: RawArticle = {
      id: 'loc', source: 'loc', format: 'jsonl', title: 'Report', text: 'Israeli warplanes struck targets in southern Lebanon on Monday.', html: null, url: null,
      outlet: null, published: '2024-05-02', publishedSource: 'metadata', language: 'en', diagnostics: [],
    };
    const [e] = processArticle(raw, ctx).events;
    expect(e?.location?.country).toBe('LBN');
    expect(e?.location?.geo_precision).toBe(3);
  });

  it('takes the place of the previous sentence of the paragraph when its own names none', () => {
    const raw: { -readonly [K in keyof RawArticle]: RawArticle[K] } = {
      id: 'loc', source: 'loc', format: 'jsonl', title: 'Report', html: null, url: null, outlet: null, published: '2024-05-02', publishedSource: 'metadata', language: 'en', diagnostics: [],
      text: 'Russian drones attacked river ports in the Odesa region overnight. The Ukrainian air force said it shot down 22 drones.',
    };
    const downed = processArticle(raw, ctx).events.find((e) => (e.rules ?? []).includes('location/previous-sentence'));
    expect(downed?.location?.source_text).toBe('Odesa region');
    // a new scene does not inherit
    raw.text = 'Russian drones attacked river ports in the Odesa region overnight. Separately, the air force said it shot down 22 drones.';
    expect(processArticle({ ...raw }, ctx).events.some((e) => (e.rules ?? []).includes('location/previous-sentence'))).toBe(false);
  });

  it('is not the dateline when the story names the place of the event', () => {
    expect(locations('DUBAI — Houthi rebels fired missiles at a cargo ship near Hodeidah on Monday, officials said.')).toEqual(['Hodeidah']);
    expect(locations('DUBAI (Reuters) — Houthi rebels said on Monday they fired missiles at a cargo ship, the third attack this month in the Red Sea.')).toEqual(['Red Sea']);
    // the dateline stands when the story stays in its country
    expect(locations('KHARKIV, Ukraine — Russian drones struck overnight, killing two people, officials said.')).toEqual(['KHARKIV']);
  });
});
