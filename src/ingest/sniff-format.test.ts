import { describe, expect, it } from 'vitest';
import { sniffFormat } from './sniff-format.js';

describe('sniffFormat', () => {
  it.each([
    ['[{"text": "a"}]', 'json'],
    ['{\n  "text": "a"\n}', 'json'],
    ['{"text": "a"}', 'json'],
    ['{"text": "a"}\n{"text": "b"}', 'jsonl'],
    [`{"text": "${'a'.repeat(5000)}"}\n{"text": "b"}`, 'jsonl'],
    [`{"text": "${'a'.repeat(5000)}"}\n  \n`, 'json'],
    ['  \n<!DOCTYPE html><html><body></body></html>', 'html'],
    ['<p>fragment</p>', 'html'],
    ['<?xml version="1.0"?><rss><channel></channel></rss>', 'feed'],
    ['<feed xmlns="http://www.w3.org/2005/Atom"></feed>', 'feed'],
    ['<?xml version="1.0"?><urlset></urlset>', 'feed'],
    ['A headline\n\nA body.', 'txt'],
    ['{not json at all', 'json'],
  ])('%j → %s', (text, expected) => {
    expect(sniffFormat(text)).toBe(expected);
  });
});

describe('isJsonlText', () => {
  it('decides as the chunked sniffer does, on any mix of braces, spaces and lines (property)', async () => {
    const fc = (await import('fast-check')).default;
    const { isJsonlText, jsonlSniffer } = await import('./sniff-format.js');
    fc.assert(
      fc.property(fc.array(fc.constantFrom('{', '}', ' ', '\t', '\r', '\n', 'a', '"', '\u00a0'), { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        expect(isJsonlText(text)).toBe(jsonlSniffer()(text) === true);
      }),
      { numRuns: 2000 },
    );
  });

  it('reads a one-line article of 1 MB as one JSON object and two such lines as JSONL', async () => {
    const { isJsonlText } = await import('./sniff-format.js');
    const line = JSON.stringify({ id: 'a', text: 'word '.repeat(200_000) });
    expect(isJsonlText(line)).toBe(false);
    expect(isJsonlText(`${line}\n${line}\n`)).toBe(true);
    expect(isJsonlText(`${line}\n  \n`)).toBe(false);
  });
});
