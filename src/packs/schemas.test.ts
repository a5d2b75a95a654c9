import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { fastPlaceRow, fastWorldActorRow, placeRowSchema, theatreManifestSchema, worldActorRowSchema } from './schemas.js';

const PLACE_COLUMNS = ['id', 'name', 'kind', 'aliases', 'country', 'admin1', 'admin2', 'lat', 'lon', 'population', 'is_current'];
const ACTOR_COLUMNS = ['id', 'name', 'kind', 'side', 'country', 'inter', 'role', 'fightsAs', 'aliases'];

function colsOf(names: readonly string[]): Record<string, number> {
  return Object.fromEntries(names.map((n, i) => [n, i]));
}

/** Cells that are sometimes valid and often almost valid. */
const cell = (valid: readonly string[]) =>
  fc.oneof({ arbitrary: fc.constantFrom(...valid), weight: 8 }, { arbitrary: fc.string({ maxLength: 6 }), weight: 1 });

describe('fast TSV converters agree with the zod schemas', () => {
  it('fastPlaceRow accepts only rows placeRowSchema accepts, with the same result', () => {
    const row = fc.tuple(
      cell(['place:wof:1', 'place:gn:42', 'place:country:ARM', 'wof:1', 'place:wof:']),
      cell(['Goris', ' ', '']),
      cell(['village', 'town', 'country', 'hamlet']),
      cell(['Goris|Gorus', '', 'A| |B']),
      cell(['ARM', '', 'arm', 'AR']),
      cell(['Syunik', '']),
      cell(['', 'Goris']),
      cell(['39.51', '-91', '90', '1e2', ' 3', 'x']),
      cell(['46.33', '181', '-180', '0.5']),
      cell(['0', '20379', '-1', '1.5', '']),
      cell(['-1', '0', '1', '2']),
    );
    const col = colsOf(PLACE_COLUMNS);
    let accepted = 0;
    fc.assert(
      fc.property(row, (cells) => {
        const fast = fastPlaceRow(col)(cells);
        if (fast === undefined) return; // zod decides, and reports
        accepted++;
        const record = Object.fromEntries(PLACE_COLUMNS.map((c, i) => [c, cells[i]!]));
        const slow = placeRowSchema.safeParse(record);
        expect(slow.success).toBe(true);
        if (slow.success) expect(fast).toEqual(slow.data);
      }),
      { numRuns: 3000, seed: 20201212 },
    );
    expect(accepted).toBeGreaterThan(5); // the generator does reach the fast path
  });

  it('fastWorldActorRow accepts only rows worldActorRowSchema accepts, with the same result', () => {
    const row = fc.tuple(
      cell(['actor:world:arm-forces', 'actor:nk:x']),
      cell(['Military Forces of Armenia', ' ']),
      cell(['state-forces', 'government', 'army']),
      cell(['ARM', 'CIV', 'arm', 'A']),
      cell(['ARM', 'AR']),
      cell(['1', '7', '9', '0']),
      cell(['forces', 'Forces', 'mod']),
      cell(['', 'actor:world:arm-forces']),
      cell(['Armenia|Yerevan', '']),
    );
    const col = colsOf(ACTOR_COLUMNS);
    fc.assert(
      fc.property(row, (cells) => {
        const fast = fastWorldActorRow(col)(cells);
        if (fast === undefined) return;
        const record = Object.fromEntries(ACTOR_COLUMNS.map((c, i) => [c, cells[i]!]));
        const slow = worldActorRowSchema.safeParse(record);
        expect(slow.success).toBe(true);
        if (slow.success) expect(fast).toEqual(slow.data);
      }),
      { numRuns: 3000, seed: 20201212 },
    );
  });

  it('accepts a well-formed gazetteer row', () => {
    const cells = ['place:wof:421199795', 'Goris', 'town', 'Goris|Gorus|Գորիս', 'ARM', 'Syunik', '', '39.51288', '46.33816', '20379', '1'];
    expect(fastPlaceRow(colsOf(PLACE_COLUMNS))(cells)).toMatchObject({ id: 'place:wof:421199795', aliases: ['Goris', 'Gorus', 'Գորիս'], admin2: null, lat: 39.51288 });
  });
});

describe('pack sources', () => {
  const manifest = (sources: unknown) => ({
    id: 'x', name: 'X', version: '1.0.0', schemaVersion: 1, licence: 'CC-BY-4.0', attribution: 'a', countries: ['LBN'], keywords: ['x'],
    files: { actors: 'actors.yml' }, sources,
  });
  it('refuses a source with no real name or no web address (a truncated entry, "W" / "i")', () => {
    const res = theatreManifestSchema.safeParse(manifest([{ name: 'W', url: 'i' }]));
    expect(res.success).toBe(false);
  });
  it('accepts a named source with an http(s) address, and every shipped theatre pack', () => {
    expect(theatreManifestSchema.safeParse(manifest([{ name: 'UN Security Council resolution 1701', url: 'https://undocs.org/S/RES/1701(2006)' }])).success).toBe(true);
    for (const dir of readdirSync(new URL('../../packs/theatres/', import.meta.url))) {
      const json = JSON.parse(readFileSync(new URL(`../../packs/theatres/${dir}/pack.json`, import.meta.url), 'utf8'));
      expect(theatreManifestSchema.safeParse(json).success, dir).toBe(true);
    }
  });
});
