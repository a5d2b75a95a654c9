/**
 * The key table of a places TSV (`places.keys.tsv`, read by `lazy-places.ts`): one line per
 * distinct first word key of the rows' aliases, with the byte offsets of those rows, sorted by the
 * key's UTF-8 bytes; first, under an empty key, the rows to parse at load (capitals and places of
 * {@link EAGER_POPULATION}+ people). Built by `scripts/build-place-keys.mjs`; a test rebuilds it
 * to check that the shipped table matches the places and this code.
 */
import { createHash } from 'node:crypto';
import { EAGER_POPULATION } from './lazy-places.js';
import { wordKeys } from './tokenize.js';

/** The key table of `bytes` (a places TSV with `id`, `aliases`, `population` and optionally `capital` columns). */
export function placeKeyTable(bytes: Buffer): string {
  const byKey = new Map<string, number[]>();
  const eager: number[] = [];
  let col: Record<string, number> | null = null;
  for (let from = 0; from < bytes.length; ) {
    let nl = bytes.indexOf(0x0a, from);
    if (nl < 0) nl = bytes.length;
    const end = nl > from && bytes[nl - 1] === 0x0d ? nl - 1 : nl;
    const at = from;
    from = nl + 1;
    if (end === at || bytes[at] === 0x23) continue;
    const cells = bytes.toString('utf8', at, end).split('\t');
    if (!col) {
      col = {};
      cells.forEach((h, c) => (col![h] = c));
      continue;
    }
    const cap = col.capital !== undefined ? cells[col.capital] : undefined;
    if (cap === '1' || Number(cells[col.population!] ?? 0) >= EAGER_POPULATION) eager.push(at);
    const seen = new Set<string>();
    for (const raw of (cells[col.aliases!] ?? '').split('|')) {
      const alias = raw.trim();
      if (alias === '') continue;
      const first = wordKeys(alias)[0];
      if (first === undefined || seen.has(first)) continue;
      seen.add(first);
      const list = byKey.get(first);
      if (list) list.push(at);
      else byKey.set(first, [at]);
    }
  }
  const keys = [...byKey.keys()].map((k) => Buffer.from(k, 'utf8')).sort(Buffer.compare);
  const lines = [`# place keys sha1=${createHash('sha1').update(bytes).digest('hex')}`, `\t${eager.join(',')}`];
  for (const k of keys) lines.push(`${k.toString('utf8')}\t${byKey.get(k.toString('utf8'))!.join(',')}`);
  return lines.join('\n') + '\n';
}
