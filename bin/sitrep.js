#!/usr/bin/env node
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
