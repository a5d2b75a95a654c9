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

describe('missing files on the command line', () => {
  it('a read command refuses a database that does not exist instead of creating an empty one', async () => {
    const { existsSync } = await import('node:fs');
    const missing = `/tmp/sitrep-no-such-${process.pid}.db`;
    for (const cmd of ['events', 'stories', 'export', 'ceasefires']) {
      expect(await main([cmd, '--db', missing])).toBe(2);
    }
    expect(existsSync(missing)).toBe(false);
  });
  it('export to a directory that does not exist is a clean error (exit 1), not a stack trace', async () => {
    const { mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = mkdtempSync(join(tmpdir(), 'sitrep-export-'));
    const { openStore } = await import('../store/open-store.js');
    const db = join(dir, 'x.db');
    await (await openStore(db)).close();
    expect(await main(['export', '--db', db, '--format', 'geojson', '--output', join(dir, 'missing', 'x.geojson')])).toBe(1);
  });
});

describe('serve access flags', () => {
  it('refuses, before opening anything, a non-loopback host without a token, a weak token, --private without a token and a bad origin', async () => {
    const { existsSync } = await import('node:fs');
    const missing = `/tmp/sitrep-serve-flags-${process.pid}.db`;
    const saved = process.env.SITREP_API_TOKEN;
    delete process.env.SITREP_API_TOKEN;
    try {
      for (const args of [
        ['--host', '0.0.0.0'],
        ['--token', 'short'],
        ['--private'],
        ['--token', 'a-token-long-enough-1234', '--cors-origin', 'https://dash.example.org/path'],
        ['--token-file', `/tmp/sitrep-no-such-token-${process.pid}`],
      ]) {
        expect(await main(['serve', '--db', missing, '--port', '0', ...args])).toBe(2);
      }
    } finally {
      if (saved !== undefined) process.env.SITREP_API_TOKEN = saved;
    }
    expect(existsSync(missing)).toBe(false);
  });
});
