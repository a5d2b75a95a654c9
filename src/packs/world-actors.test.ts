/**
 * The world actor registry, theatre scoping and generic descriptions, through the extraction
 * context as the extractor sees them (sentences written for these tests in the style of news).
 */
import { describe, expect, it } from 'vitest';
import { createExtractContext } from '../extract/create-extract-context.js';
import { processArticle } from '../pipeline/process-article.js';
import { isShoutedPlace } from './actor-matcher.js';
import { loadPacks } from './load-packs.js';
import { theatreScoper } from './theatre-scope.js';
import type { RawArticle } from '../model/article.js';

const ctx = createExtractContext();
const scoper = theatreScoper(loadPacks());

/** [surface, side] of every actor the scoped context finds in `text`. */
function actors(text: string, date = '2025-03-01'): [string, string | null][] {
  const c = ctx.forArticle!(text);
  return c.findActors(text, date).map((a) => [a.surface, a.entry.side]);
}

function events(text: string, published: string) {
  const raw: RawArticle = {
    id: 't1', source: 't1', format: 'jsonl', title: null, text, html: null, url: null, outlet: null, published, publishedSource: 'metadata',
    language: 'en', diagnostics: [],
  };
  return processArticle(raw, ctx).events;
}

describe('theatre scoping', () => {
  it('activates a theatre only for articles that name it', () => {
    expect(scoper.theatresOf('Azerbaijani forces shelled positions near Lachin.').map((t) => t.id)).toEqual(['nagorno-karabakh']);
    expect(scoper.theatresOf('Officials in Yerevan said talks would resume.').map((t) => t.id)).toEqual(['nagorno-karabakh']);
    expect(scoper.theatresOf('Separatists attacked an army post near Kidal in northern Mali.').map((t) => t.id)).toEqual(['sahel']);
    expect(scoper.theatresOf('Al-Shabaab fighters ambushed a convoy between Baidoa and Afgoye.').map((t) => t.id)).toEqual(['somalia']);
    expect(scoper.theatresOf('Gunmen abducted dozens of villagers in Zamfara and Katsina states.').map((t) => t.id)).toEqual(['nigeria']);
    // the bare name of a Gaza militia leader ("Abu Shabab") does not open the Somalia theatre
    expect(scoper.theatresOf("Yasser Abu Shabab's militia was seen near Rafah.").map((t) => t.id)).not.toContain('somalia');
    expect(scoper.theatresOf('Russian drones struck Kharkiv overnight.').map((t) => t.id)).toEqual(['russia-ukraine']);
    // naming Russia alone opens no theatre: Russian forces fight in several wars
    expect(scoper.theatresOf('Russian jets bombed villages overnight, the monitor said.')).toEqual([]);
    expect(scoper.theatresOf('Israeli strikes hit Rafah and Hezbollah positions near Nabatieh.').map((t) => t.id).sort()).toEqual(['israel-gaza', 'israel-lebanon']);
  });

  it('does not turn separatists of another war into the Karabakh forces', () => {
    const mali = actors('Separatists attacked an army post near Kidal in northern Mali on Sunday.');
    expect(mali.find(([s]) => s === 'Separatists')?.[1]).toBe('CSP');
    expect(actors('Armenian separatists fired on Azerbaijani positions near Lachin.').find(([s]) => s === 'Armenian separatists')?.[1]).toBe('ARM');
  });

  it('keeps Karabakh ceasefires and dyads out of other wars', () => {
    const c = ctx.forArticle!('Tuareg rebels and the Malian army fought near Kidal, in Mali, on 4 October 2020.');
    expect(c.ceasefires).toEqual([]);
    expect(c.dyads).toEqual([]);
    // in force then: the 10 November 2020 trilateral ceasefire of the Karabakh pack
    const found = events('Separatists shelled Malian army positions near Kidal on Sunday.', '2021-06-14');
    expect(found.some((e) => e.actor1?.side === 'CSP')).toBe(true);
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((e) => !e.ceasefire_violation)).toBe(true);
    expect(found.every((e) => !(e.rules ?? []).some((r) => r.startsWith('ceasefire/')))).toBe(true);
    expect(ctx.forArticle!('Azerbaijani troops shelled Armenian positions in Tavush.').ceasefires.length).toBeGreaterThan(0);
  });
});

