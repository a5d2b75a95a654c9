import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createPlaceMatcher, disambiguatePlaces, nameKey, resolvePlace } from './gazetteer-index.js';
import { loadPacks } from './load-packs.js';

const packs = loadPacks();
const places = createPlaceMatcher(packs);
const fixturePacks = loadPacks(fileURLToPath(new URL('./test-fixtures/packs', import.meta.url)));
const fixturePlaces = createPlaceMatcher(fixturePacks);

/** The resolved place ids of a text, in order. */
function resolvedIds(text: string, matcher = places, p = packs): string[] {
  return disambiguatePlaces(matcher.find(text), text, { packs: p }).map((r) => r?.entry.id ?? 'null');
}

function idOf(text: string, surface: string): string | undefined {
  const mentions = places.find(text);
  const i = mentions.findIndex((m) => m.surface === surface);
  return disambiguatePlaces(mentions, text, { packs })[i]?.entry.id;
}

describe('createPlaceMatcher().find', () => {
  it('finds multi-word names first, longest match wins, without overlaps', () => {
    const text = 'Clashes near Boyuk Taglar-Khtsaberd and along the Lachin corridor.';
    const found = places.find(text);
    expect(found.map((m) => m.surface)).toEqual(['Boyuk Taglar', 'Khtsaberd', 'Lachin corridor']);
    expect(found[2]!.candidates[0]!.id).toBe('place:nk:lachin-corridor');
    for (const m of found) expect(text.slice(m.start, m.end)).toBe(m.surface);
  });

  it('resolves spelling variants of one place to the same id', () => {
    const same = (a: string, b: string) => expect(idOf(`Shelling hit ${a} today.`, a)).toBe(idOf(`Shelling hit ${b} today.`, b));
    same('Stepanakert', 'Khankendi');
    same('Stepanakert', 'Xankəndi');
    same('Hin Tagher', 'Khin Taher');
    same('Hin Tagher', 'Hin T’aghlar');
    same('Kelbajar', 'Kalbajar');
    same('Shushi', 'Shusha');
    expect(idOf('Shelling hit Khin Taher today.', 'Khin Taher')).toBe('place:nk:hin-tagher');
    expect(idOf('Shelling hit Kelbajar today.', 'Kelbajar')).toBe('place:nk:kalbajar');
  });

  it('matches native-script names (indexed on the first article that needs them)', () => {
    expect(places.find('Գյուղը՝ Խծաբերդ')[0]?.candidates[0]?.id).toBe('place:nk:khtsaberd');
    expect(places.find('Լուրեր Նոյեմբերյան քաղաքից')[0]?.candidates.map((c) => c.id)).toContain('place:wof:421169473');
  });

  it('is diacritics- and apostrophe-insensitive', () => {
    expect(places.find('They reached Caylaqqala.')[0]?.candidates[0]?.id).toBe('place:nk:khtsaberd');
    expect(places.find("They reached Sot'k.")[0]?.candidates[0]?.id).toBe('place:nk:sotk');
    expect(places.find('They reached Sotk.')[0]?.candidates[0]?.id).toBe('place:nk:sotk');
  });

  it('does not match stop words, short or common words, or lower-case bulk names', () => {
    // "Mets" and "Bala" are parts of village names, "Gak" is too short, "Nice" a common word
    expect(places.find('Mets and Bala were quiet; Gak too. Nice weather in Yeni.')).toEqual([]);
    // bulk gazetteer names need a capital: "noyemberyan" in running text is not the town
    expect(places.find('the noyemberyan road')).toEqual([]);
    expect(places.find('the Noyemberyan road')[0]?.candidates[0]?.id).toBe('place:wof:421169473');
    // but curated names match in any case
    expect(places.find('along the LINE OF CONTACT')[0]?.candidates[0]?.id).toBe('place:nk:line-of-contact');
    // multi-word names made of a stop word and a real name still match
    expect(places.find('They shelled Mets Taghlar.')[0]?.candidates[0]?.id).toBe('place:nk:boyuk-taglar');
  });

  it('does not report a place inside an actor or event name', () => {
    expect(places.find('the OSCE Minsk Group co-chairs met').map((m) => m.surface)).toEqual([]);
    expect(places.find('the Bishkek Protocol of 1994').map((m) => m.surface)).toEqual([]);
  });

  it('handles possessives and falls back to nameKey for unseen spellings', () => {
    expect(places.find("Armenia's border")[0]).toMatchObject({ surface: 'Armenia' });
    const k = places.find('Heavy fighting near Kelbajer.')[0];
    expect(k?.fuzzy).toBe(true);
    expect(k?.candidates.map((c) => c.id)).toContain('place:nk:kalbajar');
  });
});

