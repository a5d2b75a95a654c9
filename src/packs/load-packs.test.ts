import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { clearPacksCache, loadPacks } from './load-packs.js';
import { PackError } from './pack-error.js';

const fixtures = fileURLToPath(new URL('./test-fixtures/', import.meta.url));
const goodFixture = path.join(fixtures, 'packs');

/** A writable copy of the good fixture packs, to break one file at a time. */
function copyFixture(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'sitrep-packs-'));
  cpSync(goodFixture, dir, { recursive: true });
  return dir;
}

function edit(dir: string, file: string, change: (s: string) => string): void {
  const p = path.join(dir, file);
  writeFileSync(p, change(readFileSync(p, 'utf8')));
}

function loadError(dir: string): PackError {
  clearPacksCache();
  try {
    loadPacks(dir);
  } catch (err) {
    expect(err).toBeInstanceOf(PackError);
    return err as PackError;
  }
  throw new Error('expected loadPacks to throw');
}

const temps: string[] = [];
afterEach(() => {
  for (const d of temps.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('loadPacks on the real packs', () => {
  const packs = loadPacks();

  it('loads the Nagorno-Karabakh theatre and the world pack with versions', () => {
    const nk = packs.theatres.find((t) => t.id === 'nagorno-karabakh');
    expect(nk).toBeDefined();
    expect(nk!.countries).toEqual(['ARM', 'AZE']);
    expect(nk!.places.length).toBeGreaterThan(8000);
    expect(nk!.actors.length).toBeGreaterThan(50);
    expect(nk!.ceasefires.map((c) => c.id)).toContain('ceasefire:nk:2020-11-10-trilateral');
    expect(nk!.keyEvents.map((e) => e.id)).toContain('event:nk:2022-08-lachin-sarybaba');
    expect(nk!.attribution).toContain("Who's On First");
    expect(packs.versions).toMatchObject({ world: '1.4.0', 'nagorno-karabakh': '1.0.0' });
    expect(packs.world.places.some((p) => p.id === 'place:country:ARM' && p.kind === 'country')).toBe(true);
    expect(packs.world.demonyms?.AZE).toContain('Azerbaijani');
  });

  it('is cached once per process', () => {
    expect(loadPacks()).toBe(packs);
  });

  it('lets curated entries replace gazetteer rows and inherit their spellings', () => {
    const nk = packs.theatres.find((t) => t.id === 'nagorno-karabakh')!;
    const ids = new Set(nk.places.map((p) => p.id));
    expect(ids.has('place:wof:1259412385')).toBe(false);
    const k = nk.places.find((p) => p.id === 'place:nk:khtsaberd')!;
    expect(k.curated).toBe(true);
    expect(k.aliases).toEqual(expect.arrayContaining(['Khtsaberd', 'Çaylaqqala', 'Tskhabert', 'Xtsabert']));
    expect(k.lat).toBeCloseTo(39.546, 2);
    expect(k.lon).toBeCloseTo(46.772, 2);
  });

  it('keeps superseded or Soviet-era gazetteer rows as not current', () => {
    const counties = packs.theatres.find((t) => t.id === 'nagorno-karabakh')!.places.filter((p) => p.id === 'place:wof:421175281'); // Kafan Shrjan (AM county)
    expect(counties[0]?.current).toBe(false);
  });
});

describe('loadPacks validation errors name the file, the row and the field', () => {
  it('reports a bad actor in the static bad fixture', () => {
    const err = loadError(path.join(fixtures, 'bad-actor-packs'));
    expect(err.file).toMatch(/bad-actor-packs[\\/]theatres[\\/]test[\\/]actors\.yml$/);
    expect(err.row).toBe(4);
    expect(err.field).toBe('side');
    expect(err.message).toContain('actor:test:separatists');
  });

  it('reports a TSV row with a bad latitude by line number', () => {
    const dir = copyFixture();
    temps.push(dir);
    edit(dir, 'theatres/test/places.tsv', (s) => s.replace('\t40.878\t', '\tnorth\t'));
    const err = loadError(dir);
    expect(err.file).toMatch(/places\.tsv$/);
    expect(err.row).toBe(2);
    expect(err.field).toBe('lat');
    expect(err.message).toContain('place:wof:4');
  });

  it('reports an unknown kind in the world cities', () => {
    const dir = copyFixture();
    temps.push(dir);
    edit(dir, 'world/cities.tsv', (s) => s.replace('\tcity\tNice', '\tmetropolis\tNice'));
    const err = loadError(dir);
    expect(err.file).toMatch(/world[\\/]cities\.tsv$/);
    expect(err.row).toBe(2);
    expect(err.field).toBe('kind');
  });

  it('reports a curated entry replacing a row that does not exist', () => {
    const dir = copyFixture();
    temps.push(dir);
    edit(dir, 'theatres/test/places-curated.yml', (s) => s.replace('replaces: [place:wof:9]', 'replaces: [place:wof:999]'));
    const err = loadError(dir);
    expect(err.file).toMatch(/places-curated\.yml$/);
    expect(err.row).toBe(3);
    expect(err.field).toBe('replaces');
    expect(err.message).toContain('place:wof:999');
  });

  it('reports a fightsAs pointing nowhere, and a missing licence', () => {
    const dir = copyFixture();
    temps.push(dir);
    edit(dir, 'theatres/test/actors.yml', (s) => s.replace('fightsAs: actor:test:aze-forces', 'fightsAs: actor:test:nobody'));
    const err = loadError(dir);
    expect(err.field).toBe('fightsAs');
    expect(err.row).toBe(2);

    const dir2 = copyFixture();
    temps.push(dir2);
    edit(dir2, 'theatres/test/pack.json', (s) => s.replace('"licence": "CC0-1.0",', ''));
    const err2 = loadError(dir2);
    expect(err2.file).toMatch(/pack\.json$/);
    expect(err2.field).toBe('licence');
  });

  it('reports invalid dates in key events', () => {
    const dir = copyFixture();
    temps.push(dir);
    edit(dir, 'theatres/test/key-events.yml', (s) => s.replace('date: "1994-05-05"', 'date: "5 May 1994"'));
    const err = loadError(dir);
    expect(err.file).toMatch(/key-events\.yml$/);
    expect(err.row).toBe(1);
    expect(err.field).toBe('date');
  });
});

describe('loadPacks validates the world actor registry', () => {
  const realWorld = fileURLToPath(new URL('../../packs/world/', import.meta.url));
  /** A writable copy of the real world pack alone. */
  function copyWorld(): string {
    const dir = mkdtempSync(path.join(tmpdir(), 'sitrep-world-'));
    temps.push(dir);
    cpSync(realWorld, path.join(dir, 'world'), { recursive: true });
    return dir;
  }

  it('loads groups, leaders, state aliases and generic descriptions', () => {
    clearPacksCache();
    const packs = loadPacks(copyWorld());
    const ids = new Set(packs.world.actors.map((a) => a.id));
    for (const id of ['actor:world:group-rsf', 'actor:world:group-jnim', 'actor:world:group-pdf', 'actor:world:person-mohamed-hamdan-dagalo-hemedti', 'actor:generic:state']) {
      expect(ids.has(id)).toBe(true);
    }
    expect(packs.world.actors.filter((a) => a.kind === 'armed-group' && !a.generic).length).toBeGreaterThan(180);
    expect(packs.world.actors.find((a) => a.id === 'actor:world:isr-forces')?.aliases).toContain('IDF');
    expect(packs.world.genericDefaults?.some((d) => d.country === 'HTI' && d.class === 'gang')).toBe(true);
  });

  it('names the file and row of a bad side code, a duplicate group, an unknown entry', () => {
    let dir = copyWorld();
    edit(dir, 'world/groups.yml', (s) => s.replace('side: RSF', 'side: rsf'));
    let err = loadError(dir);
    expect(err.message).toContain('groups.yml');
    expect(err.message).toContain('actor:world:group-rsf');

    dir = copyWorld();
    edit(dir, 'world/groups.yml', (s) => s.replace('actor:world:group-pij', 'actor:world:group-hamas'));
    expect(loadError(dir).message).toMatch(/groups\.yml.*duplicate id actor:world:group-hamas/);

    dir = copyWorld();
    edit(dir, 'world/state-aliases.tsv', (s) => s.replace(/^ISR\tforces/m, 'XXX\tforces'));
    expect(loadError(dir).message).toMatch(/state-aliases\.tsv.*actor:world:xxx-forces/);

    dir = copyWorld();
    edit(dir, 'world/generic-defaults.tsv', (s) => s.replace('actor:world:group-amba', 'actor:world:group-nobody'));
    expect(loadError(dir).message).toMatch(/generic-defaults\.tsv.*unknown actor actor:world:group-nobody/);

    dir = copyWorld();
    edit(dir, 'world/generic-actors.tsv', (s) => s.replace('gunmen\tgunman', 'gunmen\tshooter'));
    expect(loadError(dir).message).toContain('generic-actors.tsv');
    clearPacksCache();
  });
});

describe('readPackVersions', () => {
  it('reads the same versions as loadPacks from the manifests alone, without loading the packs', async () => {
    const { clearPacksCache, loadPacks: load, readPackVersions } = await import('./load-packs.js');
    clearPacksCache();
    const t = performance.now();
    const versions = readPackVersions();
    const ms = performance.now() - t;
    expect(versions).toEqual(load().versions);
    expect(Object.keys(versions)).toContain('world');
    expect(ms).toBeLessThan(300);
  });
});
