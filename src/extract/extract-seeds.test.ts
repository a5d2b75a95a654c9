/**
 * Extraction on the real seed articles (read from ../shared at test time, never copied here).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createExtractContext } from './create-extract-context.js';
import { processArticle } from '../pipeline/process-article.js';
import type { RawArticle } from '../model/article.js';
import type { ExtractionResult } from '../model/extraction.js';

const seedsFile = new URL('../../../shared/corpus/seeds.jsonl', import.meta.url);
const ctx = createExtractContext();
const results = new Map<string, ExtractionResult>();
for (const line of readFileSync(seedsFile, 'utf8').split('\n').filter(Boolean)) {
  const o = JSON.parse(line) as { id: string; title: string; text: string; outlet?: string; published: string };
  const raw: RawArticle = {
    id: o.id, source: o.id, format: 'jsonl', title: o.title, text: o.text, html: null, url: null,
    outlet: o.outlet ?? null, published: o.published, publishedSource: 'metadata', language: 'en', diagnostics: [],
  };
  results.set(o.id.slice(0, 3), processArticle(raw, ctx));
}
const news = (id: string) => results.get(id)!.events.filter((e) => !e.background);

describe('extraction on the seed corpus', () => {
  it('every span of every event, claim and statement slices to its text', () => {
    for (const r of results.values()) {
      const spans = [
        ...r.events.flatMap((e) => [...e.evidence, ...Object.values(e.field_spans), ...e.claims.map((c) => c.evidence)]),
        ...r.statements.map((s) => s.evidence),
      ];
      expect(spans.length).toBeGreaterThan(0);
      for (const s of spans) expect(r.article.text.slice(s.start, s.end)).toBe(s.text);
    }
  });

  it('places Khtsaberd in Hadrut (Karabakh), not elsewhere', () => {
    for (const id of ['001', '002']) {
      const places = news(id).map((e) => e.location).filter((p) => p && /Khtsaberd|Boyuk Taglar/.test(p.source_text));
      expect(places.length).toBeGreaterThan(0);
      for (const p of places) {
        expect(p!.country).toBe('AZE');
        expect(Math.abs(p!.lat! - 39.55)).toBeLessThan(0.15);
      }
    }
  });

  it('reads the 12 December 2020 advance as Azerbaijani, a ceasefire violation, claimed by Armenia', () => {
    const e = news('002').find((x) => x.event_type === 'Battles')!;
    expect(e.date).toBe('2020-12-12');
    expect(e.actor1?.side).toBe('AZE');
    expect(e.ceasefire_violation).toBe(true);
    expect(e.injured).toBe(6);
    expect(e.claims.some((c) => c.claimant?.side === 'ARM')).toBe(true);
    expect(e.control?.some((c) => c.holder === 'ARM')).toBe(true);
  });

  it('keeps history and war-long tolls out of the news', () => {
    for (const r of results.values()) {
      const published = r.article.published!;
      for (const e of r.events.filter((x) => !x.background)) {
        const days = (Date.parse(published) - Date.parse(e.date ?? published)) / 86_400_000;
        expect(days).toBeLessThan(21);
        expect(e.fatalities ?? 0).toBeLessThan(100);
      }
    }
    expect(results.get('001')!.events.some((e) => e.background)).toBe(true);
  });

  it('sums tolls over sides: two Artsakh soldiers and one Azerbaijani soldier killed, over a dozen wounded', () => {
    const battle = news('003').find((e) => e.event_type === 'Battles')!;
    expect(battle.fatalities).toBe(3);
    // "over a dozen" is at least 13 (ANNOTATE.md codes it [13, 99999])
    expect(battle.injured).toBe(13);
  });

  it('reads the boilerplate of the seed pages as nothing', () => {
    for (const r of results.values()) {
      for (const e of r.events) {
        for (const s of e.evidence) expect(s.text).not.toMatch(/Subscribe|Sponsor|YouTube|F-16|comment/);
      }
    }
  });
});
