import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { CleanArticle, RawArticle } from '../model/article.js';
import { cleanArticle } from './clean-article.js';

/** The repository root, and the shared folder beside it (seed corpus, eval sets). */
const REPO_ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const SEEDS_DIR = join(REPO_ROOT, '..', 'shared', 'corpus', 'seeds');
const FIXTURES_DIR = join(REPO_ROOT, 'test', 'fixtures', 'inputs');

/** A RawArticle with every field defaulted; tests override what they need. */
function rawArticle(fields: Partial<RawArticle>): RawArticle {
  return {
    id: 'test', source: 'test', format: 'txt', title: null, text: null, html: null, url: null, outlet: null,
    published: null, publishedSource: null, language: null, diagnostics: [], ...fields,
  };
}

/** The seed articles as `.txt` inputs are read: the first line is the title, the rest the text. */
function seedArticles(): RawArticle[] {
  return readdirSync(SEEDS_DIR)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => {
      const content = readFileSync(join(SEEDS_DIR, f), 'utf8');
      const nl = content.indexOf('\n');
      return rawArticle({ id: f.slice(0, -4), source: f, title: content.slice(0, nl).trim(), text: content.slice(nl + 1) });
    });
}

/** The texts of an article's paragraphs, with their kinds. */
function paragraphTexts(article: CleanArticle): { text: string; kind: string }[] {
  return article.paragraphs.map((p) => ({ text: article.text.slice(p.start, p.end), kind: p.kind }));
}

