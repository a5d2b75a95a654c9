import { describe, expect, it } from 'vitest';
// @ts-expect-error -- plain ESM script helpers, no type declarations
import * as we from '../../scripts/lib/wikievents.mjs';

const span = (text: string, part: string, from = 0) => {
  const start = text.indexOf(part, from);
  if (start < 0) throw new Error(`'${part}' not in text`);
  return { start, end: start + part.length, text: part };
};

describe('WikiEvents adapter: spans and heads', () => {
  it('overlap needs one shared character', () => {
    expect(we.overlaps({ start: 0, end: 5 }, { start: 4, end: 8 })).toBe(true);
    expect(we.overlaps({ start: 0, end: 5 }, { start: 5, end: 8 })).toBe(false);
    expect(we.overlaps({ start: 3, end: 4 }, { start: 0, end: 10 })).toBe(true);
  });

  it('head word is the last word, lower-cased, without punctuation or possessive', () => {
    expect(we.headWord("Ruritania's border guards")).toBe('guards');
    expect(we.headWord('the town of Lakeside,')).toBe('lakeside');
    expect(we.headWord('“Rebels”')).toBe('rebels');
    expect(we.headWord('the militia’s')).toBe('militia');
    expect(we.headWord('  ')).toBeNull();
    expect(we.headWord(undefined)).toBeNull();
  });

  it('victim words come before the casualty verb, or after it when the span starts with it', () => {
    expect(we.victimWords('three border guards were killed')).toBe('three border guards');
    expect(we.victimWords('killing two traders')).toBe('two traders');
    expect(we.victimWords('14 wounded')).toBe('14');
    expect(we.victimWords('had been killed')).toBeNull();
    expect(we.victimWords('a quiet afternoon')).toBeNull();
  });

  it('coreference expansion gives the heads of every mention in the cluster', () => {
    const mentions = new Map([
      ['d-T1', { id: 'd-T1', text: 'the Northern Brigade' }],
      ['d-T2', { id: 'd-T2', text: 'fighters' }],
      ['d-T3', { id: 'd-T3', text: 'they' }],
      ['d-T4', { id: 'd-T4', text: 'Lakeside' }],
    ]);
    const clusters = we.clusterIndex([['d-T1', 'd-T2', 'd-T3']]);
    expect([...we.corefHeads({ entity_id: 'd-T2', text: 'fighters' }, mentions, clusters)].sort()).toEqual(['brigade', 'fighters', 'they']);
    expect([...we.corefHeads({ entity_id: 'd-T4', text: 'Lakeside' }, mentions, clusters)]).toEqual(['lakeside']);
  });

  it('rebuilds the text from token offsets and aligns it with a white-space-collapsed copy', () => {
    const doc = {
      sentences: [
        [[['Bomb', 0, 4], ['hits', 5, 9], ['Lakeside', 10, 18]], 'Bomb hits Lakeside'],
        [[['Two', 21, 24], ['died', 25, 29], ['.', 29, 30]], 'Two died.'],
      ],
    };
    const text = we.documentText(doc);
    expect(text).toBe('Bomb hits Lakeside   Two died.');
    const cleaned = 'Bomb hits Lakeside Two died.';
    const align = we.whitespaceAligner(text, cleaned);
    const died = we.tokenSpans(doc)[4];
    const mapped = align(died);
    expect(cleaned.slice(mapped.start, mapped.end)).toBe('died');
    expect(align({ start: 18, end: 21 })).toBeNull(); // only spaces
    expect(we.whitespaceAligner(text, 'Bomb hits Lakeside. Two died.')).toBeNull();
  });
});

