import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { KeyEventEntry } from '../packs/types.js';
import { inferPublicationDate, type PublicationDateInput } from './infer-publication-date.js';

/** Raw seed articles, read at test time from `../shared` beside the repository (never copied in). */
const seedsDir = fileURLToPath(new URL('../../../shared/corpus/seeds/', import.meta.url));
const seed = (name: string): string => readFileSync(`${seedsDir}${name}`, 'utf8');

/** A small key-event fixture (the theatre pack's real file is written elsewhere). */
const KEY_EVENTS: readonly KeyEventEntry[] = [
  {
    id: 'ke:2020-09-27-outbreak', date: '2020-09-27', title: 'Outbreak of the 2020 war', aliases: ['44-day war'], kind: 'outbreak',
    keywords: ['Stepanakert', 'helicopters', 'shot down', 'mobilization', 'martial law', 'counter-offensive'],
  },
  {
    id: 'ke:2020-war', date: '2020-09-27', endDate: '2020-11-10', title: 'Second Nagorno-Karabakh war', aliases: ['44-day war'], kind: 'war',
    keywords: ['Stepanakert', 'mobilization'],
  },
  {
    id: 'ke:2022-08-sarybaba', date: '2022-08-03', title: 'Clashes at Sarybaba heights', aliases: [], kind: 'clashes',
    keywords: ['Sarybaba', 'Lachin corridor', 'partial military mobilization', 'Gyrkhgyz'],
  },
];

const infer = (text: string, extra: Partial<PublicationDateInput> = {}) =>
  inferPublicationDate({ text, title: null, published: null, publishedSource: null, keyEvents: KEY_EVENTS, ...extra });

describe('inferPublicationDate: raw seed articles, no metadata', () => {
  it('001: the latest year-less day date in the year of the written full date', () => {
    const r = infer(seed('001_4794ef33a6245403.txt'));
    expect(r).toMatchObject({ published: '2020-12-12', source: 'inferred' });
    expect(r.evidence?.text).toBe('December 12');
  });

  it('002: the original day (12th) under the update stamp "UPDATED 2 (13.12.2020)"', () => {
    expect(infer(seed('002_8833171a5437b043.txt'))).toMatchObject({ published: '2020-12-12', source: 'inferred', confidence: 'high' });
  });

  it('003: only a low-confidence key-event date, never the 2020 agreement nor the 2024 teaser', () => {
    const r = infer(seed('003_c7f74c004c9612a9.txt'));
    expect(r).toMatchObject({ published: '2022-08-03', source: 'inferred', confidence: 'low' });
    const withoutEvents = infer(seed('003_c7f74c004c9612a9.txt'), { keyEvents: [] });
    expect(withoutEvents.published).toBeNull();
  });

  it('004: the outbreak of the 2020 war, on a Sunday, with low confidence', () => {
    expect(infer(seed('004_922ec93c98972236.txt'))).toMatchObject({ published: '2020-09-27', source: 'inferred', confidence: 'low' });
  });

  it('000: no confident wrong date', () => {
    const r = infer(seed('000_fa41b20489f7d0e3.txt'));
    expect([null, '2020-12-12']).toContain(r.published);
  });
});

describe('inferPublicationDate: metadata and flag', () => {
  it('takes metadata or the flag as given (date part only)', () => {
    expect(infer('No dates here.', { published: '2020-12-12T09:30:00+04:00', publishedSource: 'metadata' }))
      .toEqual({ published: '2020-12-12', source: 'metadata', confidence: 'high', evidence: null });
    expect(infer('On December 1, clashes. The war began on September 27, 2020.', { published: '2020-12-05', publishedSource: 'flag' }))
      .toMatchObject({ published: '2020-12-05', source: 'flag' });
  });

  it('takes a date given without a source as metadata', () => {
    expect(infer('No dates here.', { published: '2022-08-03' })).toMatchObject({ published: '2022-08-03', source: 'metadata', confidence: 'high' });
  });

  it('falls back to the text when the given date is not a date', () => {
    expect(infer('Published 12 December 2020\n\nTroops advanced.', { published: 'yesterday', publishedSource: 'metadata' }))
      .toMatchObject({ published: '2020-12-12', source: 'text' });
  });
});

