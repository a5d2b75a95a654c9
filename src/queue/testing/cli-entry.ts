/** Runs the CLI from source (for tests that spawn `sitrep worker` as a real process via vite-node). */
import { main } from '../../cli/main.js';

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`sitrep: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
