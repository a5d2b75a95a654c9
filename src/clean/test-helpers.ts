import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CleanArticle, RawArticle } from '../model/article.js';

/** The repository root, and the shared folder beside it (seed corpus, eval sets). */
export const REPO_ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const SEEDS_DIR = join(REPO_ROOT, '..', 'shared', 'corpus', 'seeds');
export const FIXTURES_DIR = join(REPO_ROOT, 'test', 'fixtures', 'inputs');

/** A RawArticle with every field defaulted; tests override what they need. */
export function rawArticle(fields: Partial<RawArticle>): RawArticle {
  return {
    id: 'test', source: 'test', format: 'txt', title: null, text: null, html: null, url: null, outlet: null,
    published: null, publishedSource: null, language: null, diagnostics: [], ...fields,
  };
}

/** The seed articles as `.txt` inputs are read: the first line is the title, the rest the text. */
export function seedArticles(): RawArticle[] {
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
export function paragraphTexts(article: CleanArticle): { text: string; kind: string }[] {
  return article.paragraphs.map((p) => ({ text: article.text.slice(p.start, p.end), kind: p.kind }));
}
