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
