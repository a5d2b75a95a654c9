/**
 * `sitrep places`: one JSON object per article with every toponym, its span into the text as
 * given, the chosen place and runner-ups; `--help` documents it; a bad format is a usage error.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const sitrep = (...args: string[]) => spawnSync(process.execPath, ['bin/sitrep.js', ...args], { cwd: root, encoding: 'utf8' });

it('prints every toponym with its span into the text as given', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-places-'));
  const text = 'Shelling hit  Kupiansk\non Monday; rockets fell on northern Israel.';
  writeFileSync(join(dir, 'a.jsonl'), JSON.stringify({ id: 'a1', title: 'Report', text }) + '\n');
  const r = sitrep('places', '--format', 'jsonl', join(dir, 'a.jsonl'));
  expect(r.status).toBe(0);
  const out = JSON.parse(r.stdout.trim()) as { article: { id: string }; places: { start: number; end: number; name: string; country: string; feature: string; lat: number; lon: number; precision: number; alternatives: unknown[] }[] };
  expect(out.article.id).toBe('a1');
  expect(out.places.map((p) => text.slice(p.start, p.end))).toEqual(['Kupiansk', 'northern Israel']);
  expect(out.places[0]).toMatchObject({ name: 'Kupiansk', country: 'UKR', precision: 1 });
  expect(out.places[1]).toMatchObject({ country: 'ISR', feature: 'country', precision: 3 });
  const table = sitrep('places', join(dir, 'a.jsonl'));
  expect(table.stdout).toMatch(/Kupiansk/);
  expect(table.stdout).toMatch(/1 article\(s\), 2 place mention\(s\)/);
});

it('documents the command and rejects a bad format', () => {
  expect(sitrep('--help').stdout).toMatch(/places +geoparse articles/);
  expect(sitrep('places', '--help').stdout).toMatch(/Usage: sitrep places \[--format table\|jsonl\|json\] \[--quiet\] INPUT/);
  expect(sitrep('places', '--format', 'csv', 'x').status).toBe(2);
});
