import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createActorMatcher, toActor } from './actor-matcher.js';
import { loadPacks } from './load-packs.js';

const actors = createActorMatcher(loadPacks());

/** [surface, entry id] of every actor mention. */
function found(text: string, date?: string): [string, string][] {
  return actors.find(text, date).map((m) => [m.surface, m.entry.id]);
}

function sideOf(text: string, date?: string): (string | null)[] {
  return actors.find(text, date).map((m) => m.entry.side);
}

describe('createActorMatcher().find', () => {
  it('resolves the surface forms of the Azerbaijani state to AZE', () => {
    expect(found('On Saturday the Azerbaijani side resumed the offensive.')).toEqual([['the Azerbaijani side', 'actor:nk:aze-forces']]);
    expect(found('Baku accused Yerevan of the escalation.')).toEqual([
      ['Baku', 'actor:nk:aze-government'],
      ['Yerevan', 'actor:nk:arm-government'],
    ]);
    expect(found("Azerbaijan's Defense Ministry denied it.")).toEqual([['Azerbaijan\'s Defense Ministry', 'actor:nk:aze-mod']]);
    expect(found('Azerbaijan’s Defence Ministry denied it.')[0]?.[1]).toBe('actor:nk:aze-mod');
    expect(found('The Ministry of Defense in Baku said so.')[0]?.[1]).toBe('actor:nk:aze-mod');
    for (const s of ['Azerbaijani army', 'Azerbaijani troops', 'Azeri forces', 'Azerbaijani servicemen', 'Armed Forces of Azerbaijan']) {
      expect(sideOf(`Then ${s} moved.`)).toEqual(['AZE']);
    }
  });

  it('resolves Armenian institutions, separatists and claimants', () => {
    expect(found('The Ministry of Defense of Armenia and Armenia\'s Defence Ministry agree.').map((f) => f[1])).toEqual([
      'actor:nk:arm-mod',
      'actor:nk:arm-mod',
    ]);
    expect(found('Fighting between Azerbaijan and Armenian separatists.')).toEqual([
      ['Azerbaijan', 'actor:nk:aze-government'],
      ['Armenian separatists', 'actor:nk:artsakh-forces'],
    ]);
    for (const s of ['separatists', 'Karabakh forces', 'ethnic Armenian forces', 'Artsakh Defense Army', 'pro-Armenian forces']) {
      expect(actors.find(`Then ${s} fired.`)[0]?.entry).toMatchObject({ id: 'actor:nk:artsakh-forces', side: 'ARM', inter: 2 });
    }
    expect(found('According to pro-Armenian sources, Armenian sources and Azerbaijani sources.').map((f) => f[1])).toEqual([
      'actor:nk:pro-armenian-sources',
      'actor:nk:armenian-sources',
      'actor:nk:azerbaijani-sources',
    ]);
  });

  it('composes demonyms and force nouns from data, theatre entries first', () => {
    expect(actors.find('Russian peacekeepers arrived.', '2020-12-13')[0]).toMatchObject({ surface: 'Russian peacekeepers', entry: { id: 'actor:nk:ru-peacekeepers', side: 'RUS', inter: 8 } });
    expect(actors.find('Armenian units held the line.')[0]).toMatchObject({ entry: { id: 'actor:nk:arm-forces' } });
    expect(actors.find('the Russian Ministry of Defence reported')[0]?.entry.id).toBe('actor:nk:rus-mod');
    // a country with no theatre entry falls back to the world pack
    expect(actors.find('Iranian troops were seen near the border.')[0]).toMatchObject({ surface: 'Iranian troops', entry: { id: 'actor:world:irn-forces', side: 'IRN' }, via: 'composition' });
    expect(actors.find('the Georgian Foreign Ministry said')[0]?.entry.id).toBe('actor:world:geo-mfa');
  });

  it('finds persons under other spellings through nameKey', () => {
    const m = actors.find("Armenia's Prime Minister Nikol Pasjinian posted on Facebook.", '2020-09-27');
    expect(m.map((x) => x.entry.name)).toEqual(['Nikol Pashinyan', 'Nikol Pashinyan']);
    expect(m[1]).toMatchObject({ surface: 'Nikol Pasjinian', via: 'name-key', entry: { id: 'actor:nk:nikol-pashinyan', side: 'ARM' } });
    expect(actors.find('Pasjinian said')[0]?.entry.id).toBe('actor:nk:nikol-pashinyan');
  });

  it('respects validity dates', () => {
    // peacekeepers deployed on 10 November 2020
    expect(actors.find('Russian peacekeepers were deployed.', '2019-05-01')).toEqual([]);
    expect(actors.find('Russian peacekeepers were deployed.', '2021-05-01')).toHaveLength(1);
    // office holders
    expect(actors.find('the Armenian Prime Minister said', '2017-06-01')[0]?.entry.name).toBe('Karen Karapetyan');
    expect(actors.find('the Armenian Prime Minister said', '2021-06-01')[0]?.entry.name).toBe('Nikol Pashinyan');
    expect(actors.find('the Armenian Prime Minister said')[0]?.entry.name).toBe('Nikol Pashinyan');
  });

  it('applies case rules and word boundaries', () => {
    expect(found('baku is a city')).toEqual([]); // proper noun written lower case
    expect(found('a new mod for the game')).toEqual([]); // "MoD" only as an acronym or capitalised
    expect(found('the Separatists withdrew')[0]?.[1]).toBe('actor:nk:artsakh-forces'); // lower-case alias, any case
    expect(found('Bakuvian pastries')).toEqual([]);
    expect(found('the Bishkek Protocol was signed')).toEqual([]); // event name, not the Kyrgyz government
  });

  it('gives the fighting actor of an institution', () => {
    const mod = actors.find('the Armenian Defense Ministry')[0]!.entry;
    expect(actors.fighter(mod).id).toBe('actor:nk:arm-forces');
    expect(actors.byRole('AZE', 'mod')?.id).toBe('actor:nk:aze-mod');
  });
});

describe('toActor', () => {
  it('builds the model Actor with its source words', () => {
    const text = 'Yesterday the Azerbaijani army advanced.';
    const m = actors.find(text)[0]!;
    expect(toActor(m.entry, m)).toEqual({
      name: 'Military Forces of Azerbaijan',
      side: 'AZE',
      country: 'AZE',
      inter: 1,
      id: 'actor:nk:aze-forces',
      source_text: 'Azerbaijani army',
      span: { start: 14, end: 30, text: 'Azerbaijani army' },
    });
    expect(text.slice(14, 30)).toBe('Azerbaijani army');
    expect(toActor(m.entry)).not.toHaveProperty('span');
  });
});

describe('fixture packs', () => {
  const fixture = createActorMatcher(loadPacks(fileURLToPath(new URL('./test-fixtures/packs', import.meta.url))));

  it('shadows world entries by theatre entries of the same country and role', () => {
    expect(fixture.find('Azerbaijani troops and Russian troops')).toEqual([
      expect.objectContaining({ surface: 'Azerbaijani troops', entry: expect.objectContaining({ id: 'actor:test:aze-forces' }) }),
      expect.objectContaining({ surface: 'Russian troops', entry: expect.objectContaining({ id: 'actor:world:rus-forces' }) }),
    ]);
  });
});
