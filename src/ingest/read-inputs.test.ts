import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { RawArticle } from '../model/article.js';
import type { IngestItem } from '../model/ingest-item.js';
import { readInputs, type ReadInputsOptions } from './read-inputs.js';

const repo = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const fixtures = join(repo, 'test', 'fixtures', 'inputs');
const good = join(fixtures, 'good');
const bad = join(fixtures, 'bad');
const tmp = mkdtempSync(join(tmpdir(), 'sitrep-ingest-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function collect(inputs: string[], opts: ReadInputsOptions = {}): Promise<IngestItem[]> {
  const items: IngestItem[] = [];
  for await (const item of readInputs(inputs, opts)) items.push(item);
  return items;
}

function articles(items: IngestItem[]): RawArticle[] {
  return items.flatMap((i) => (i.kind === 'article' ? [i.article] : []));
}

function only(items: IngestItem[]): RawArticle {
  expect(items).toHaveLength(1);
  const [item] = items;
  if (item?.kind !== 'article') throw new Error(`expected an article, got ${JSON.stringify(item)}`);
  return item.article;
}

function codes(item: IngestItem | undefined): string[] {
  if (item === undefined) return [];
  return (item.kind === 'article' ? item.article.diagnostics : item.diagnostics).map((d) => d.code);
}

function stdin(content: string | Buffer): NodeJS.ReadableStream {
  return Readable.from([typeof content === 'string' ? Buffer.from(content) : content]);
}

describe('readInputs: a directory', () => {
  it('walks recursively in sorted order, skipping hidden files, sidecars and other extensions', async () => {
    const items = await collect([good]);
    const sources = items.map((i) => (i.kind === 'article' ? i.article.source : i.source).slice(good.length + 1));
    expect(sources).toEqual([
      'a-report.txt',
      'b-batch.jsonl#1', 'b-batch.jsonl#2', 'b-batch.jsonl#3', 'b-batch.jsonl#5',
      'c-array.json#1', 'c-array.json#2',
      'd-page.html',
      'e-feed.rss#1', 'e-feed.rss#2', 'e-feed.rss#3',
      'f-feed.atom#1', 'f-feed.atom#2',
      'sub/g-nested.txt',
    ]);
  });

  it('keeps input order across several inputs', async () => {
    const items = await collect([join(good, 'sub'), join(good, 'a-report.txt')]);
    expect(articles(items).map((a) => a.id)).toEqual(['g-nested', 'report-001']);
  });
});

describe('readInputs: .txt', () => {
  it('takes the first non-empty line as title, the file name as id, and the rest as text', async () => {
    const a = only(await collect([join(good, 'sub', 'g-nested.txt')]));
    expect(a).toMatchObject({ id: 'g-nested', format: 'txt', title: 'Nested folder article', html: null, published: null, publishedSource: null });
    expect(a.text?.trim()).toMatch(/^A patrol found an unexploded shell/);
    expect(a.text).not.toContain('Nested folder article');
  });

  it('reads the NAME.meta.json sidecar', async () => {
    const a = only(await collect([join(good, 'a-report.txt')]));
    expect(a).toMatchObject({
      id: 'report-001', title: 'Shelling reported near a border village', url: 'https://example.org/news/shelling',
      outlet: 'Example Daily', published: '2021-03-09', publishedSource: 'metadata', language: 'en',
    });
  });

  it('warns about a broken sidecar and still reads the article', async () => {
    writeFileSync(join(tmp, 'sc.txt'), 'Title\n\nBody line.\n');
    writeFileSync(join(tmp, 'sc.meta.json'), '{ not json');
    const items = await collect([join(tmp, 'sc.txt')]);
    expect(only(items).id).toBe('sc');
    expect(codes(items[0])).toEqual(['ingest/invalid-sidecar']);
  });
});

describe('readInputs: .json and .jsonl', () => {
  it('reads a JSONL file line by line; a bad line fails alone', async () => {
    const items = await collect([join(good, 'b-batch.jsonl')]);
    expect(items.map((i) => i.kind)).toEqual(['article', 'failure', 'failure', 'article']);
    expect(codes(items[1])).toEqual(['ingest/invalid-json']);
    const missing = items[2];
    expect(missing?.kind === 'failure' && missing.id).toBe('j3');
    expect(codes(missing)).toEqual(['ingest/missing-body']);
    const message = missing?.kind === 'failure' ? missing.diagnostics[0]?.message : '';
    expect(message).toContain('b-batch.jsonl line 3');
    const [first, last] = articles(items);
    expect(first).toMatchObject({ id: 'j1', format: 'jsonl', published: '2021-04-05T10:30:00+04:00', publishedSource: 'metadata', outlet: 'Wire One' });
    expect(last?.id).toMatch(/^h[0-9a-f]{16}$/);
  });

  it('gives an id-less article a stable content hash', async () => {
    const [a] = articles(await collect([join(good, 'b-batch.jsonl')])).slice(-1);
    const [b] = articles(await collect([join(good, 'b-batch.jsonl')])).slice(-1);
    expect(a?.id).toBe(b?.id);
  });

  it('reads a JSON array with 1-based item sources, numeric ids and bad dates', async () => {
    const items = await collect([join(good, 'c-array.json')]);
    const [drone, convoy] = articles(items);
    expect(drone).toMatchObject({ id: '17', source: `${good}/c-array.json#1`, text: null, format: 'json' });
    expect(drone?.html).toContain('<p>Air defence units');
    expect(convoy?.published).toBeNull();
    expect(codes(items[1])).toEqual(['ingest/invalid-date']);
  });

  it('reports invalid JSON, non-objects and empty arrays', async () => {
    expect(codes((await collect([join(bad, 'broken.json')]))[0])).toEqual(['ingest/invalid-json']);
    writeFileSync(join(tmp, 'values.json'), '[1, null, {"text": "Fine body."}]');
    const items = await collect([join(tmp, 'values.json')]);
    expect(items.map(codes)).toEqual([['ingest/invalid-article'], ['ingest/invalid-article'], []]);
    writeFileSync(join(tmp, 'none.json'), '[]');
    expect(codes((await collect([join(tmp, 'none.json')]))[0])).toEqual(['ingest/no-articles']);
  });

  it('ignores a field of the wrong type with a warning', async () => {
    writeFileSync(join(tmp, 'typed.json'), '{"id": "t1", "title": ["not", "a", "string"], "text": "Body text."}');
    const items = await collect([join(tmp, 'typed.json')]);
    expect(only(items)).toMatchObject({ id: 't1', title: null, source: join(tmp, 'typed.json') });
    expect(codes(items[0])).toEqual(['ingest/invalid-field']);
  });
});

describe('readInputs: .html', () => {
  it('keeps the raw page; id from the file name; metadata is left to the clean stage', async () => {
    const a = only(await collect([join(good, 'd-page.html')]));
    expect(a).toMatchObject({ id: 'd-page', format: 'html', text: null, title: null });
    expect(a.html).toContain('og:site_name');
  });

  it('still reads malformed HTML', async () => {
    expect(only(await collect([join(bad, 'malformed.html')])).html).toContain('Rescue teams');
  });
});

describe('readInputs: feeds', () => {
  it('reads RSS items: title, link, guid-based id, pubDate kept on its local day, channel as outlet', async () => {
    const items = await collect([join(good, 'e-feed.rss')]);
    const [rich, plain] = articles(items);
    expect(rich).toMatchObject({
      format: 'rss', title: 'Border crossing reopens', url: 'https://wire.example.net/border-crossing-reopens',
      outlet: 'Example Wire & Co', published: '2021-06-12T23:30:00-05:00', publishedSource: 'metadata', language: 'en-us', text: null,
    });
    expect(rich?.html).toContain('The main border crossing reopened'); // content:encoded wins over description
    expect(plain).toMatchObject({ text: 'Engineers repaired the damaged bridge on Sunday. Traffic resumed in the afternoon.', html: null, published: '2021-06-13' });
    expect(items[2]?.kind).toBe('failure');
    expect(codes(items[2])).toEqual(['ingest/missing-body']);
  });

  it('reads Atom entries: alternate link, published over updated, xhtml content, html title', async () => {
    const [first, second] = articles(await collect([join(good, 'f-feed.atom')]));
    expect(first).toMatchObject({
      format: 'atom', title: 'Observers record new violations', url: 'https://monitor.example.org/reports/41',
      published: '2021-07-01T18:00:00+03:00', outlet: 'Example Monitor', language: 'en',
    });
    expect(first?.html).toContain('<p>Monitors recorded four violations');
    expect(second).toMatchObject({ url: 'https://monitor.example.org/reports/42', published: '2021-07-02T10:00:00Z', text: 'The mission will publish its weekly report on Friday.' });
  });

  it('reports XML that is not a feed', async () => {
    expect(codes((await collect([join(bad, 'not-a-feed.xml')]))[0])).toEqual(['ingest/invalid-feed']);
  });
});

describe('readInputs: --published', () => {
  it('fills only inputs without a date, as a flag', async () => {
    const items = await collect([join(good, 'b-batch.jsonl'), join(good, 'sub')], { published: '2021-01-31' });
    const [dated, undated, nested] = articles(items);
    expect(dated).toMatchObject({ published: '2021-04-05T10:30:00+04:00', publishedSource: 'metadata' });
    expect(undated).toMatchObject({ published: '2021-01-31', publishedSource: 'flag' });
    expect(nested).toMatchObject({ published: '2021-01-31', publishedSource: 'flag' });
  });

  it('rejects a flag that is not a date', async () => {
    await expect(collect([good], { published: '31/01/2021' })).rejects.toThrow(RangeError);
  });
});

describe('readInputs: stdin (-)', () => {
  it('sniffs plain text', async () => {
    const a = only(await collect(['-'], { stdin: stdin('Title from stdin\n\nThe body arrives on standard input.\n') }));
    expect(a).toMatchObject({ source: '-', format: 'txt', title: 'Title from stdin' });
    expect(a.id).toMatch(/^h[0-9a-f]{16}$/);
  });

  it('sniffs a JSON object, a JSON array and JSONL', async () => {
    expect(only(await collect(['-'], { stdin: stdin('{\n "id": "s1",\n "text": "Body."\n}') }))).toMatchObject({ id: 's1', source: '-', format: 'json' });
    const array = await collect(['-'], { stdin: stdin('[{"id": "a"}, {"id": "b", "text": "Body."}]') });
    expect(array.map((i) => i.kind)).toEqual(['failure', 'article']);
    const lines = await collect(['-'], { stdin: stdin('{"id": "l1", "text": "One."}\n{"id": "l2", "text": "Two."}\n') });
    expect(articles(lines).map((a) => [a.id, a.source, a.format])).toEqual([['l1', '-#1', 'jsonl'], ['l2', '-#2', 'jsonl']]);
  });

  it('reads JSONL whose first line is longer than the sniffed head (a whole article per line)', async () => {
    const long = 'Shelling was reported near the village overnight. '.repeat(200);
    const lines = await collect(['-'], { stdin: stdin(`${JSON.stringify({ id: 'long1', text: long })}\n${JSON.stringify({ id: 'long2', text: long })}\n`) });
    expect(articles(lines).map((a) => [a.id, a.format])).toEqual([['long1', 'jsonl'], ['long2', 'jsonl']]);
  });

  it('tells JSONL from JSON whatever the chunks standard input arrives in', async () => {
    const chunked = (...parts: string[]): NodeJS.ReadableStream => Readable.from(parts.map((p) => Buffer.from(p)));
    const lines = await collect(['-'], { stdin: chunked('  {"id": "c1", "te', 'xt": "One."} \r\n  ', '\n', '{"id": "c2", "text": "Two."}') });
    expect(articles(lines).map((a) => [a.id, a.format])).toEqual([['c1', 'jsonl'], ['c2', 'jsonl']]);
    const pretty = await collect(['-'], { stdin: chunked('{', '\n "id": "p1",\n', ' "text": "Body."\n}\n') });
    expect(articles(pretty).map((a) => [a.id, a.format])).toEqual([['p1', 'json']]);
    const single = await collect(['-'], { stdin: chunked('{"id": "s1", "text": "Body."}', '\n  \n') });
    expect(articles(single).map((a) => [a.id, a.format])).toEqual([['s1', 'json']]);
  });

  it('yields each JSONL line as it arrives, before standard input ends, with no limit on the whole stream', async () => {
    const feed = new PassThrough();
    const items = readInputs(['-'], { stdin: feed, maxBytes: 200 });
    feed.write('{"id": "f1", "text": "First report."}\n{"id": "f2", ');
    const first = await items.next();
    expect(first.done === false && first.value.kind === 'article' && first.value.article.id).toBe('f1');
    feed.write('"text": "Second report."}\n');
    for (let i = 3; i < 12; i++) feed.write(`${JSON.stringify({ id: `f${i}`, text: 'Another report of the same shelling.' })}\n`);
    feed.end();
    const rest: string[] = [];
    for await (const item of items) if (item.kind === 'article') rest.push(item.article.id);
    expect(rest).toEqual(['f2', 'f3', 'f4', 'f5', 'f6', 'f7', 'f8', 'f9', 'f10', 'f11']);
  });

  it('sniffs HTML and feeds', async () => {
    const page = only(await collect(['-'], { stdin: stdin('<!doctype html><html><body><p>Hello.</p></body></html>') }));
    expect(page.format).toBe('html');
    const feed = await collect(['-'], { stdin: stdin('<rss><channel><item><title>T</title><description>Body text.</description></item></channel></rss>') });
    expect(only(feed).format).toBe('rss');
  });

  it('reports empty and oversized standard input', async () => {
    expect(codes((await collect(['-'], { stdin: stdin('') }))[0])).toEqual(['ingest/empty-file']);
    const big = await collect(['-'], { stdin: stdin('x'.repeat(5000)), maxBytes: 1000 });
    expect(codes(big[0])).toEqual(['ingest/too-large']);
  });
});

describe('readInputs: bad inputs', () => {
  it('reports a missing path and goes on with the next input', async () => {
    const items = await collect([join(tmp, 'missing.txt'), join(good, 'sub')]);
    expect(codes(items[0])).toEqual(['ingest/not-found']);
    expect(items[0]?.kind === 'failure' && items[0].diagnostics[0]?.source).toBe(join(tmp, 'missing.txt'));
    expect(items[1]?.kind).toBe('article');
  });

  it('reports empty, whitespace-only and title-only files', async () => {
    const items = await collect([join(bad, 'empty.txt'), join(bad, 'whitespace.txt'), join(bad, 'title-only.txt')]);
    expect(items.map(codes)).toEqual([['ingest/empty-file'], ['ingest/empty-file'], ['ingest/missing-body']]);
  });

  it('reports binary files', async () => {
    const path = join(tmp, 'image.txt');
    writeFileSync(path, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]));
    expect(codes((await collect([path]))[0])).toEqual(['ingest/binary-file']);
    const jsonl = join(tmp, 'image.jsonl');
    writeFileSync(jsonl, Buffer.concat([Buffer.from([0, 1, 2, 3, 0x0a]), Buffer.from([0, 1, 2, 0x0a])]));
    expect((await collect([jsonl])).map(codes)).toEqual([['ingest/binary-file']]);
    const mixed = join(tmp, 'mixed.jsonl');
    writeFileSync(mixed, Buffer.concat([Buffer.from('{"id": "ok", "text": "Fine."}\n'), Buffer.from([0, 1, 2, 0x0a]), Buffer.from('{"id": "ok2", "text": "Fine."}\n')]));
    const items = await collect([mixed]);
    expect(items.map(codes)).toEqual([[], ['ingest/binary-file'], []]);
    expect(items[1]?.kind === 'failure' && items[1].source).toBe(`${mixed}#2`);
  });

  it('decodes invalid UTF-8 with replacement characters and a warning', async () => {
    const path = join(tmp, 'latin1.txt');
    writeFileSync(path, Buffer.concat([Buffer.from('Caf'), Buffer.from([0xe9]), Buffer.from(' title\n\nThe caf'), Buffer.from([0xe9]), Buffer.from(' was closed.\n')]));
    const items = await collect([path]);
    expect(only(items).title).toBe('Caf\uFFFD title');
    expect(codes(items[0])).toEqual(['ingest/invalid-utf8']);
  });

  it('decodes a declared legacy charset and UTF-16 with a byte-order mark', async () => {
    const cp1251 = join(tmp, 'ru.html');
    // "Привет" in windows-1251
    writeFileSync(cp1251, Buffer.concat([Buffer.from('<html><head><meta charset="windows-1251"></head><body><p>'), Buffer.from([0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2]), Buffer.from('</p></body></html>')]));
    const ru = await collect([cp1251]);
    expect(only(ru).html).toContain('Привет');
    expect(codes(ru[0])).toEqual(['ingest/charset']);
    const utf16 = join(tmp, 'wide.txt');
    writeFileSync(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Wide title\n\nWide body.\n', 'utf16le')]));
    expect(only(await collect([utf16])).title).toBe('Wide title');
  });

  it('refuses a 50 MB file from its size alone, without reading it', async () => {
    const path = join(tmp, 'huge.txt');
    writeFileSync(path, '');
    truncateSync(path, 50 * 1024 * 1024); // sparse: no disk used, but stat says 50 MB
    const before = process.memoryUsage().rss;
    const items = await collect([path, join(good, 'sub')]);
    const grown = process.memoryUsage().rss - before;
    expect(codes(items[0])).toEqual(['ingest/too-large']);
    expect(items[0]?.kind === 'failure' && items[0].diagnostics[0]?.message).toMatch(/50\.0 MB is over the 10\.0 MB limit/);
    expect(items[1]?.kind).toBe('article');
    expect(grown).toBeLessThan(25 * 1024 * 1024);
  });

  it('applies the limit to each JSONL line, so a big batch streams and a huge line fails alone', async () => {
    const path = join(tmp, 'lines.jsonl');
    writeFileSync(path, `{"id": "small", "text": "Short."}\n{"id": "big", "text": "${'y'.repeat(3000)}"}\n{"id": "after", "text": "Also short."}\n`);
    const items = await collect([path], { maxBytes: 1000 });
    expect(items.map((i) => (i.kind === 'article' ? i.article.id : i.source.slice(tmp.length + 1)))).toEqual(['small', 'lines.jsonl#2', 'after']);
    expect(codes(items[1])).toEqual(['ingest/too-large']);
  });

  it('reports something that is not a regular file', async () => {
    expect(codes((await collect(['/dev/null']))[0])).toEqual(['ingest/unreadable']);
  });
});

