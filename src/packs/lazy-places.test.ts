import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { createPlaceMatcher } from './gazetteer-index.js';
import { lazyPlaces } from './lazy-places.js';
import { DEFAULT_PACKS_DIR, loadPacks } from './load-packs.js';
import { PackError } from './pack-error.js';
import { placeKeyTable } from './place-keys.js';

const world = path.join(DEFAULT_PACKS_DIR, 'world');
const manifest = JSON.parse(readFileSync(path.join(world, 'pack.json'), 'utf8')) as { files: Record<string, string> };
const temps: string[] = [];
afterAll(() => {
  for (const d of temps) rmSync(d, { recursive: true, force: true });
});

/** The real packs without the key tables (every row read at load), through links to the same files. */
function eagerPacksDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'sitrep-eager-'));
  temps.push(dir);
  mkdirSync(path.join(dir, 'world'));
  for (const f of readdirSync(world)) if (f !== 'pack.json' && f !== 'villages') symlinkSync(path.join(world, f), path.join(dir, 'world', f));
  mkdirSync(path.join(dir, 'world', 'villages'));
  for (const f of readdirSync(path.join(world, 'villages'))) {
    if (!f.includes('.keys.')) symlinkSync(path.join(world, 'villages', f), path.join(dir, 'world', 'villages', f));
  }
  const files = { ...manifest.files };
  delete files.cityKeys;
  delete files.adminKeys;
  writeFileSync(path.join(dir, 'world', 'pack.json'), JSON.stringify({ ...manifest, files }));
  symlinkSync(path.join(DEFAULT_PACKS_DIR, 'theatres'), path.join(dir, 'theatres'));
  return dir;
}

describe('the places read on demand', () => {
  it('ships key tables that match the places and the word keys of this code (else: node scripts/build-place-keys.mjs)', () => {
    for (const [data, keys] of [['cities', 'cityKeys'], ['admin', 'adminKeys']] as const) {
      const shipped = readFileSync(path.join(world, manifest.files[keys]!), 'utf8');
      expect(shipped === placeKeyTable(readFileSync(path.join(world, manifest.files[data]!))), `${manifest.files[keys]} is stale`).toBe(true);
    }
    const villages = path.join(world, 'villages');
    for (const f of readdirSync(villages).filter((n) => /^[A-Z]{3}\.tsv\.gz$/.test(n))) {
      const shipped = gunzipSync(readFileSync(path.join(villages, f.replace('.tsv.gz', '.keys.tsv.gz')))).toString('utf8');
      expect(shipped === placeKeyTable(gunzipSync(readFileSync(path.join(villages, f)))), `villages/${f}: key table stale`).toBe(true);
    }
  });

  it('are used by the loader, which keeps only capitals, large cities and extra-alias rows in memory', () => {
    const packs = loadPacks();
    expect(packs.world.lazyPlaces?.length).toBe(2);
    expect(packs.world.places.length).toBeLessThan(10_000);
    expect(packs.world.places.some((p) => p.name === 'Kyiv' && p.capital)).toBe(true);
    // Hodeidah's news spellings (aliases.tsv) are on its row
    expect(packs.world.places.find((p) => p.id === 'place:gn:79415')?.aliases).toContain('Hodeidah');
  });

  it('find the same places, with the same candidates, as when every row is read at load', () => {
    const lazy = createPlaceMatcher(loadPacks());
    const eager = createPlaceMatcher(loadPacks(eagerPacksDir()));
    const texts = [
      'Shelling hit Vovchansk, Kupiansk and villages of the Kharkiv Oblast; drones struck Yemen\'s Hodeidah port.',
      'Protesters gathered in New York, in North Carolina and in Alexandria, Virginia, while floods hit Queensland and NSW.',
      'Troops entered Zolochiv. Fighting near Tirah in Khyber district; the Syrian capital and Idlib province were shelled.',
      'Ebola cases were reported in Kasai Occidental, Mbomo and Kinshasa; officials in Washington, D.C. met in Geneva.',
      // villages of countries at war (read through their own key tables)
      'Burkinabe soldiers were killed near Bourasso and in the village of Namissiguima, Burkina Faso.',
      'In Yemen, strikes hit Al Mukha and the village of Toûlîne; in Lebanon, shelling hit Borj Qalaouiyé.',
    ];
    const dev = path.resolve(DEFAULT_PACKS_DIR, '..', '..', 'shared', 'corpus', 'dev', 'articles.jsonl');
    if (existsSync(dev)) {
      const lines = readFileSync(dev, 'utf8').split('\n').filter(Boolean);
      for (const l of lines) texts.push((JSON.parse(l) as { text: string }).text);
    }
    const show = (m: ReturnType<typeof lazy.find>) => m.map((x) => `${x.start}-${x.end} ${x.surface}: ${x.candidates.map((c) => c.id).join(' ')}`);
    for (const text of texts) expect(show(lazy.find(text))).toEqual(show(eager.find(text)));
    expect(lazy.get('place:gn:713504')?.name).toBe('Amvrosiivka');
    expect(eager.get('place:gn:713504')?.name).toBe('Amvrosiivka');
  }, 120_000);

  it('ignore a stale key table and report a bad row when it is first read, naming the file and line', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sitrep-lazy-'));
    temps.push(dir);
    const places = path.join(dir, 'places.tsv');
    const keys = path.join(dir, 'places.keys.tsv');
    const header = 'id\tname\tkind\taliases\tcountry\tadmin1\tadmin2\tlat\tlon\tpopulation\tis_current';
    const body = `${header}\nplace:gn:1\tAlpha\ttown\tAlpha|Alfa\tUKR\t\t\t50.1\t30.2\t20000\t1\nplace:gn:2\tBeta\ttown\tBeta\tUKR\t\t\t95.0\t30.2\t20000\t1\n`;
    writeFileSync(places, body);
    writeFileSync(keys, placeKeyTable(readFileSync(places)));
    const l = lazyPlaces(places, keys)!;
    expect(l.eager).toEqual([]);
    expect(l.withFirstKey('alfa').map((p) => p.id)).toEqual(['place:gn:1']);
    expect(l.withFirstKey('alfa')[0]).toBe(l.withFirstKey('alpha')[0]);
    expect(l.withFirstKey('gamma')).toEqual([]);
    expect(() => l.withFirstKey('beta')).toThrow(PackError);
    expect(() => l.withFirstKey('beta')).toThrow(/places\.tsv: line 3 .*lat/);
    writeFileSync(places, body.replace('Alfa', 'Alpha Bis'));
    expect(lazyPlaces(places, keys)).toBeNull();
    expect(lazyPlaces(places, path.join(dir, 'missing.tsv'))).toBeNull();
  });
});
