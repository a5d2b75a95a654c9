import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { createPlaceMatcher, disambiguatePlaces } from './gazetteer-index.js';
import { loadPacks } from './load-packs.js';
import { PackError } from './pack-error.js';
import { lazyVillages } from './villages.js';

const packs = loadPacks();
const places = createPlaceMatcher(packs);

/** Each mention's surface with the name, country, admin1 and kind of the place chosen for it. */
function resolved(text: string): string[] {
  const mentions = places.find(text);
  return disambiguatePlaces(mentions, text, { packs }).map((r, i) => `${mentions[i]!.surface} -> ${r ? `${r.entry.name} ${r.entry.country} ${r.entry.admin1 ?? ''} ${r.entry.kind}` : 'null'}`);
}

describe('the village gazetteer of the countries at war (villages/<ISO3>.tsv.gz)', () => {
  it('finds a village of population 0 with a locative cue in an article about its country', () => {
    expect(resolved('Jihadists killed 12 civilians in the village of Bourasso in Kossi province, Burkina Faso, on Sunday, residents said.')).toContain(
      'Bourasso -> Bourasso BFA Boucle du Mouhoun village',
    );
    expect(resolved('Ukrainian forces repelled an assault near Tulin, Zhytomyr region officials said.')[0]).toMatch(/^Tulin -> Tulin UKR Zhytomyr village$/);
    expect(resolved('Fighting was reported near Ulang in Upper Nile state, South Sudan.')[0]).toBe('Ulang -> Ulang SSD Upper Nile village');
  });

  it('takes a village as the object of an attack verb in any inflection, after al- and after a hashtag sign', () => {
    expect(resolved('In Cabo Delgado, gunmen were attacking Macomia at dawn.')).toContain('Macomia -> Macomia MOZ Cabo Delgado village');
    expect(resolved('Yemeni media reported strikes on al-Taif, south of Hodeidah.')[0]).toBe('Taif -> Taif YEM Al Hudaydah village');
    expect(resolved('A post from Cabo Delgado: heavy attack on #Macomia this morning.')).toContain('Macomia -> Macomia MOZ Cabo Delgado village');
  });

  it('takes a village named by an apposition or a South Asian designator', () => {
    expect(resolved('Officials in Cabo Delgado said that Macomia, the district seat, fell on Friday.')).toContain('Macomia -> Macomia MOZ Cabo Delgado village');
    expect(resolved('A checkpoint of Jamrud tehsil in Pakistan came under fire.')[0]).toBe('Jamrud -> Jamrud PAK Khyber Pakhtunkhwa village');
  });

  it('still needs a cue: a village name as the subject of a verb is not a place', () => {
    expect(places.find('Mozambican officials said Macomia would reopen its school.').map((m) => m.surface)).toEqual([]);
  });

  it('counts a country name that other places share ("Mali")', () => {
    expect(resolved('Fighting was reported near Bourasso in Mali.')[0]).toBe('Bourasso -> Bourasso MLI Ségou village');
  });

  it('reads a road between two villages, and a longer village name over a shorter place name', () => {
    const text = 'An Israeli drone hit a car on the road linking Toulin and Burj Qalaouiyeh in southern Lebanon. The victim was from the village of Majdal Selm.';
    expect(resolved(text)).toEqual([
      'Toulin -> Toûlîne LBN Nabatieh village',
      'Burj Qalaouiyeh -> Borj Qalaouiyé LBN Nabatieh village',
      'southern Lebanon -> South Lebanon LBN  region',
      'Majdal Selm -> Majdel Selm LBN Nabatieh village',
    ]);
  });

  it('matches spellings without diacritics', () => {
    expect(resolved('An Israeli drone struck a car in Touline, southern Lebanon.')[0]).toMatch(/^Touline -> Toûlîne LBN Nabatieh village$/);
  });

  it('does not take a village name without a locative cue', () => {
    const text = 'Bourasso said the talks in Burkina Faso would resume.';
    expect(places.find(text).map((m) => m.surface)).toEqual(['Burkina Faso']);
  });

  it('loads villages only for the countries an article names', () => {
    expect(places.find('Jihadists killed 12 civilians in the village of Bourasso on Sunday.').map((m) => m.surface)).toEqual([]);
  });

  it('gives a village by id', () => {
    expect(places.get('place:gn:2361894')?.name).toBe('Bourasso');
    expect(places.get('place:gn:0')).toBeUndefined();
  });

  it('takes no division named as such for a village', () => {
    // Mali has a village called Kossi; Kossi is also a province of Burkina Faso
    const text = 'In the north-western province of Kossi, the village of Bourasso lost at least 20 people, Burkina Faso and Mali officials said.';
    expect(places.find(text).map((m) => m.surface)).not.toContain('Kossi');
    expect(resolved(text)).toContain('Bourasso -> Bourasso BFA Boucle du Mouhoun village');
    expect(places.find('Gunmen attacked Kossi province in Burkina Faso and Mali.').map((m) => m.surface)).not.toContain('Kossi');
  });

  it('finds a news spelling added by hand', () => {
    expect(resolved('Houthi forces shelled positions near Al Mukha on Yemen\'s Red Sea coast.')[0]).toBe('Al Mukha -> Mocha YEM Ta‘izz village');
  });

  it('takes no first word of a longer name for a village', () => {
    // Myanmar has a village called Nyaung
    expect(places.find('A fighter jet dropped two bombs on Nyaung Kone village in Myanmar, a resident said.').map((m) => m.surface)).not.toContain('Nyaung');
  });

  it('takes no part of a person\'s name for a village', () => {
    // Syria has a village called Bashār
    expect(places.find('Rebels in Syria seized Hama from Bashar al-Assad\'s forces.').map((m) => m.surface)).toEqual(['Syria', 'Hama']);
  });

  it('keeps a district of its own country before a village of the same name', () => {
    // Pakistan has a village Khaibar, also spelt Khyber
    expect(resolved('Pakistani troops killed eight terrorists during fighting in Khyber district.')[0]).toBe('Khyber district -> Khyber Agency PAK Khyber Pakhtunkhwa district');
    expect(places.find('Pakistani troops fought in Khyber.')[0]!.candidates.map((c) => c.kind)).toEqual(['district']);
  });

  it('keeps a large city of the same name when nothing favours the village', () => {
    // South Sudan has a village called Omdurman, Burkina Faso two called Bamako
    expect(resolved('South Sudanese refugees fled the fighting in Omdurman.').at(-1)).toBe('Omdurman -> Omdurman SDN Khartoum city');
    expect(resolved('Burkinabe and Malian officers met in Bamako on Monday.').at(-1)).toMatch(/^Bamako -> Bamako MLI .* city$/);
  });
});