describe('WikiEvents adapter: mentions and matching', () => {
  const text = 'Gunmen attacked a market in Lakeside on Friday, killing two traders, and shelled the port.';
  const doc = {
    doc_id: 'd',
    sentences: [[text.split(' ').reduce<[string, number, number][]>((acc, w) => {
      const start = acc.length ? acc[acc.length - 1]![2] + 1 : 0;
      acc.push([w, start, start + w.length]);
      return acc;
    }, []), text]],
    entity_mentions: [
      { id: 'd-T1', text: 'Gunmen' },
      { id: 'd-T2', text: 'market' },
      { id: 'd-T3', text: 'Lakeside' },
      { id: 'd-T4', text: 'traders,' },
      { id: 'd-T5', text: 'bombs' },
    ],
    event_mentions: [
      { id: 'd-E1', event_type: 'Conflict.Attack.Unspecified', trigger: { start: 1, end: 2, text: 'attacked' }, arguments: [
        { entity_id: 'd-T1', role: 'Attacker', text: 'Gunmen' },
        { entity_id: 'd-T2', role: 'Target', text: 'market' },
        { entity_id: 'd-T3', role: 'Place', text: 'Lakeside' },
        { entity_id: 'd-T5', role: 'ExplosiveDevice', text: 'bombs' },
      ] },
      { id: 'd-E2', event_type: 'Life.Die.Unspecified', trigger: { start: 8, end: 9, text: 'killing' }, arguments: [{ entity_id: 'd-T4', role: 'Victim', text: 'traders,' }] },
      { id: 'd-E3', event_type: 'Contact.Contact.Broadcast', trigger: { start: 0, end: 1, text: 'Gunmen' }, arguments: [] },
    ],
  };
  const identity = (s: { start: number; end: number }) => s;

  it('keeps the mapped types, their scored roles and the trigger span', () => {
    const golds = we.goldMentions(doc, new Map(), identity);
    expect(golds.map((g: { type: string }) => g.type)).toEqual(['Conflict.Attack', 'Life.Die']);
    expect(text.slice(golds[0].span.start, golds[0].span.end)).toBe('attacked');
    expect(golds[0].args.map((a: { role: string }) => a.role)).toEqual(['Attacker', 'Target', 'Place']);
  });

  it('maps an event with fatalities to an Attack and a Die mention and matches triggers and arguments', () => {
    const event = {
      id: 'e1', event_type: 'Violence against civilians', fatalities: 2, injured: null,
      actor1: { name: 'Unidentified gunmen', source_text: 'Gunmen', span: span(text, 'Gunmen') },
      actor2: { name: 'Civilians', source_text: 'a market' },
      location: { name: 'Lakeside', source_text: 'Lakeside', span: span(text, 'Lakeside') },
      field_spans: { trigger: span(text, 'attacked'), fatalities: span(text, 'killing two traders') },
    };
    const preds = we.predictedMentions([event]);
    expect(preds.map((p: { type: string }) => p.type)).toEqual(['Conflict.Attack', 'Life.Die']);
    const golds = we.goldMentions(doc, new Map(), identity);
    const pairs = we.matchTriggers(preds, golds);
    expect(pairs).toEqual([[0, 0], [1, 1]]);
    expect(we.matchArguments(preds[0], golds[0]).sort()).toEqual(['Attacker', 'Place', 'Target']);
    expect(we.matchArguments(preds[1], golds[1])).toEqual(['Victim']);
  });

  it('does not match across types, without overlap, or twice', () => {
    const golds = we.goldMentions(doc, new Map(), identity);
    const shelled = { id: 'e2', event_type: 'Explosions/Remote violence', fatalities: null, injured: null, field_spans: { trigger: span(text, 'shelled') } };
    const strategic = { id: 'e3', event_type: 'Strategic developments', fatalities: null, injured: null, field_spans: { trigger: span(text, 'attacked') } };
    expect(we.matchTriggers(we.predictedMentions([shelled, strategic]), golds)).toEqual([]);
    const twice = ['e4', 'e5'].map((id) => ({ id, event_type: 'Battles', fatalities: null, injured: null, field_spans: { trigger: span(text, 'attacked') } }));
    expect(we.matchTriggers(we.predictedMentions(twice), golds)).toHaveLength(1);
  });

  it('counts precision, recall and F1', () => {
    const s = we.prf(2, 4, 8);
    expect(s.p).toBe(0.5);
    expect(s.r).toBe(0.25);
    expect(s.f1).toBeCloseTo(1 / 3);
    expect(we.prf(0, 0, 3).f1).toBe(0);
  });
});