describe('world actor registry', () => {
  it('reads acronyms only in capitals', () => {
    expect(actors('RSF fighters shelled El Fasher, Sudan.')[0]).toEqual(['RSF fighters', 'RSF']);
    expect(actors('The M23 seized Goma in eastern Congo.').map((a) => a[1])).toContain('M23');
    expect(actors('Fighters of JNIM attacked Boni in Mali.').map((a) => a[1])).toContain('JNIM');
    expect(actors('Download the pdf of the report.').map((a) => a[1])).not.toContain('PDF');
    expect(actors('The PDF attacked a junta outpost in Sagaing, Myanmar.').map((a) => a[1])).toContain('PDF');
  });

  it('composes possessives, platforms and general staffs with their state', () => {
    expect(actors("Israel's army said it struck targets in Gaza.")[0]).toEqual(["Israel's army", 'ISR']);
    expect(actors("Ukraine's General Staff said Russia attacked Kharkiv.")[0]).toEqual(["Ukraine's General Staff", 'UKR']);
    // a platform stands for its owner; its noun stays free for the trigger ("warplanes struck")
    expect(actors('Israeli warplanes struck a house in Gaza.')[0]).toEqual(['Israeli', 'ISR']);
    expect(actors('Russian jets bombed Idlib, Syria.')[0]).toEqual(['Russian', 'RUS']);
    expect(actors('Turkish reconnaissance aircraft flew over Manbij, Syria.')[0]).toEqual(['Turkish', 'TUR']);
    expect(actors('Pakistani police officers were wounded in Peshawar.')[0]).toEqual(['Pakistani police officers', 'PAK']);
  });

  it('reads a state named as a backer or a homeland of a generic group', () => {
    expect(actors('Iranian-backed militias fired rockets at a base.')[0]).toEqual(['Iranian-backed militias', 'IRN']);
    expect(actors('Saudi-led coalition warplanes hit Saada, Yemen.')[0]?.[1]).toBe('SAU');
  });

  it('never reads a backed group as a named group of another side ("Turkish-backed factions" beside the SDF)', () => {
    const found = actors('Turkish-backed factions attacked positions of the Syrian Democratic Forces (SDF) near Manbij, Syria, on Tuesday.');
    expect(found[0]).toEqual(['Turkish-backed factions', 'TUR']);
    expect(found.some(([s, side]) => s === 'Syrian Democratic Forces' && side === 'SDF')).toBe(true);
  });

  it('reads no state in the first word of a longer place name, but keeps a state after a direction', () => {
    expect(actors('Militants attacked a check post near Mali Khel in Bannu district, Pakistan, on Friday.').map(([, side]) => side)).not.toContain('MLI');
    expect(actors('Hezbollah fired rockets at northern Israel.')).toContainEqual(['Israel', 'ISR']);
  });

  it('treats a country in the genitive before a place as a place', () => {
    expect(actors("Missiles hit Yemen's Hodeidah port.")).toEqual([]);
    expect(actors("Drones hit Russia's Bryansk region.")).toEqual([]);
  });

  it('knows shouted datelines from acronyms', () => {
    const gov = { kind: 'government', side: 'LBY' } as never;
    const group = { kind: 'armed-group', side: 'RSF' } as never;
    expect(isShoutedPlace({ surface: 'TRIPOLI', entry: gov })).toBe(true);
    expect(isShoutedPlace({ surface: 'US', entry: gov })).toBe(false);
    expect(isShoutedPlace({ surface: 'RSF', entry: group })).toBe(false);
  });
});

