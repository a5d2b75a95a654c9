/** #17 item 3: a contradiction never names an article id as who says so. */
import { describe, expect, it } from 'vitest';
import { makeEvent } from '../store/testing/extraction-fixtures.js';
import { findContradictions } from './contradictions.js';
import type { Report } from './report.js';
import { UNKNOWN_OUTLET } from '../report/source-label.js';

function report(articleId: string, outlet: string | null, fatalities: number, claimant: string | null = null): Report {
  const base = makeEvent('e1', { fatalities, claims: [] });
  const claims = claimant === null ? [] : [{ claimant: { name: claimant, side: 'ARM', country: 'ARM', inter: 1 }, stance: 'asserts' as const, hedged: false, evidence: base.evidence[0]! }];
  return { key: `${articleId}#e1`, article: { id: articleId, outlet, published: null, title: null, sourceKey: outlet ?? articleId }, event: { ...base, claims } };
}

describe('contradictions', () => {
  it('name the outlet, else the claimant, else "unknown outlet", never the article id', () => {
    const found = findContradictions([report('000_fa41b20489f7d0e3', null, 2), report('001_4794ef33a6245403', null, 5, 'Ministry of Defence of Armenia'), report('002_x', 'SouthFront', 7)]);
    const tolls = found.find((c) => c.field === 'fatalities')!;
    expect(tolls.values.map((v) => v.claimants)).toEqual([[UNKNOWN_OUTLET], ['Ministry of Defence of Armenia'], ['SouthFront']]);
    expect(JSON.stringify(found)).not.toMatch(/000_fa41b|001_4794/);
  });
});
