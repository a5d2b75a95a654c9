/**
 * Leading stems (the trigger prefilter): read right where they can be read, null where not, and
 * for every trigger of the lexicon, every match on real text starts with one of its stems, so
 * skipping a trigger whose stems are absent never loses a match.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { leadingStems } from './leading-stems.js';
import { loadLexicon } from './lexicon.js';
import { findTriggers } from './find-triggers.js';

const lex = loadLexicon();

/** Texts to check on: the seed corpus and the sentence cases. */
const texts: string[] = [
  ...readFileSync(new URL('../../../shared/corpus/seeds.jsonl', import.meta.url), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => (JSON.parse(l) as { text: string }).text),
  ...(JSON.parse(readFileSync(new URL('../../test/eval/sentences.json', import.meta.url), 'utf8')) as { cases: { text: string }[] }).cases.map((c) => c.text),
];

describe('leadingStems', () => {
  it('reads literal prefixes, alternatives and optional parts', () => {
    expect(leadingStems('shell(?:ed|ing|s)')).toEqual(['shell']);
    expect(leadingStems('(?:artillery|mortar)\\s(?:fire|strikes?)')).toEqual(['artillery', 'mortar']);
    expect(leadingStems('(?:armed )?incursions?')).toEqual(['armed ', 'incursion']);
    expect(leadingStems('airstrikes?')).toEqual(['airstrike']);
    expect(leadingStems('riot(?:s|ed)?|downed')).toEqual(['downed', 'riot']);
    expect(leadingStems('(?:clash(?:es)?|skirmish)\\s')).toEqual(['clash', 'skirmish']);
    expect(leadingStems('(?:heavy ){0,2}shelling')).toEqual(['heavy ', 'shelling']);
    expect(leadingStems('(?:very )*?shelling')).toEqual(['shelling', 'very ']);
  });

  it('gives null where a match could start otherwise', () => {
    expect(leadingStems('(?=x)abc')).toBeNull();
    expect(leadingStems('[a-z]+ed')).toBeNull();
    expect(leadingStems('\\w+ fire')).toBeNull();
    expect(leadingStems('(?:the|an)\\s')).toBeNull(); // "an" is too short to filter on
    expect(leadingStems('(captured|seized)')).toBeNull();
    expect(leadingStems('ab*c')).toBeNull();
  });

  it('every trigger match in the corpus starts with one of its stems', () => {
    let checked = 0;
    for (const text of texts) {
      const lower = text.toLowerCase();
      for (const def of lex.triggers) {
        if (def.stems === null) continue;
        def.lowerRegex.lastIndex = 0;
        for (let m = def.lowerRegex.exec(lower); m; m = def.lowerRegex.exec(lower)) {
          expect(def.stems.some((s) => lower.startsWith(s, m!.index)), `${def.id} at "${lower.slice(m.index, m.index + 30)}"`).toBe(true);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(50);
  });

  it('findTriggers finds the same with the prefilter as every trigger run over the text', () => {
    const noFilter = { ...lex, triggers: lex.triggers.map((d) => ({ ...d, stems: null })) };
    const hits = (text: string, l: typeof lex) => findTriggers(text, l).map((t) => [t.def.id, t.start, t.end, t.text]);
    for (const text of texts) expect(hits(text, lex)).toEqual(hits(text, noFilter));
  });
});
