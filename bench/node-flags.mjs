// The V8 flags `sitrep` runs with, read from the first line of bin/sitrep.js, so a benchmark
// measures what the command does. `withSitrepFlags()` re-runs the calling script with them when
// it was started without (`node bench/extract.bench.mjs`).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const bin = join(dirname(fileURLToPath(import.meta.url)), '..', 'bin', 'sitrep.js');
const shebang = readFileSync(bin, 'utf8').split('\n', 1)[0];

/** Node options of the bin's `#!/usr/bin/env -S node …` line. */
export const SITREP_NODE_FLAGS = shebang.replace(/^#!.*?\bnode\b/, '').trim().split(/\s+/).filter(Boolean);

/** Re-runs this process's script under the bin's flags unless it already has them; returns only in a process that has them. */
export function withSitrepFlags() {
  if (SITREP_NODE_FLAGS.every((f) => process.execArgv.includes(f))) return;
  const r = spawnSync(process.execPath, [...process.execArgv, ...SITREP_NODE_FLAGS, ...process.argv.slice(1)], { stdio: 'inherit' });
  process.exit(r.status ?? 1);
}
