import { describe, expect, it } from 'vitest';
import { analyzeText } from './analyze-text.js';

describe('analyzeText', () => {
  const text = 'Militia fighters were shelling the town of Qarsel, an official said.\n\nA depot  exploded on 4 May.';
  const a = analyzeText(text);

  it('gives every token its offsets into the text as given', () => {
    for (const t of a.tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
    expect(a.tokens.map((t) => t.text)).toContain('Qarsel');
    expect(a.tokens.at(-1)!.text).toBe('.');
  });

  it('tags parts of speech and lemmatises', () => {
    const shelling = a.tokens.find((t) => t.text === 'shelling')!;
    expect(shelling.pos).toBe('VERB');
    expect(shelling.lemma).toBe('shell');
    expect(a.tokens.find((t) => t.text === 'were')!.lemma).toBe('be');
    expect(a.tokens.find((t) => t.text === 'fighters')!.lemma).toBe('fighter');
    expect(a.tokens.find((t) => t.text === 'exploded')!.pos).toBe('VERB');
  });

  it('reads an irregular past form after a subject as a verb ("troops shot directly at", "gunmen shot dead")', () => {
    for (const [text, word] of [['Israeli troops shot directly at civilians.', 'shot'], ['Gunmen shot dead two farmers.', 'shot'], ['A drone struck the car.', 'struck']] as const) {
      const t = analyzeText(text).tokens.find((x) => x.lower === word)!;
      expect(t.pos).toBe('VERB');
    }
    // a noun stays a noun: "a shot rang out", "warning shots"
    expect(analyzeText('A single shot rang out.').tokens.find((x) => x.lower === 'shot')!.pos).not.toBe('VERB');
  });
  it('finds the tokens of a span', () => {
    const start = text.indexOf('A depot');
    expect(a.tokensIn(start, text.length).map((t) => t.text)).toEqual(['A', 'depot', 'exploded', 'on', '4', 'May', '.']);
    expect(a.tokens[a.firstTokenAtOrAfter(start)]!.text).toBe('A');
  });

  it('copes with text that is not prose', () => {
    expect(analyzeText('').tokens).toEqual([]);
    const odd = analyzeText(',,,,;;;; ---- 12 34 ####');
    for (const t of odd.tokens) expect(t.end).toBeGreaterThan(t.start);
  });
});
