import { describe, expect, it } from 'vitest';
import { createGeoparser } from './geoparse.js';

const geoparser = createGeoparser();

describe('createGeoparser().parse', () => {
  it('gives every toponym with its span into the text as given, the place and runner-ups', () => {
    const text = 'Shelling hit  Kupiansk\r\nand villages in the Kharkiv region; rockets fell on northern Israel.';
    const places = geoparser.parse(text);
    expect(places.map((p) => text.slice(p.start, p.end))).toEqual(['Kupiansk', 'Kharkiv region', 'northern Israel']);
    for (const p of places) expect(p.text).toBe(text.slice(p.start, p.end));
    const [kupiansk, kharkiv, israel] = places;
    expect(kupiansk).toMatchObject({ name: 'Kupiansk', country: 'UKR', admin1: 'Kharkiv', feature: 'town', precision: 1 });
    expect(kharkiv).toMatchObject({ name: 'Kharkiv', country: 'UKR', feature: 'region', precision: 3 });
    expect(kharkiv!.alternatives.length).toBeGreaterThan(0);
    expect(kharkiv!.alternatives.some((a) => a.feature === 'city')).toBe(true);
    expect(israel).toMatchObject({ country: 'ISR', feature: 'country', precision: 3 });
  });

  it('resolves one name by the article: Alexandria in Egypt or in Virginia', () => {
    const egypt = geoparser.parse('Protests spread from Cairo to Alexandria on Friday.');
    expect(egypt.find((p) => p.text === 'Alexandria')?.country).toBe('EGY');
    const usa = geoparser.parse('Officials in Arlington, Virginia and in nearby Alexandria reported cases.');
    expect(usa.find((p) => p.text === 'Alexandria')?.country).toBe('USA');
  });

  it('gives a country and its capital for "Kenya\'s capital"', () => {
    const text = "Cases were reported in Kenya's capital.";
    const places = geoparser.parse(text);
    expect(places.map((p) => [text.slice(p.start, p.end), p.name])).toEqual([
      ['Kenya', 'Kenya'],
      ["Kenya's capital", 'Nairobi'],
    ]);
  });
});
