import { readdir, realpath, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';

/** File extensions read from directories; anything else in a directory is skipped. */
export const INPUT_EXTENSIONS: ReadonlySet<string> = new Set(['.txt', '.html', '.htm', '.json', '.jsonl', '.xml', '.rss', '.atom']);

/** The sidecar of `NAME.txt` (or `NAME.html`) is `NAME.meta.json`; it is metadata, not input. */
export const SIDECAR_SUFFIX = '.meta.json';

/**
 * The input files under `dir`, depth first, each directory's entries sorted by name (code-point
 * order, so the order is the same on every machine). Skips hidden files and directories (a
 * leading dot), `*.meta.json` sidecars and files with other extensions. Symbolic links are
 * followed; a directory reached twice (a link cycle) is read once.
 */
export async function* walkDirectory(dir: string, seen: Set<string> = new Set()): AsyncGenerator<string> {
  const real = await realpath(dir);
  if (seen.has(real)) return;
  seen.add(real);
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries.map((e) => e.name).filter((name) => !name.startsWith('.'));
  names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const kinds = new Map(entries.map((e) => [e.name, e]));
  for (const name of names) {
    const path = join(dir, name);
    const entry = kinds.get(name);
    let isDir = entry?.isDirectory() ?? false;
    let isFile = entry?.isFile() ?? false;
    if (entry?.isSymbolicLink() === true) {
      const target = await stat(path).catch(() => null);
      isDir = target?.isDirectory() ?? false;
      isFile = target?.isFile() ?? false;
    }
    if (isDir) yield* walkDirectory(path, seen);
    else if (isFile && isInputFile(name)) yield path;
  }
}

/** True for a file name a directory walk reads. */
export function isInputFile(name: string): boolean {
  return !name.endsWith(SIDECAR_SUFFIX) && INPUT_EXTENSIONS.has(extname(name).toLowerCase());
}