describe('nameKey', () => {
  it('folds transliteration variants together', () => {
    expect(nameKey('Pasjinian')).toBe(nameKey('Pashinyan'));
    expect(nameKey('Kelbajar')).toBe(nameKey('Kalbajar'));
    expect(nameKey('Xankəndi')).toBe(nameKey('Khankendi'));
    expect(nameKey('Harutiunian')).toBe(nameKey('Harutyunyan'));
    expect(nameKey('Khtsaberd')).toBe(nameKey('Xtsabert'));
    expect(nameKey('Qubadli')).toBe(nameKey('Gubadly'));
    expect(nameKey("T'aghlar")).toBe(nameKey('Taghlar'));
  });

  it('keeps different names apart', () => {
    expect(nameKey('Goris')).not.toBe(nameKey('Kapan'));
    expect(nameKey('Shusha')).not.toBe(nameKey('Stepanakert'));
    expect(nameKey('Aliyev')).not.toBe(nameKey('Pashinyan'));
  });
});

describe('disambiguatePlaces', () => {
  it('prefers the Hadrut Khtsaberd when the article mentions Hadrut or Karabakh (fixture namesake in Tavush)', () => {
    const hadrut = 'Azerbaijani troops entered Khtsaberd on Saturday. The village lies west of Hadrut.';
    const mentions = fixturePlaces.find(hadrut);
    expect(mentions[0]!.candidates.map((c) => c.id).sort()).toEqual(['place:test:khtsaberd', 'place:wof:3']);
    expect(resolvedIds(hadrut, fixturePlaces, fixturePacks)[0]).toBe('place:test:khtsaberd');

    const karabakh = 'Fighting resumed in Karabakh: Khtsaberd and Hin Tagher came under fire.';
    expect(resolvedIds(karabakh, fixturePlaces, fixturePacks)[0]).toBe('place:test:khtsaberd');
  });

  it('prefers the Tavush namesake when the article is about Tavush', () => {
    const tavush = 'A house was damaged by gunfire in Khtsaberd, a border village a few kilometres from Ijevan.';
    expect(resolvedIds(tavush, fixturePlaces, fixturePacks)[0]).toBe('place:wof:3');
  });

  it('resolves the real Khtsaberd with its Hadrut context and coordinates', () => {
    const text = 'The Azerbaijani army advanced towards Boyuk Taglar and Khtsaberd in the Hadrut district.';
    const mentions = places.find(text);
    const k = mentions.find((m) => m.surface === 'Khtsaberd')!;
    const place = resolvePlace(k, { text, mentions, packs });
    expect(place).toMatchObject({ name: 'Khtsaberd', country: 'AZE', admin1: 'Khojavend', source_text: 'Khtsaberd', geo_precision: 1 });
    expect(place!.lat).toBeCloseTo(39.546, 2);
  });

  it('tells the Karabakh Martuni from the Armenian one by context', () => {
    expect(idOf('Shelling of Martuni and Stepanakert continued, Karabakh officials said.', 'Martuni')).toBe('place:nk:khojavend');
    expect(idOf('Residents of Martuni, on the shore of Lake Sevan in Gegharkunik, heard explosions.', 'Martuni')).toBe('place:nk:martuni-gegharkunik');
  });

  it('reads "the districts of X, Y and Z" as districts and a bare name as the town', () => {
    const text = 'Yerevan handed over the districts of Kelbajar, Lachin, and Agdam to Baku.';
    expect(resolvedIds(text).slice(1)).toEqual(['place:nk:kalbajar-district', 'place:nk:lachin-district', 'place:nk:agdam-district', 'place:nk:baku']);
    expect(idOf('A monitoring center will open in Agdam.', 'Agdam')).toBe('place:nk:agdam');
  });

  it('sets ACLED geo precision from the kind and the words around the name', () => {
    const text = 'A violation was registered in the Hadrut area, near Goris, in Shusha, along the Lachin corridor and in Syunik.';
    const precisions = disambiguatePlaces(places.find(text), text, { packs }).map((r) => [r!.mention.surface, r!.place.geo_precision]);
    expect(precisions).toEqual([
      ['Hadrut area', 2],
      ['Goris', 2],
      ['Shusha', 1],
      ['Lachin corridor', 2],
      ['Syunik', 3],
    ]);
  });

  it('resolves the seed articles to the gold places (read at test time, not copied)', () => {
    const seed = readFileSync(new URL('../../../shared/corpus/seeds/003_c7f74c004c9612a9.txt', import.meta.url), 'utf8');
    const ids = new Set(resolvedIds(seed));
    expect(ids).toContain('place:nk:sarybaba');
    expect(ids).toContain('place:nk:lachin-corridor');
    expect(ids).toContain('place:nk:line-of-contact');
  });
});
