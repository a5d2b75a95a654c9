import { describe, expect, it } from 'vitest';
import { createExtractContext } from './create-extract-context.js';
import { processArticle } from '../pipeline/process-article.js';
import type { RawArticle } from '../model/article.js';

const ctx = createExtractContext();
const events = (text: string, published: string) => {
  const raw: RawArticle = {
    id: 'd', source: 'd', format: 'json', title: null, text, html: null, url: null,
    outlet: 'Test Wire', published, publishedSource: 'metadata', language: null, diagnostics: [],
  };
  return processArticle(raw, ctx).events.filter((e) => !e.background);
};

describe('dates by what they govern', () => {
  it('keeps news dated by the day its source spoke as news beside a recalled year in its paragraph', () => {
    const es = events('M23 rebels seized the border town of Bunagana in eastern Congo, local officials said on Monday. The rebels briefly held the town in 2012 during an earlier insurrection.', '2022-06-14');
    expect(es.some((e) => e.sub_event_type === 'Non-state actor overtakes territory')).toBe(true);
  });
  it('keeps the calendar day a clock-time span stands in ("On May 30, from 11:55 to 16:25")', () => {
    const es = events('On May 30, starting from 11:55 to 16:25, Armenian armed detachments fired at the positions of the Azerbaijani army in the Aghdam direction, the Defence Ministry said.\n\nAt 17:10 they fired again at the same positions.', '2023-06-01');
    expect(es.length).toBeGreaterThan(0);
    for (const e of es) expect(e.date).toBe('2023-05-30');
  });
  it('does not date an event by the day its source spoke when the text names the day it happened', () => {
    // published Sunday 3 Aug 2025: "officials said on Sunday", the attack was "late Saturday night"
    const es = events('Militants attacked a police checkpoint in Bannu district, killing four policemen, officials said on Sunday.\n\nThe attack began late Saturday night and lasted two hours, police said.', '2025-08-03');
    expect(es).toHaveLength(1);
    expect(es[0]!.date).toBe('2025-08-02');
  });
  it('dates by the day the source spoke when nothing else is said', () => {
    const es = events('Militants attacked a police checkpoint in Bannu district, killing four policemen, officials said on Saturday.', '2025-08-03');
    expect(es[0]!.date).toBe('2025-08-02');
  });
  it('reads a dateline date as the day the report was filed, not the day of the event', () => {
    const es = events('UNITED NATIONS, May 10 (Wire) – Four peacekeepers were killed when militiamen attacked a UN convoy near Bangassou in the Central African Republic on Monday night, the United Nations said on Tuesday.', '2017-05-10');
    expect(es.length).toBeGreaterThan(0);
    expect(es[0]!.date).toBe('2017-05-08');
  });
  it('keeps "last week" and "In July" (in an August report) out of the news', () => {
    const es = events('Militants attacked a police checkpoint in Bannu district late on Saturday, killing four policemen, officials said.\n\n' +
      'Last week, a quadcopter attack on a police station in Bannu wounded six officers.\n\n' +
      'In July, three militants were killed in a clash with police in Lakki Marwat.', '2025-08-03');
    expect(es).toHaveLength(1);
    expect(es[0]!.date).toBe('2025-08-02');
  });
  it('reads a state that has lasted since then as background ("has been gripped by fighting since the army overthrew ...")', () => {
    const es = events('Myanmar has been gripped by fighting since the army overthrew an elected government, and the junta has lost ground.\n\nA military jet bombed the village of Pa Zi Gyi in Sagaing Region on Tuesday, killing 40 people, residents said.', '2023-04-13');
    expect(es).toHaveLength(1);
    expect(es[0]!.sub_event_type).toBe('Air/drone strike');
  });
});