describe('generic descriptions', () => {
  it('resolve to the group of a compatible kind the article names', () => {
    const a = actors('JNIM fighters attacked Boni in central Mali. The militants burned the market.');
    expect(a.find(([s]) => s === 'militants')?.[1]).toBe('JNIM');
  });

  it('resolve "the army" to the country the article is about', () => {
    const a = actors('Fighting broke out in Omdurman, Sudan. The army said it had repelled the RSF in Khartoum.');
    expect(a.find(([s]) => s === 'The army')?.[1]).toBe('SDN');
  });

  it("fall back to the country's default group, else to an unidentified group without a side", () => {
    expect(actors('Gangs set fire to houses in Port-au-Prince, Haiti.')[0]).toEqual(['Gangs', 'VIVANSANM']);
    const c = ctx.forArticle!('Gunmen killed four villagers in Zamfara, Nigeria.');
    const gunmen = c.findActors('Gunmen killed four villagers in Zamfara, Nigeria.', '2025-03-01').find((h) => h.surface === 'Gunmen');
    expect(gunmen?.entry.side).toBeNull();
    expect(gunmen?.entry.name).toBe('Unidentified Armed Group (Nigeria)');
  });
});

describe('capitals that are ordinary words', () => {
  it('do not name a government', () => {
    expect(actors('"The Valley of Death" is an account of the war.')).toEqual([]);
    expect(actors('Kabul is the capital of Afghanistan.')[0]).toEqual(['Kabul', 'AFG']);
  });
});

describe('persons and institutions', () => {
  it('does not take a namesake for a leader', () => {
    const text = 'One local man, Mehman Aliyev, died when shells hit Terter, Azerbaijan.';
    expect(actors(text).map((a) => a[0])).not.toContain('Aliyev');
    expect(actors('President Ilham Aliyev visited Terter, Azerbaijan.')[0]?.[1]).toBe('AZE');
  });

  it('composes "<ministry> in <capital>" and munitions with their owner', () => {
    expect(actors('The defence ministry in Baku said Terter was shelled.')[0]?.[1]).toBe('AZE');
    expect(actors('Armenian shells struck a school in Terter, Azerbaijan.')[0]).toEqual(['Armenian', 'ARM']);
  });

  it('lets offices speak for their government when the state has no entry of its own', () => {
    expect(actors("Sudan's president met the envoy in Port Sudan.")[0]?.[1]).toBe('SDN');
    expect(actors("Ukraine's parliament extended martial law in Kyiv.")[0]?.[1]).toBe('UKR');
  });
});

describe('leaders and spokesmen', () => {
  it('speak and act for their party, within their period', () => {
    expect(actors('Yahya Saree said the Houthis fired missiles at a ship off Hodeidah, Yemen.')[0]?.[1]).toBe('HOUTHIS');
    expect(actors('Hemedti said his forces had taken El Fasher, Sudan.')[0]?.[1]).toBe('RSF');
    expect(actors('Ahmed al-Sharaa said the offensive on Hama, Syria, would go on.', '2024-12-01')[0]?.[1]).toBe('HTS');
    expect(actors('Ahmed al-Sharaa met envoys in Damascus, Syria.', '2025-03-01')[0]?.[1]).toBe('SYR');
  });
});

describe('who owns a platform', () => {
  it('names the user, not the maker', () => {
    expect(actors('The Iranian-made drones were shot down over Kharkiv.').map((a) => a[1])).not.toContain('IRN');
    expect(actors('Air defences downed Russia-launched drones over Kharkiv.')[0]).toEqual(['Russia', 'RUS']);
    expect(actors("Kyiv's military said the drones were downed.")[0]).toEqual(["Kyiv's military", 'UKR']);
  });
});

describe('dated defaults', () => {
  it('hold only in their period', () => {
    const text = 'Rebels entered the city of Hama in central Syria after fierce clashes.';
    expect(actors(text, '2024-12-05')[0]?.[1]).toBe('HTS');
    expect(actors(text, '2016-05-01')[0]?.[1]).toBeNull();
  });
});

describe('state-aligned formations', () => {
  it('are not what "gunmen" stands for', () => {
    const text = 'VDP volunteers guarded the market. Gunmen then killed 12 villagers near Djibo, Burkina Faso.';
    expect(actors(text).find(([s]) => s === 'Gunmen')?.[1]).not.toBe('BFA');
  });
});
