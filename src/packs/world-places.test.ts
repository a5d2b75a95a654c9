import { describe, expect, it } from 'vitest';
import { createPlaceMatcher, disambiguatePlaces } from './gazetteer-index.js';
import { loadPacks } from './load-packs.js';

const packs = loadPacks();
const places = createPlaceMatcher(packs);

/** Each mention's surface with the name and country of the place chosen for it. */
function resolved(text: string): string[] {
  const mentions = places.find(text);
  return disambiguatePlaces(mentions, text, { packs }).map((r, i) => `${mentions[i]!.surface} -> ${r ? `${r.entry.name} ${r.entry.country} ${r.entry.kind}` : 'null'}`);
}

describe('the world gazetteer', () => {
  it('knows towns and villages of 1,000+ people with their transliterations', () => {
    expect(resolved('Fighting continued near Vovchansk and in Kupiansk.')).toEqual([
      'Vovchansk -> Vovchansk UKR town',
      'Kupiansk -> Kupiansk UKR town',
    ]);
    expect(resolved('Shelling was reported in Volchansk.')[0]).toMatch(/Vovchansk UKR/);
  });

  it('knows first-order divisions under their short and full names', () => {
    expect(resolved('Drones struck targets in the Kharkiv Oblast overnight.')[0]).toBe('Kharkiv Oblast -> Kharkiv UKR region');
    expect(resolved('Clashes erupted in Kachin State on Sunday.')[0]).toBe('Kachin State -> Kachin State MMR region');
  });

  it('reads "X region" as the division and a bare "X" as the city', () => {
    expect(resolved('Shelling hit villages in the Donetsk region.')[0]).toBe('Donetsk region -> Donetsk UKR region');
    expect(resolved('Shelling hit the centre of Donetsk.')[0]).toBe('Donetsk -> Donetsk UKR city');
  });

  it('knows seas, straits and regions named in news', () => {
    expect(resolved('A ship was attacked in the Red Sea near the Bab el-Mandeb strait.')).toEqual([
      'Red Sea -> Red Sea null region',
      'Bab el-Mandeb strait -> Bab el-Mandeb null region',
    ]);
    expect(resolved('Fighting spread across Darfur and the Donbas.')).toEqual(['Darfur -> Darfur SDN region', 'Donbas -> Donbas UKR region']);
  });

  it('knows landmarks named in news: air bases, airports, dams, prisons, crossings', () => {
    expect(resolved('Rockets struck the Ain al-Asad air base before dawn, and a drone fell near Erbil airport.')).toEqual([
      'Ain al-Asad air base -> Ain al-Asad Air Base IRQ area',
      'Erbil airport -> Erbil International Airport IRQ area',
    ]);
    expect(resolved('Militias clashed close to the Tishrin Dam on the Euphrates.')[0]).toBe('Tishrin Dam -> Tishreen Dam SYR area');
    expect(resolved('Crowds gathered outside the Sednaya prison north of the capital.')[0]).toBe('Sednaya prison -> Saydnaya Prison SYR area');
  });

  it('reads "south Lebanon" and "southern Lebanon" as the region, and a former district name as the district', () => {
    expect(resolved('A drone was downed over south Lebanon.')[0]).toBe('south Lebanon -> South Lebanon LBN region');
    expect(resolved('Strikes continued across southern Lebanon.')[0]).toBe('southern Lebanon -> South Lebanon LBN region');
    expect(resolved('Gunmen stopped a bus in Bolan, Balochistan, on Monday.')[0]).toBe('Bolan -> Kachhi District PAK district');
  });

  it('prefers multi-word names over their parts', () => {
    const [ny, nc] = resolved('Protesters gathered in New York and in North Carolina.');
    expect(ny).toMatch(/^New York -> New York.* USA /);
    expect(nc).toBe('North Carolina -> North Carolina USA region');
    expect(resolved('Floods hit West Virginia.')[0]).toBe('West Virginia -> West Virginia USA region');
  });

  it('takes a country name for the country, not a small town of that name', () => {
    expect(resolved('Israeli jets struck targets in Lebanon.')[0]).toBe('Lebanon -> Lebanon LBN country');
  });

  it('widens a mention over a direction before it', () => {
    const text = 'Rockets were fired at northern Israel.';
    const m = places.find(text)[0]!;
    expect(m.surface).toBe('northern Israel');
    expect(text.slice(m.start, m.end)).toBe(m.surface);
  });

  it('does not take a person, a month or a title for a small place without a locative cue', () => {
    expect(places.find('Volodymyr Zelensky met the Supreme Commander in August.').map((m) => m.surface)).toEqual([]);
    expect(places.find('Families fled to Zolochiv in August.').map((m) => m.surface)).toEqual(['Zolochiv']);
  });

  it('keeps a list of small places after a cue', () => {
    expect(places.find('Troops entered Vovchansk, Izium and Zolochiv.').map((m) => m.surface)).toEqual(['Vovchansk', 'Izium', 'Zolochiv']);
  });

  it('does not take part of a longer unknown name for a town, but reads possessives as separate names', () => {
    expect(places.find('Troops shelled Qarzoni Lyman overnight.').map((m) => m.surface)).toEqual([]);
    expect(places.find('Troops shelled Lyman overnight.').map((m) => m.surface)).toEqual(['Lyman']);
    expect(resolved("Drones hit a depot in Russia's Bryansk region.")).toEqual(['Russia -> Russia RUS country', 'Bryansk region -> Bryansk Oblast RUS region']);
  });

  it('reads "the Syrian capital" and "Ukraine\'s capital" as the capital city', () => {
    expect(resolved('A strike hit a building in the Syrian capital.')).toEqual(['Syrian capital -> Damascus SYR city']);
    expect(resolved("Explosions were heard in Ukraine's capital overnight.")).toEqual(["Ukraine's capital -> Kyiv UKR city"]);
  });

  it('never reads the name of an armed group as a place (Hamm is "Hamas" in Latvian)', () => {
    expect(places.find('Leaders vowed to destroy Hamas and Hezbollah.').map((m) => m.surface)).toEqual([]);
  });

  it('reads a division among other divisions of its country as the division, a city name as the city', () => {
    expect(resolved('Storms hit Texas, Florida and Georgia this week.').at(-1)).toBe('Georgia -> Georgia USA region');
    expect(resolved('Russia and Georgia fought a war in 2008.').at(-1)).toBe('Georgia -> Georgia GEO country');
    expect(resolved('Drones struck an academy in Homs while shelling hit villages across Idlib province.')).toEqual([
      'Homs -> Homs SYR city',
      'Idlib province -> Idlib SYR region',
    ]);
  });

  it('places large states and provinces at the centre of their outline, not among their towns', () => {
    const at = (text: string) => {
      const mentions = places.find(text);
      const r = disambiguatePlaces(mentions, text, { packs })[0]!;
      return [Math.round(r.entry.lat), Math.round(r.entry.lon)];
    };
    // Alberta's towns lie in its south, Queensland's on its east coast: the middle of their spread is not the middle of the province
    expect(at('Wildfires spread across Alberta.')).toEqual([55, -114]);
    expect(at('Floods hit Queensland.')).toEqual([-23, 144]);
    expect(at('Drought hit Texas.')).toEqual([31, -99]);
  });

  it('reads a country after "province of" as the country holding the province, not a district of its name', () => {
    expect(resolved('The son was from the Jiangsu province of eastern China.').at(-1)).toBe('eastern China -> China CHN country');
    expect(resolved('The disease has spread across 30 provinces and regions of China.').at(-1)).toBe('China -> China CHN country');
  });
});
