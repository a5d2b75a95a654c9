#!/usr/bin/env -S node --max-semi-space-size=32 --no-allocation-site-pretenuring
// The flags: extraction allocates ~0.7 MB of short-lived objects per article. V8's allocation-site
// pretenuring sometimes (in about half the runs) decides those objects live long and allocates
// them straight in the old generation, which then fills with garbage: twice the peak memory and
// ~10% slower. Without it, and with a 32 MB young generation (the default is 16 MB), they die
// young: bench/extract.bench.mjs runs at a steady ~250 MB instead of 250 or 500 MB. Worker threads
// inherit the flags. `env -S` needs GNU coreutils 8.30+ or macOS; elsewhere run
// `node bin/sitrep.js` (same results, only slower).
import { main } from '../dist/cli/main.js';

// A reader that stops early (`sitrep extract … | head`) closes the pipe: stop quietly, as Unix tools do.
process.stdout.on('error', (err) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err) => { console.error(`sitrep: ${err instanceof Error ? err.message : String(err)}`); process.exitCode = 1; },
);
