import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { parseTaxonomy, resolveTypeFilter, taxonomy, UnknownFilterValue } from './taxonomy.js';
import { loadPacks } from '../packs/load-packs.js';
import { packSideCodes, readSideCodes, resolveSide } from '../packs/side-codes.js';

describe('event taxonomy', () => {
  it('lists every type and sub-type the extraction frames produce, under the same type', () => {
    const frames = parseYaml(readFileSync(new URL('../../data/frames/conflict.yml', import.meta.url), 'utf8')) as { frames: { event_type: string; sub_event_type: string }[] };
    const tax = taxonomy();
    expect(frames.frames.length).toBeGreaterThan(10);
    for (const f of frames.frames) expect(tax.typeOf.get(f.sub_event_type), f.sub_event_type).toBe(f.event_type);
  });

  it('resolves types and sub-types in any case', () => {
    expect(resolveTypeFilter(['battles'])).toEqual({ eventTypes: ['Battles'] });
    expect(resolveTypeFilter(['ARMED CLASH'])).toEqual({ subEventTypes: ['Armed clash'] });
    expect(resolveTypeFilter(['riots', 'Armed clash'])).toEqual({ subEventTypes: ['Violent demonstration', 'Mob violence', 'Armed clash'] });
    expect(resolveTypeFilter(['Battles'], ['armed clash'])).toEqual({ eventTypes: ['Battles'], subEventTypes: ['Armed clash'] });
    expect(resolveTypeFilter(['Riots', 'Grenade'], ['armed clash'])).toEqual({ subEventTypes: [] });
    expect(resolveTypeFilter()).toEqual({});
  });

  it('refuses unknown names, naming the allowed values', () => {
    expect(() => resolveTypeFilter(['Armed clashes'])).toThrow(UnknownFilterValue);
    expect(() => resolveTypeFilter(['Armed clashes'])).toThrow(/allowed values are Battles, .*Armed clash/);
    expect(() => resolveTypeFilter([], ['Battles'])).toThrow(/unknown sub_type 'Battles'/);
  });

  it('refuses a malformed or ambiguous taxonomy file', () => {
    expect(() => parseTaxonomy('version: 1\nevent_types:\n  A: [x]\n  B: [X]\n')).toThrow(/listed twice/);
    expect(() => parseTaxonomy('version: 2\nevent_types: {}\n')).toThrow(/version/);
  });
});

describe('side codes', () => {
  it('accepts the packs\' codes in any case and refuses others, listing groups', () => {
    const codes = readSideCodes();
    // Reading only the actor files gives the codes the loaded packs have.
    expect([...codes.all].sort()).toEqual([...packSideCodes(loadPacks()).all].sort());
    expect(resolveSide('aze', codes)).toBe('AZE');
    expect(resolveSide('CIV', codes)).toBe('CIV');
    expect(resolveSide('hamas', codes)).toBe('HAMAS');
    expect(() => resolveSide('XYZ', codes)).toThrow(/unknown side 'XYZ': allowed values are CIV \(civilians\), .*HAMAS/);
  });
});