describe('readInputs onBytesRead (#17 item 9: progress over the inputs\' size)', () => {
  it('counts every byte of every file once, a file when its articles have been taken', async () => {
    const { mkdtempSync, writeFileSync, statSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = mkdtempSync(join(tmpdir(), 'sitrep-bytes-'));
    writeFileSync(join(dir, 'a.txt'), 'Title\n\nBody of a.\n');
    writeFileSync(join(dir, 'b.json'), JSON.stringify([{ id: 'b1', text: 'one' }, { id: 'b2', text: 'two' }]));
    writeFileSync(join(dir, 'c.jsonl'), `${JSON.stringify({ id: 'c1', text: 'x' })}\n${JSON.stringify({ id: 'c2', text: 'y' })}\n`);
    const total = ['a.txt', 'b.json', 'c.jsonl'].reduce((n, f) => n + statSync(join(dir, f)).size, 0);
    let counted = 0;
    const seen: [string, number][] = [];
    for await (const item of readInputs([dir], { onBytesRead: (n) => (counted += n) })) seen.push([item.kind === 'article' ? item.article.id : item.source, counted]);
    expect(counted).toBe(total);
    // The JSON array is not counted done while its first article is being taken.
    const b1 = seen.find(([id]) => id === 'b1')![1];
    const b2 = seen.find(([id]) => id === 'b2')![1];
    expect(b1).toBe(b2);
    expect(b1).toBeLessThan(total - statSync(join(dir, 'c.jsonl')).size);
  });
});
