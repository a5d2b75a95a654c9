import { describe, expect, it } from 'vitest';
import { splitSentences } from './split-sentences.js';

const split = (text: string): string[] => splitSentences(text).map((s) => text.slice(s.start, s.end));

describe('splitSentences', () => {
  it.each([
    ['The U.S. State Department said so. He left.', ['The U.S. State Department said so.', 'He left.']],
    ['Talks ended in the U.S. He flew home.', ['Talks ended in the U.S.', 'He flew home.']],
    ['It began at 3 p.m. Both sides fired.', ['It began at 3 p.m.', 'Both sides fired.']],
    ['It began at 3 p.m. Moscow time.', ['It began at 3 p.m. Moscow time.']],
    ['On Dec. 12 the army moved. It stopped on Jan. 3.', ['On Dec. 12 the army moved.', 'It stopped on Jan. 3.']],
    ['Gen. Smith met Lt. Col. Jones. They talked.', ['Gen. Smith met Lt. Col. Jones.', 'They talked.']],
    ['Resolution No. 5 passed. The vote was close.', ['Resolution No. 5 passed.', 'The vote was close.']],
    ['President George W. Bush spoke. It was brief.', ['President George W. Bush spoke.', 'It was brief.']],
    ['Weapons, e.g. Tanks and guns, were moved.', ['Weapons, e.g. Tanks and guns, were moved.']],
    ['“We will win,” he said. “Stop!” she shouted.', ['“We will win,” he said.', '“Stop!” she shouted.']],
    ['He said: “It is over.” Then he left.', ['He said: “It is over.”', 'Then he left.']],
    ['Is it over? Nobody knows! We wait...', ['Is it over?', 'Nobody knows!', 'We wait...']],
    ['The toll rose to 2,783. 100 are missing.', ['The toll rose to 2,783.', '100 are missing.']],
    ['It cost 2.5 million dollars. Nobody paid.', ['It cost 2.5 million dollars.', 'Nobody paid.']],
    ['lower case after a period. stays together', ['lower case after a period. stays together']],
    ['Armenia (as mediator.) Russia signed.', ['Armenia (as mediator.)', 'Russia signed.']],
    ['  padded sentence.   ', ['padded sentence.']],
    ['', []],
  ])('%j', (text, expected) => {
    expect(split(text)).toEqual(expected);
  });

  it('splits only inside the given range and returns offsets into the whole text', () => {
    const text = 'Title\n\nOne. Two.\n\nThree.';
    const ranges = splitSentences(text, 7, 16);
    expect(ranges).toEqual([{ start: 7, end: 11 }, { start: 12, end: 16 }]);
  });
});

describe('sentences of many paragraphs without punctuation', () => {
  it('searches each paragraph only to its end (3 MB in 3,000 paragraphs: seconds before, milliseconds now)', async () => {
    const { segment } = await import('./segment.js');
    const words = 'forces shelled the town and the villages around it '.repeat(20).trim();
    const blocks = Array.from({ length: 3000 }, () => ({ text: words, hint: null }));
    const t = performance.now();
    const { sentences, paragraphs } = segment('Title', blocks);
    const ms = performance.now() - t;
    expect(sentences).toHaveLength(paragraphs.length);
    expect(ms).toBeLessThan(1000);
  });
});
