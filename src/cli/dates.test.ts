import { describe, expect, it } from 'vitest';
import { main } from './main.js';
import { isCalendarDate } from '../model/calendar.js';

describe('dates on the command line', () => {
  it('impossible dates are a usage error (exit 2), before any database is opened', async () => {
    for (const args of [['events', '--from', '2020-13-45'], ['events', '--to', '2020-02-30'], ['extract', '--published', '0000-00-00', '-']]) {
      expect(await main(args)).toBe(2);
    }
  });
  it('knows the calendar', () => {
    expect(['2020-02-29', '2000-02-29', '2021-12-31'].every(isCalendarDate)).toBe(true);
    expect(['2021-02-29', '1900-02-29', '2020-04-31', '2020-00-10', '2020-1-01'].some(isCalendarDate)).toBe(false);
  });
});