/** Seed lines that are site chrome, not article text. */
const CHROME_LINES = [
  /^Subscribe to Google News$/, /^Read more: /, /^Follow us everywhere/, /^>>Be a reporter/, /^Editorial team$/,
  /^\[ad_\d\]$/, /^Support SouthFront$/, /^Click to see the full-size image$/, /^- Sponsor -spot_img$/,
  /^Unbiased & Unfiltered/, /^view more$/, /^Please enter your (comment!|name here)$/, /^armenian defence newsAsian/,
];
/** Seed lines from which everything to the end is chrome (a donation appeal, a teaser list). */
const CHROME_FROM = [/^Dear reader,/, /^Week's Top Stories$/];
const PHOTO_CREDIT = / Photo: [^.]*$/;

/** The seed's real body lines (spaces and NBSPs collapsed), with the chrome lines above left out. */
function realBodyLines(raw: RawArticle): string[] {
  const out: string[] = [];
  for (const line of (raw.text ?? '').split('\n').map((l) => l.replace(/\s+/g, ' ').trim())) {
    if (CHROME_FROM.some((re) => re.test(line))) break;
    if (line === '' || line === raw.title || CHROME_LINES.some((re) => re.test(line))) continue;
    out.push(line.replace(PHOTO_CREDIT, ''));
  }
  return out;
}

function reclean(clean: CleanArticle): CleanArticle {
  return cleanArticle(rawArticle({ id: clean.id, format: 'json', title: clean.title, text: clean.text }));
}

const goldPath = join(REPO_ROOT, '..', 'shared', 'corpus', 'seeds-gold.json');
const gold = JSON.parse(readFileSync(goldPath, 'utf8')) as { articles: { article: string; must_not_extract: string[] }[] };

describe('cleanArticle on the seed corpus', () => {
  const seeds = seedArticles();

  it.each(seeds.map((s) => [s.id, s] as const))('%s: every real body line survives as a paragraph', (_, raw) => {
    const clean = cleanArticle(raw);
    const paragraphs = paragraphTexts(clean).map((p) => p.text);
    const lines = realBodyLines(raw);
    expect(lines.length).toBeGreaterThan(5);
    for (const line of lines) expect(paragraphs).toContain(line);
    // ...and nothing else is left but the title.
    expect(paragraphs.length).toBe(lines.length + 1);
    expect(clean.text.startsWith(`${raw.title}\n\n`)).toBe(true);
  });

  it.each(seeds.map((s) => [s.id, s] as const))('%s: the chrome is gone', (id, raw) => {
    const clean = cleanArticle(raw);
    for (const line of clean.text.split('\n')) for (const re of CHROME_LINES) expect(line).not.toMatch(re);
    for (const s of ['Dear reader', 'financial contributions', "Week's Top Stories", 'More In This Category', 'Editor-In-Chief', '/ AP / NTB', 'spot_img']) {
      expect(clean.text).not.toContain(s);
    }
    for (const s of gold.articles.find((a) => a.article === id)?.must_not_extract ?? []) expect(clean.text).not.toContain(s);
    expect(clean.removed.every((r) => r.rule.startsWith('boilerplate/'))).toBe(true);
  });

  it('drops the repeated title, marks headings and captions', () => {
    const byId = new Map(seeds.map((s) => [s.id, cleanArticle(s)]));
    const kinds = (id: string, kind: string) =>
      paragraphTexts(byId.get(id) as CleanArticle).filter((p) => p.kind === kind).map((p) => p.text.split(' ').slice(0, 2).join(' '));
    for (const id of ['002_8833171a5437b043', '003_c7f74c004c9612a9']) {
      const clean = byId.get(id) as CleanArticle;
      expect(clean.text.indexOf(clean.title as string, 1)).toBe(-1);
      expect(clean.removed.map((r) => r.rule)).toContain('boilerplate/duplicate-title');
    }
    expect(kinds('004_922ec93c98972236', 'heading')).toEqual(['Dead and', 'Russia calls']);
    expect(kinds('004_922ec93c98972236', 'caption')).toEqual(['HARD BATTLES:', 'MOBILIZATION: Fierce']);
    expect(kinds('000_fa41b20489f7d0e3', 'heading')).toEqual(['Nagorno-Karabakh conflict']);
    expect(kinds('002_8833171a5437b043', 'caption')).toEqual([]); // "UPDATE:" leads are news
    for (const clean of byId.values()) {
      expect(clean.language).toBe('en');
      expect(clean.diagnostics).toEqual([]);
      expect(clean.paragraphs[0]?.kind).toBe('title');
    }
  });

  it.each(seeds.map((s) => [s.id, s] as const))('%s: cleaning the cleaned text changes nothing', (_, raw) => {
    const once = cleanArticle(raw);
    const twice = reclean(once);
    expect(twice.text).toBe(once.text);
    expect(twice.paragraphs).toEqual(once.paragraphs);
    expect(twice.sentences).toEqual(once.sentences);
    expect(twice.removed).toEqual([{ rule: 'boilerplate/duplicate-title', text: once.title }]);
  });
});

describe('labelled captions', () => {
  it('marks a paragraph labelled "[Photo: ...", "Image: ..." as a caption, not body', () => {
    const clean = cleanArticle(rawArticle({ id: 'cap', format: 'txt', text: 'Fighting in the capital\n\nShelling hit two districts of Khartoum on Monday, residents said.\n\n[Photo: Smoke rises over Khartoum North during clashes, May 1, 2023.]\n\nImage: A damaged market in Omdurman.\n\nThe army said it repelled an attack.' }));
    expect(paragraphTexts(clean).map((p) => p.kind).slice(-4)).toEqual(['body', 'caption', 'caption', 'body']);
  });
});

describe('cleanArticle on HTML', () => {
  const html = readFileSync(join(FIXTURES_DIR, 'good', 'd-page.html'), 'utf8');

  it('takes body paragraphs and metadata from the page and leaves its chrome', () => {
    const clean = cleanArticle(rawArticle({ id: 'd-page', format: 'html', html }));
    expect(clean).toMatchObject({
      title: 'Curfew lifted in Sampleville', outlet: 'The Example Herald', url: 'https://herald.example.com/2021/05/curfew-lifted',
      published: '2021-05-02', publishedSource: 'metadata', language: 'en',
    });
    const paragraphs = paragraphTexts(clean);
    expect(paragraphs.map((p) => p.kind)).toEqual(['title', 'body', 'body', 'caption', 'heading', 'body', 'quote', 'body']);
    expect(paragraphs[3]?.text).toBe('Residents gather in the main square on Saturday evening.');
    for (const chrome of ['cookies', 'Accept all', 'Home', 'Related articles', 'Governor imposes', 'Please enter', 'Leave a Reply', 'Save my name', 'Advertisement', 'All rights reserved', 'Facebook', 'Photo:', 'By A. Writer']) {
      expect(clean.text).not.toContain(chrome);
    }
  });

  it('lets page metadata replace a --published flag date, but not a metadata date', () => {
    const flagged = cleanArticle(rawArticle({ format: 'html', html, published: '2021-01-01', publishedSource: 'flag' }));
    expect([flagged.published, flagged.publishedSource]).toEqual(['2021-05-02', 'metadata']);
    const given = cleanArticle(rawArticle({ format: 'json', html, published: '2021-04-30T22:00:00Z', publishedSource: 'metadata', title: 'Own title' }));
    expect([given.published, given.publishedSource, given.title]).toEqual(['2021-04-30', 'metadata', 'Own title']);
  });

  it('cleans malformed HTML and HTML fragments', () => {
    const broken = cleanArticle(rawArticle({ format: 'html', html: readFileSync(join(FIXTURES_DIR, 'bad', 'malformed.html'), 'utf8') }));
    expect(broken.title).toBe('Unclosed page');
    expect(broken.text).toContain('found two survivors');
    expect(broken.text).toContain('Volunteers brought water and blankets to the site before dawn.');
    const fragment = cleanArticle(rawArticle({ format: 'rss', title: 'T', html: '<p>First <b>part</b>.</p><p>Second part.<br>Third line.</p>' }));
    expect(paragraphTexts(fragment).map((p) => p.text)).toEqual(['T', 'First part.', 'Second part.', 'Third line.']);
  });
});

describe('cleanArticle: dates, language and empty bodies', () => {
  it('keeps the date part of the raw published value and its source', () => {
    const clean = cleanArticle(rawArticle({ title: 'T', text: 'The body text is here.', published: '2020-12-12T23:30:00-05:00', publishedSource: 'metadata' }));
    expect([clean.published, clean.publishedSource, clean.publishedEvidence]).toEqual(['2020-12-12', 'metadata', null]);
    const none = cleanArticle(rawArticle({ title: 'T', text: 'The body text is here.' }));
    expect([none.published, none.publishedSource]).toEqual([null, null]);
  });

  it('flags a non-English article and keeps its language', () => {
    const clean = cleanArticle(rawArticle({ title: 'Заголовок', text: 'Армия сообщила в воскресенье, что обстрел деревни продолжался всю ночь. Пострадавших нет.' }));
    expect(clean.language).toBe('ru');
    expect(clean.diagnostics.map((d) => [d.code, d.severity])).toEqual([['clean/not-english', 'warning']]);
  });

  it('respects the metadata language unless the text clearly disagrees', () => {
    const short = cleanArticle(rawArticle({ title: 'T', text: 'Kurz.', language: 'de' }));
    expect(short.language).toBe('de');
    const wrong = cleanArticle(rawArticle({ title: 'T', text: 'The army said on Sunday that the shelling of the village had continued through the night, and that nobody was hurt.', language: 'fr-FR' }));
    expect(wrong.language).toBe('en');
    expect(wrong.diagnostics.map((d) => d.code)).toEqual(['clean/language-mismatch']);
  });

  it('reports an article with nothing left after cleaning', () => {
    const clean = cleanArticle(rawArticle({ id: 'e1', source: 'x.txt', title: 'Only chrome', text: 'Subscribe to Google News\n[ad_1]\nPlease enter your comment!\n' }));
    expect(clean.text).toBe('Only chrome');
    expect(clean.diagnostics).toEqual([expect.objectContaining({ code: 'clean/empty-body', severity: 'error', articleId: 'e1', source: 'x.txt' })]);
  });

  it('passes the raw diagnostics through as the same objects', () => {
    const warning = { code: 'ingest/invalid-utf8', severity: 'warning' as const, message: 'm', source: 's' };
    const clean = cleanArticle(rawArticle({ title: 'T', text: 'The body text is here.', diagnostics: [warning] }));
    expect(clean.diagnostics[0]).toBe(warning);
  });
});
