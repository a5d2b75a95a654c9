import { describe, expect, it } from 'vitest';
import { createExtractContext } from './create-extract-context.js';
import { processArticle } from '../pipeline/process-article.js';
import type { RawArticle } from '../model/article.js';

const ctx = createExtractContext();
const raw = (text: string, published: string | null): RawArticle => ({
  id: 'h1', source: 'h1', format: 'json', title: null, text, html: null, url: null,
  outlet: 'Test Wire', published, publishedSource: published ? 'metadata' : null, language: null, diagnostics: [],
});

describe('history without a publication date', () => {
  const text = 'Azerbaijani forces shelled Martakert on 3 April 2016, killing two soldiers.\n\n' +
    'On 12 October 2020 Armenian artillery shelled Terter, the Azerbaijani ministry said.';
  it('takes the latest day the text writes as the horizon: the 2016 shelling is background', () => {
    const events = processArticle(raw(text, null), ctx).events;
    const old = events.find((e) => e.date === '2016-04-03');
    const fresh = events.find((e) => e.date === '2020-10-12');
    expect(old?.background).toBe(true);
    expect(old?.rules).toContain('background/old-date');
    expect(fresh?.background).toBe(false);
  });
  it("reads a year-less day against the day the text writes in full: a key event's day of an earlier year is history", () => {
    const t = 'Two missiles were fired at a merchant vessel off Hodeidah, the maritime agency said on 6 April 2024.\n\n'
      + 'The war in Gaza broke out on October 7 when Hamas launched an attack on Israel, killing some 1,200 people and kidnapping 250.';
    const r = processArticle(raw(t, null), ctx);
    // (no publication day is guessed from the anniversary)
    expect(r.article.published).toBeNull();
    const war = r.events.filter((e) => e.date === '2023-10-07');
    expect(war.length).toBeGreaterThan(0);
    expect(war.every((e) => e.background)).toBe(true);
  });
  it('does not add a toll dated to another year to an event', () => {
    const t = 'Azerbaijani forces shelled Martuni on 12 October 2020, the army said. In 1992 hundreds of people were killed there.';
    const [e] = processArticle(raw(t, '2020-10-13'), ctx).events.filter((x) => !x.background);
    expect(e?.fatalities ?? null).toBeNull();
  });
});

describe('tolls told before their event', () => {
  it('joins the next violent event of the same or the next paragraph', () => {
    const t = 'At least 40 people were killed and 120 wounded on Thursday, the health ministry said.\n\n' +
      'Russian missiles struck a crowded market in Kharkiv in the morning, the governor said.';
    const [e] = processArticle(raw(t, '2024-05-24'), ctx).events.filter((x) => !x.background);
    expect(e?.fatalities).toBe(40);
    expect(e?.injured).toBe(120);
  });
});

describe('attribution of unattributed reports', () => {
  it('takes the source of the lede when the report names none', () => {
    const t = 'Armenian forces shelled Terter overnight, the Azerbaijani Defence Ministry said on Tuesday.\n\n' +
      'In a separate incident, Armenian drones struck a military truck near Aghdam.';
    const events = processArticle(raw(t, '2020-10-06'), ctx).events.filter((x) => !x.background);
    const drone = events.find((e) => e.sub_event_type === 'Air/drone strike');
    expect(drone?.claims.map((c) => c.claimant?.side)).toContain('AZE');
  });
});

describe('victims as the target', () => {
  it('reads unspecified victims of a strike as civilians, not those of a battle', () => {
    const strike = processArticle(raw('Russian missiles hit the centre of Sumy on Sunday, killing 20 people, officials said.', '2025-04-14'), ctx).events;
    expect(strike.find((e) => e.event_type === 'Explosions/Remote violence')?.actor2?.side).toBe('CIV');
    const battle = processArticle(raw('Fighting between Russian and Ukrainian troops near Pokrovsk killed 20 people on Sunday.', '2025-04-14'), ctx).events;
    expect(battle.find((e) => e.event_type === 'Battles')?.actor2?.side).not.toBe('CIV');
  });
});

describe('a war going on since a date', () => {
  it('is background, and its toll is no event\'s', () => {
    const text = 'A drone hit the market in El Fasher on Thursday, killing five people, local sources said.\n\n' +
      'The army and the RSF have been fighting a war since April 2023 that has killed more than 20,000 people, according to the UN.';
    const events = processArticle(raw(text, '2025-10-25'), ctx).events;
    const news = events.filter((e) => !e.background);
    expect(news).toHaveLength(1);
    expect(news[0]?.fatalities).toBe(5);
    expect(events.every((e) => (e.fatalities ?? 0) < 20000)).toBe(true);
  });
});

describe('a retelling dated only by the publication day', () => {
  it('joins the event the text dates, and a strike verb takes its subject as the instrument', () => {
    const text = 'At least five civilians died on Thursday after a drone operated by the RSF targeted a market in El Fasher, local media reported.\n\n' +
      'A suicide drone exploded in the market, killing five people and wounding 10 others, witnesses said.';
    const events = processArticle(raw(text, '2025-10-25'), ctx).events.filter((e) => !e.background);
    expect(events).toHaveLength(1);
    expect(events[0]?.sub_event_type).toBe('Air/drone strike');
    expect(events[0]?.date).toBe('2025-10-23');
    expect(events[0]?.injured).toBe(10);
  });
});

describe('a background line between the lede and the details', () => {
  it('does not make the details history ("since a coup in 2021")', () => {
    const text = 'A military air strike on a village in Sagaing region killed nine civilians on Tuesday, residents said.\n\n' +
      'The country has been in turmoil since a coup in 2021, with the army fighting resistance groups.\n\n' +
      'A fighter jet dropped two bombs on Nyaung Kone village, a resident said.';
    const news = processArticle(raw(text, '2023-06-28'), ctx).events.filter((e) => !e.background);
    expect(news.map((e) => e.location?.name)).toContain('Nyaung Kone');
    expect(news.find((e) => e.location?.name === 'Nyaung Kone')?.sub_event_type).toBe('Air/drone strike');
  });
});
