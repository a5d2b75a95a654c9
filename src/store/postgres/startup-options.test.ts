import { describe, expect, it } from 'vitest';
import { parse } from 'pg-connection-string';
import { withStartupOption } from './startup-options.js';

describe('withStartupOption', () => {
  it('adds the option and keeps the URL otherwise', () => {
    const url = withStartupOption('postgres://sitrep:pw@db.example:5433/news', '-c synchronous_commit=off');
    expect(parse(url)).toMatchObject({ user: 'sitrep', password: 'pw', host: 'db.example', port: '5433', database: 'news', options: '-c synchronous_commit=off' });
  });

  it('keeps options already in the URL', () => {
    const url = withStartupOption('postgres://db/news?options=-c%20search_path%3Dtest_1&sslmode=disable', '-c synchronous_commit=off');
    expect(parse(url)).toMatchObject({ database: 'news', options: '-c search_path=test_1 -c synchronous_commit=off' });
    expect(url).toContain('sslmode=disable');
  });

  it('keeps a Unix-socket host', () => {
    expect(parse(withStartupOption('postgres://postgres@%2Fvar%2Frun%2Fpostgresql/news', '-c x=1'))).toMatchObject({ host: '/var/run/postgresql', database: 'news', options: '-c x=1' });
  });
});
