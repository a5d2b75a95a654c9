import { describe, expect, it } from 'vitest';
import { createExtractContext } from './create-extract-context.js';
import { processArticle } from '../pipeline/process-article.js';
import type { RawArticle } from '../model/article.js';

const ctx = createExtractContext();
const raw = (text: string, published: string | null = '2024-03-05'): RawArticle => ({
  id: 'c1', source: 'c1', format: 'json', title: null, text, html: null, url: null,
  outlet: 'Test Wire', published, publishedSource: published ? 'metadata' : null, language: null, diagnostics: [],
});
const claimantSides = (text: string, published?: string) =>
  processArticle(raw(text, published), ctx).events.map((e) => e.claims.map((c) => c.claimant?.side ?? null));

describe('claimants read off the clause analysis', () => {
  it('gives an unattributed release the word of the author its heading line names', () => {
    const text = 'Civilians killed by shelling in Tartar\n\nPress release of the Press Service of the Ministry of Foreign Affairs of the Republic of Azerbaijan\n\nTwo civilians were killed on Monday when Armenian artillery shells hit their house in Tartar.';
    const sides = claimantSides(text, '2020-10-06');
    expect(sides.length).toBeGreaterThan(0);
    expect(sides[0]).toContain('AZE');
  });
  it('drops an outlet repeating a party, and a speaker no one can name, beside that party (#17 item 3)', () => {
    const text = "Clashes on the border\n\nThe Armenian Defence Ministry said Azerbaijani troops fired on Armenian positions near Sotk on Tuesday, the daily Sega reported.";
    const events = processArticle(raw(text, '2022-09-14'), ctx).events;
    expect(events.length).toBeGreaterThan(0);
    for (const e of events) {
      expect(e.claims.map((c) => c.claimant?.side ?? null)).toEqual(['ARM']);
    }
  });
  it('tells a decision on the word of whoever took it, beside the outlet that reports it', () => {
    const sides = claimantSides("Armenia's cabinet has introduced martial law across the country and declared a general mobilization, TASS reports.", '2020-09-27');
    for (const s of sides) expect(s).toContain('ARM');
  });
  it('tells a decision on the word of whoever took it', () => {
    const sides = claimantSides('President Ilham Aliyev on Monday signed a decree announcing a partial mobilization in Azerbaijan, effective immediately.', '2020-09-28');
    expect(sides[0]).toEqual(['AZE']);
  });
  it('takes the subject of any speech verb as the claimant ("posted", "wrote")', () => {
    const sides = claimantSides("Yuriy Ihnat, a spokesman for Ukraine's air force, posted on Telegram that Russian drones struck a fuel depot in Odesa overnight.");
    expect(sides.flat()).toContain('UKR');
  });
  it('gives the paragraphs a colon introduces to the speaker before it', () => {
    const text = "Russia's defence ministry said its forces repelled attacks near Avdiivka on Monday.\n\nUkraine's General Staff said:\n\n\"Russian artillery shelled Kherson on Tuesday. Two civilians were killed.\"";
    const events = processArticle(raw(text), ctx).events;
    const kherson = events.find((e) => e.location?.name === 'Kherson');
    expect(kherson?.claims.map((c) => c.claimant?.side)).toEqual(['UKR']);
  });
  it('reads bare "officials" as the government of the place hit, not of the attacker', () => {
    const events = processArticle(raw('Russian missiles hit the centre of Sumy on Sunday, killing 20 people, officials said.', '2025-04-14'), ctx).events;
    const strike = events.find((e) => e.event_type === 'Explosions/Remote violence');
    expect(strike?.actor1?.side).toBe('RUS');
    expect(strike?.claims.map((c) => c.claimant?.side)).toEqual(['UKR']);
  });
  it('does not make the side that denies a capture the captor', () => {
    const events = processArticle(raw("Ukraine's General Staff rejected Russian claims that the village of Robotyne had been captured.", '2023-09-10'), ctx).events;
    const capture = events[0];
    expect(capture?.actor1?.side).toBe('RUS');
    expect(capture?.claims.map((c) => c.claimant?.side)).toEqual(expect.arrayContaining(['UKR', 'RUS']));
  });
  it('makes an armed group that claims an attack with no attacker named its perpetrator', () => {
    const [bombing] = processArticle(raw('Two car bombs ripped through a market in Baidoa on Monday, killing 12 people, in an attack that al-Shabaab claimed, police said.', '2024-03-05'), ctx).events;
    expect(bombing?.actor1?.side).toBe('SHABAAB');
    expect(bombing?.rules).toContain('roles/claimed-responsibility');
    // a group reporting an attack it did not claim is no perpetrator
    const [strike] = processArticle(raw('Hamas said an air strike killed 20 people in Khan Younis on Monday.', '2024-03-05'), ctx).events;
    expect(strike?.actor1?.side).not.toBe('HAMAS');
  });
  it('resolves a speaker named again by surname to whom the full name spoke for', () => {
    const text = 'Houthi military spokesman Yahya Saree said the group fired a ballistic missile at Ben Gurion airport on Sunday.\n\nIn a later statement, Saree said drones had struck Eilat port on Monday.';
    const events = processArticle(raw(text, '2025-05-05'), ctx).events;
    const eilat = events.find((e) => e.location?.name === 'Eilat');
    expect(eilat?.claims.map((c) => c.claimant?.side)).toContain('HOUTHIS');
  });
  it('gives an office of a named place or people to that state\'s government', () => {
    const [e] = processArticle(raw('Russian drones struck an apartment block in Kharkiv overnight, injuring five people, the head of the Kharkiv Regional State Administration said on Telegram.', '2024-05-20'), ctx).events;
    expect(e?.claims.map((c) => c.claimant?.side)).toEqual(['UKR']);
  });
  it("adds the accused side's answer to every event it was blamed for (a denial in a paragraph of its own)", () => {
    const text = "Baku says Armenian rockets hit two towns\n\nAzerbaijan's Defence Ministry said Armenian forces fired rockets at Barda on Sunday, wounding four civilians.\n\nIt said Armenian artillery also shelled the town of Tartar the same day.\n\nYerevan and the authorities in Stepanakert rejected the accusations as lies.";
    const sides = claimantSides(text, '2020-10-05');
    expect(sides.length).toBeGreaterThanOrEqual(2);
    for (const s of sides) expect(s).toEqual(expect.arrayContaining(['AZE', 'ARM']));
  });
  it("adds the accused side's answer to an attack whose attacker the reporting side only implied", () => {
    const text = "Baku says towns shelled\n\nAzerbaijan's Defence Ministry said the towns of Barda and Tartar had come under rocket fire on Sunday and that civilians had been hurt.\n\nArmenia rejected the accusations.";
    const events = processArticle(raw(text, '2020-10-05'), ctx).events;
    const implied = events.filter((e) => e.actor1?.side === 'ARM' && e.rules?.includes('roles/implied-agent'));
    expect(implied.length).toBeGreaterThan(0);
    for (const e of implied) expect(e.claims.map((c) => c.claimant?.side)).toEqual(expect.arrayContaining(['AZE', 'ARM']));
  });
  it("gives the Gaza Strip's offices Hamas's word in an article of that theatre", () => {
    const sides = claimantSides('Israeli air strikes on a house in Deir al-Balah killed seven people on Monday, the Hamas-run health ministry said.', '2024-06-03');
    expect(sides[0]).toEqual(['HAMAS']);
    const generic = claimantSides('Israeli air strikes on a house in Deir al-Balah killed seven people on Monday, the health ministry said.', '2024-06-03');
    expect(generic[0]).toEqual(['HAMAS']);
  });
  it('gives a named speaker the side of the local office his apposition names', () => {
    const sides = claimantSides('Two people were killed in a Russian missile strike on a warehouse in Dnipro, the head of the regional military administration, Petro Ivanenko, has said on Tuesday.', '2024-06-04');
    expect(sides[0]).toEqual(['UKR']);
    const governor = claimantSides('Two people were killed in a Russian missile strike on a warehouse in Dnipro on Tuesday, the regional governor said.', '2024-06-04');
    expect(governor[0]).toEqual(['UKR']);
  });
  it("gives an outlet's report the word of the source it refers to or quotes", () => {
    const sides = claimantSides('Armenian units subjected to fire the positions of the Azerbaijani army in the Tartar district on Tuesday, Trend reports referring to the Azerbaijani Defense Ministry.', '2022-06-07');
    expect(sides[0]).toContain('AZE');
  });
  it('does not make a speaker a claimant of events it was not blamed for', () => {
    const text = "Rockets and shells on both sides\n\nAzerbaijan's Defence Ministry said Armenian forces fired rockets at Barda on Sunday, wounding four civilians.\n\nAzerbaijani artillery shelled Stepanakert overnight, residents said.\n\nArmenia's Defence Ministry rejected the accusations.";
    const events = processArticle(raw(text, '2020-10-05'), ctx).events;
    const barda = events.find((e) => e.actor1?.side === 'ARM');
    const stepanakert = events.find((e) => e.actor1?.side === 'AZE');
    expect(barda?.claims.map((c) => c.claimant?.side)).toContain('ARM');
    expect(stepanakert).toBeDefined();
    expect(stepanakert!.claims.map((c) => c.claimant?.side)).not.toContain('ARM');
  });
});

describe('an attack told as one more of a series', () => {
  it('takes the means and the agent of the strike the series was told with', () => {
    const text = "Drones hit police posts in Cauca\n\nDissident fighters dropped explosives from drones on a police station in Suarez on Sunday, wounding two officers.\n\nWithin hours the police stations of Caloto and Toribio were also attacked.";
    const events = processArticle(raw(text, '2024-05-20'), ctx).events;
    const later = events.filter((e) => /Caloto|Toribio/.test(e.location?.name ?? ''));
    expect(later.length).toBeGreaterThan(0);
    for (const e of later) {
      expect(e.event_type).toBe('Explosions/Remote violence');
      expect(e.actor1?.side).toBe(events[0]!.actor1?.side);
    }
  });
  it('stays a ground attack when nothing says it is one more of a series', () => {
    const text = "Attacks on police in Cauca\n\nDissident fighters dropped explosives from drones on a police station in Suarez on Sunday, wounding two officers.\n\nGunmen attacked the police station of Caloto on Monday.";
    const events = processArticle(raw(text, '2024-05-20'), ctx).events;
    const caloto = events.find((e) => /Caloto/.test(e.location?.name ?? ''));
    expect(caloto?.event_type).toBe('Battles');
  });
});
