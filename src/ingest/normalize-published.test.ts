import { describe, expect, it } from 'vitest';
import { normalizePublished } from './normalize-published.js';

describe('normalizePublished', () => {
  it.each([
    ['2020-12-12', '2020-12-12'],
    [' 2020-12-12 ', '2020-12-12'],
    ['2020-12-12T10:05', '2020-12-12T10:05:00'],
    ['2020-12-12T10:05:30.123Z', '2020-12-12T10:05:30.123Z'],
    ['2020-12-12 23:30:00+0400', '2020-12-12T23:30:00+04:00'],
    ['2020-12-12T23:30:00-05', '2020-12-12T23:30:00-05:00'],
    ['Sat, 12 Dec 2020 23:30:00 -0500', '2020-12-12T23:30:00-05:00'],
    ['12 Dec 2020 10:00:00 GMT', '2020-12-12T10:00:00Z'],
    ['Sun, 27 Sep 20 08:00 EDT', '2020-09-27T08:00:00-04:00'],
    ['27 September 2020', '2020-09-27'],
    ['2024-02-29', '2024-02-29'],
  ])('%s → %s', (input, expected) => {
    expect(normalizePublished(input)).toBe(expected);
  });

  it.each(['', 'yesterday', '12/12/2020', '2020-13-01', '2021-02-29', '2020-12-32', '2020-12-12T25:00', '31 Foo 2020', '2020-12-12T10:00+99:00'])(
    'rejects %j',
    (input) => {
      expect(normalizePublished(input)).toBeNull();
    },
  );
});