describe('lazyVillages', () => {
  const header = 'id\tname\tkind\taliases\tcountry\tadmin1\tadmin2\tlat\tlon\tpopulation\tis_current\tcapital';
  const row = (id: string, name: string, country: string, lat = '1.0000') => `place:gn:${id}\t${name}\tvillage\t${name}\t${country}\t\t\t${lat}\t2.0000\t0\t1\t0`;
  const folder = (files: Record<string, string[]>): string => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sitrep-villages-'));
    for (const [name, rows] of Object.entries(files)) writeFileSync(path.join(dir, name), gzipSync([header, ...rows].join('\n') + '\n'));
    return dir;
  };

  it('reads one country file at a time', () => {
    const v = lazyVillages(folder({ 'BFA.tsv.gz': [row('1', 'Abcde', 'BFA'), row('2', 'Fghij', 'BFA')], 'MLI.tsv.gz': [row('3', 'Klmno', 'MLI')], 'notes.txt': [] }));
    expect([...v.countries()]).toEqual(['BFA', 'MLI']);
    expect(v.of('BFA').map((p) => p.name)).toEqual(['Abcde', 'Fghij']);
    expect(v.of('MLI').map((p) => p.id)).toEqual(['place:gn:3']);
    expect(v.of('NER')).toEqual([]);
  });

  it('names the file and line of an invalid row when its country is read', () => {
    const v = lazyVillages(folder({ 'BFA.tsv.gz': [row('1', 'Abcde', 'BFA')], 'MLI.tsv.gz': [row('2', 'Fghij', 'MLI'), row('3', 'Klmno', 'MLI', '95.0000')] }));
    expect(v.of('BFA')).toHaveLength(1);
    expect(() => v.of('MLI')).toThrow(PackError);
    expect(() => v.of('MLI')).toThrow(/MLI\.tsv\.gz: line 3 \(place:gn:3\).*lat/);
  });

  it('rejects a row of another country, and a missing folder at once', () => {
    expect(() => lazyVillages(folder({ 'BFA.tsv.gz': [row('1', 'Abcde', 'MLI')] })).of('BFA')).toThrow(/BFA\.tsv\.gz: line 2 \(place:gn:1\).*a row of MLI in the file of BFA/);
    expect(() => lazyVillages(path.join(tmpdir(), 'sitrep-no-such-folder'))).toThrow(/sitrep-no-such-folder: cannot read folder/);
  });
});
