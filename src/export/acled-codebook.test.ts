/** The ACLED data files of the export (#17 item 7) are complete and valid. */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ACLED_REGIONS, acledRegion, disorderType, eventIdCnty, isoNumeric, loadCountryCodes, loadDisorderTypes } from './acled-codebook.js';

const require = createRequire(import.meta.url);
const countries = require('i18n-iso-countries') as { alpha3ToNumeric(a3: string): string | undefined };

/** The ACLED taxonomy as the project's spec lists it (event type → sub-event types). */
function specTaxonomy(): Map<string, string[]> {
  const spec = fs.readFileSync(new URL('../../../shared/spec/event-model.md', import.meta.url), 'utf8');
  const section = spec.slice(spec.indexOf('### ACLED taxonomy'), spec.indexOf('## Actor'));
  const map = new Map<string, string[]>();
  for (const m of section.replace(/\n\s+/g, ' ').matchAll(/- \*\*(.+?)\*\*: (.+)/g)) map.set(m[1]!, m[2]!.split(';').map((s) => s.trim()));
  return map;
}

describe('ACLED codebook data', () => {
  it('gives every country of the world pack an ACLED region and its ISO numeric code', () => {
    const world = fs.readFileSync(new URL('../../packs/world/countries.tsv', import.meta.url), 'utf8').split('\n').slice(1).map((l) => l.split('\t')[4]).filter((c): c is string => !!c);
    expect(world.length).toBeGreaterThan(200);
    for (const iso3 of new Set(world)) {
      expect(ACLED_REGIONS, iso3).toContain(acledRegion(iso3));
      expect(isoNumeric(iso3), iso3).toBe(Number(countries.alpha3ToNumeric(iso3)));
    }
    expect([acledRegion('AZE'), acledRegion('ARM'), acledRegion('GEO')]).toEqual(Array(3).fill('Caucasus and Central Asia'));
    expect(acledRegion('SDN')).toBe('Northern Africa');
    expect(acledRegion('ETH')).toBe('Eastern Africa');
    expect(acledRegion('ISR')).toBe('Middle East');
    expect(isoNumeric('AZE')).toBe(31);
    expect(isoNumeric(null)).toBeNull();
  });

  it('gives every type and sub-type of the spec taxonomy a disorder type', () => {
    const taxonomy = specTaxonomy();
    expect(taxonomy.size).toBe(6);
    for (const [type, subs] of taxonomy) for (const sub of subs) expect(disorderType(type, sub), `${type} / ${sub}`).not.toBeNull();
    expect(disorderType('Battles', 'Armed clash')).toBe('Political violence');
    expect(disorderType('Protests', 'Peaceful protest')).toBe('Demonstrations');
    expect(disorderType('Protests', 'Excessive force against protesters')).toBe('Political violence; Demonstrations');
    expect(disorderType('Strategic developments', 'Arrests')).toBe('Strategic developments');
  });

  it('refuses a malformed data file, naming it', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sitrep-acled-'));
    try {
      const bad = path.join(dir, 'c.tsv');
      fs.writeFileSync(bad, 'iso3\tiso_numeric\tacled_region\nAZE\t031\tCaucasus\n');
      expect(() => loadCountryCodes(bad)).toThrow(/c\.tsv.*not an ACLED region/);
      fs.writeFileSync(bad, 'event_type\tsub_event_type\tdisorder_type\nBattles\t\tWar\n');
      expect(() => loadDisorderTypes(bad)).toThrow(/not an ACLED disorder type/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('makes stable ACLED-style event ids', () => {
    expect(eventIdCnty('ev_1', 'AZE')).toBe(eventIdCnty('ev_1', 'AZE'));
    expect(eventIdCnty('ev_1', 'AZE')).toMatch(/^AZE\d+$/);
    expect(eventIdCnty('ev_2', 'AZE')).not.toBe(eventIdCnty('ev_1', 'AZE'));
    expect(eventIdCnty('ev_1', null)).toMatch(/^XXX\d+$/);
  });
});
