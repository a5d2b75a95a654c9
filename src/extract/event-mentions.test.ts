import { describe, expect, it } from 'vitest';
import { createExtractContext } from './create-extract-context.js';
import { processArticle } from '../pipeline/process-article.js';
import type { RawArticle } from '../model/article.js';

const ctx = createExtractContext();
const raw = (text: string): RawArticle => ({
  id: 'm1', source: 'm1', format: 'json', title: null, text, html: null, url: null,
  outlet: 'Test Wire', published: '2020-10-05', publishedSource: 'metadata', language: null, diagnostics: [],
});

describe('event.mentions', () => {
  it('counts words that refer back to the event ("the explosion", "the attack") as its mentions', () => {
    const text = 'A bomb exploded outside a bakery in Lyon on Friday, injuring 13 people, police said. ' +
      'The explosion shattered the windows of nearby shops. France is on alert after the attack.';
    const result = processArticle(raw(text), ctx);
    const news = result.events.filter((e) => !e.background);
    expect(news).toHaveLength(1);
    const words = news[0]!.mentions!.map((m) => m.trigger.text.toLowerCase());
    expect(words.some((w) => w.includes('explosion'))).toBe(true);
    for (const m of news[0]!.mentions!) expect(result.article.text.slice(m.trigger.start, m.trigger.end)).toBe(m.trigger.text);
  });
  it('keeps every telling of one event, in text order, with spans that point into the text', () => {
    const text = 'Azerbaijani forces shelled Martuni on Sunday, the ministry said. ' +
      'Local officials said Azerbaijani artillery shelled Martuni again late on Sunday.';
    const result = processArticle(raw(text), ctx);
    const shelling = result.events.find((e) => (e.mentions?.length ?? 0) >= 2);
    expect(shelling).toBeDefined();
    const mentions = shelling!.mentions!;
    expect(mentions.map((m) => m.trigger.start)).toEqual([...mentions.map((m) => m.trigger.start)].sort((a, b) => a - b));
    for (const m of mentions) {
      for (const span of [m.trigger, m.sentence, ...Object.values(m.field_spans)]) {
        expect(result.article.text.slice(span.start, span.end)).toBe(span.text);
      }
      expect(m.sentence.start).toBeLessThanOrEqual(m.trigger.start);
      expect(m.sentence.end).toBeGreaterThanOrEqual(m.trigger.end);
    }
    expect(mentions[0]!.trigger.text.toLowerCase()).toContain('shell');
    expect(mentions).toHaveLength(2);
    expect(mentions.map((m) => m.field_spans.location?.text)).toEqual(['Martuni', 'Martuni']);
    expect(mentions[1]!.field_spans.actor1?.text).toMatch(/^Azerbaijani/);
  });
});
