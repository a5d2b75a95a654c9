import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PackError } from './pack-error.js';
import { readTsv } from './read-pack-file.js';
import { fastPlaceRow, placeRowSchema } from './schemas.js';

const dir = mkdtempSync(path.join(tmpdir(), 'sitrep-tsv-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function tsv(name: string, text: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
}

const HEADER = 'id\tname\tkind\taliases\tcountry\tadmin1\tadmin2\tlat\tlon\tpopulation\tis_current';

describe('readTsv', () => {
  it('skips comments and blank lines, strips CRLF and reads non-ASCII cells', () => {
    const file = tsv(
      'places.tsv',
      `# a comment\r\n${HEADER}\r\n\r\nplace:gn:1\tŞuşa\ttown\tŞuşa| Shusha |\tAZE\tShusha\t\t39.7583\t46.7485\t4064\t1\r\n# another\nplace:gn:2\tGoris\ttown\tGoris\tARM\tSyunik\t\t39.5111\t46.3383\t20591\t0`,
    );
    const fast = readTsv(file, placeRowSchema, fastPlaceRow);
    const slow = readTsv(file, placeRowSchema);
    expect(fast).toEqual(slow);
    expect(fast.map((p) => [p.name, p.aliases, p.admin1, p.current])).toEqual([
      ['Şuşa', ['Şuşa', 'Shusha'], 'Shusha', true],
      ['Goris', ['Goris'], 'Syunik', false],
    ]);
  });

  it('reports the line number of a bad row, counting comments and blank lines', () => {
    const file = tsv('bad.tsv', `# comment\n${HEADER}\n\nplace:gn:1\tGoris\ttown\tGoris\tARM\t\t\tnorth\t46.3\t1\t1\n`);
    let err: unknown;
    try {
      readTsv(file, placeRowSchema, fastPlaceRow);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(PackError);
    expect((err as PackError).row).toBe(4);
    expect((err as PackError).field).toBe('lat');
  });
});
