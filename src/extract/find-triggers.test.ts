import { describe, expect, it } from 'vitest';
import { findTriggers } from './find-triggers.js';
import { loadLexicon } from './lexicon.js';

const lex = loadLexicon();
const found = (text: string) => findTriggers(text, lex).map((t) => [t.def.id, t.text, text.slice(t.start, t.end)]);

describe('findTriggers', () => {
  it('matches whatever the case, with spans and text from the original', () => {
    const text = 'SHELLING resumed. Shelling hit the town; later the shelling stopped.';
    expect(found(text)).toEqual([
      ['remote/shelling', 'SHELLING', 'SHELLING'],
      ['remote/shelling', 'Shelling', 'Shelling'],
      ['remote/shelling', 'shelling', 'shelling'],
    ]);
  });

  it('keeps offsets right when lower-casing would change the length (Turkish İ)', () => {
    const text = 'İİ Troops shelled the village.';
    const hits = findTriggers(text, lex);
    expect(hits.map((t) => text.slice(t.start, t.end))).toEqual(['shelled']);
  });

  it('prefers the longest trigger where two overlap', () => {
    const ids = findTriggers('Drone strikes hit the base.', lex).map((t) => t.def.id);
    expect(ids).toHaveLength(1);
    expect(ids[0]).toMatch(/^remote\//);
  });
});
