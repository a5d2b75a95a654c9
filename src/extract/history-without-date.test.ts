import { describe, expect, it } from 'vitest';
import { createExtractContext } from './create-extract-context.js';
import { processArticle } from '../pipeline/process-article.js';
import type { RawArticle } from '../model/article.js';

const ctx = createExtractContext();
const raw = (text: string, published: string | null): RawArticle => ({
  id: 'h1', source: 'h1', format: 'json', title: null, text, html: null, url: null,
  outlet: 'Test Wire', published, publishedSource: published ? 'metadata' : null, language: null, diagnostics: [],
});

describe('history without a publication date', () => {
  const text = 'Azerbaijani forces shelled Martakert on 3 April 2016, killing two soldiers.\n\n' +
    'On 12 October 2020 Armenian artillery shelled Terter, the Azerbaijani ministry said.';
  it('takes the latest day the text writes as the horizon: the 2016 shelling is background', () => {
    const events = processArticle(raw(text, null), ctx).events;
    const old = events.find((e) => e.date === '2016-04-03');
    const fresh = events.find((e) => e.date === '2020-10-12');
    expect(old?.background).toBe(true);
    expect(old?.rules).toContain('background/old-date');
    expect(fresh?.background).toBe(false);
  });
  it('does not add a toll dated to another year to an event', () => {
    const t = 'Azerbaijani forces shelled Martuni on 12 October 2020, the army said. In 1992 hundreds of people were killed there.';
    const [e] = processArticle(raw(t, '2020-10-13'), ctx).events.filter((x) => !x.background);
    expect(e?.fatalities ?? null).toBeNull();
  });
});