describe('inferPublicationDate: stamps in the text', () => {
  it('reads publication stamps and datelines', () => {
    const published = infer('Title\n\nPublished 12 December 2020\n\nTroops advanced on two villages.');
    expect(published).toMatchObject({ published: '2020-12-12', source: 'text', confidence: 'high' });
    expect(published.evidence?.text).toBe('12 December 2020');
    expect(infer('Title\n\nYEREVAN, Dec. 12 (Reuters) – Troops advanced. The war began on September 27, 2020.'))
      .toMatchObject({ published: '2020-12-12', source: 'text', confidence: 'high' });
    expect(infer('Title\n\nDecember 12, 2020\n\nTroops advanced on two villages.'))
      .toMatchObject({ published: '2020-12-12', source: 'text' });
  });

  it('reads datelines that end their line: capitals with a full stop or brackets, or "Place, date"', () => {
    expect(infer('Title\n\nGORIS. 14.07.2020\n\nTwo soldiers were wounded in the shelling, the ministry said on the 12th.'))
      .toMatchObject({ published: '2020-07-14', source: 'text' });
    expect(infer('Title\n\nKYIV / ODESA (06.03.2023)\n\nDrones hit the port on Sunday.'))
      .toMatchObject({ published: '2023-03-06', source: 'text' });
    // A sentence that merely ends with a date is not a dateline.
    expect(infer('Title\n\nThe talks were postponed. They resume on 14.07.2020\n\nNothing else happened.').source).not.toBe('text');
  });

  it('takes the earliest stamp: the original publication, not the last update', () => {
    const text = 'Title\n\nPublished: 12.12.2020\n\nTroops advanced.\n\nUpdated: 14.12.2020. More fighting.';
    expect(infer(text)).toMatchObject({ published: '2020-12-12', source: 'text' });
  });

  it('an update stamp alone is only an upper bound: low confidence', () => {
    expect(infer('Title\n\nUpdated: Dec 13, 2020\n\nTroops advanced on two villages.'))
      .toMatchObject({ published: '2020-12-13', source: 'text', confidence: 'low' });
  });
});

describe('inferPublicationDate: journalistic convention', () => {
  it('reads "yesterday" about the latest day date as the day after, with high confidence', () => {
    const text = 'Title\n\nTroops advanced yesterday, December 11, the ministry said. The war began on September 27, 2020.';
    expect(infer(text)).toMatchObject({ published: '2020-12-12', source: 'inferred', confidence: 'high' });
  });

  it('agrees with a weekday word', () => {
    const text = 'Title\n\nOn December 12, troops advanced, the ministry said on Saturday. The war began on September 27, 2020.';
    expect(infer(text)).toMatchObject({ published: '2020-12-12', confidence: 'high' });
  });

  it('rolls over into the next year when the months require', () => {
    const text = 'Title\n\nClashes broke out on January 5 near the border. The war had started on September 27, 2020.';
    expect(infer(text)).toMatchObject({ published: '2021-01-05', source: 'inferred', confidence: 'low' });
  });

  it('ignores teaser blocks and far-future years', () => {
    const body = 'Title\n\nOn December 12, troops advanced. The war began on September 27, 2020.\n\nMore text about the offensive and the ceasefire.\n\n';
    const teaser = 'More In This Category\n\nA drone attack\n\nOn May 16th, 2024, a drone struck a depot.\n';
    expect(infer(body + teaser)).toMatchObject({ published: '2020-12-12' });
  });

  it('does not take a future date as the news day', () => {
    const text = 'Title\n\nTalks will resume on December 20. The war began on September 27, 2020. On December 12, troops advanced.';
    expect(infer(text).published).toBe('2020-12-12');
  });
});

describe('inferPublicationDate: key events', () => {
  const fresh = 'Title\n\nFierce fighting has broken out. Stepanakert was shelled and two helicopters were shot down on Sunday.';

  it('needs a fresh-news cue', () => {
    expect(infer('Title\n\nStepanakert was shelled and two helicopters were shot down on Sunday.').published).toBeNull();
    expect(infer(fresh)).toMatchObject({ published: '2020-09-27', confidence: 'low' });
  });

  it('needs the weekday to match', () => {
    expect(infer(fresh.replace('Sunday', 'Tuesday')).published).toBeNull();
  });

  it('rejects a candidate with a later written date in the text', () => {
    expect(infer(`${fresh} A truce was signed on November 10, 2020.`).published).toBeNull();
  });

  it('needs exactly one key event to fit', () => {
    const twin: KeyEventEntry = { ...(KEY_EVENTS[0] as KeyEventEntry), id: 'ke:twin', date: '2020-10-04' };
    expect(infer(fresh, { keyEvents: [...KEY_EVENTS, twin] }).published).toBeNull();
  });

  it('gives null without any evidence', () => {
    expect(infer('Title\n\nNothing dated here at all.')).toEqual({ published: null, source: null, confidence: null, evidence: null });
  });
});
