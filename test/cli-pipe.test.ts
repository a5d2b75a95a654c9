/**
 * `sitrep extract examples/ | head -3`: the reader closes the pipe after a few lines; the CLI must
 * stop quietly (exit 0, nothing on standard error), not crash with an EPIPE stack trace.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));

it('stops quietly when the reader of its output goes away', async () => {
  const child = spawn(process.execPath, ['bin/sitrep.js', 'extract', '--format', 'jsonl', 'examples/', 'examples/', 'examples/'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  // Read the first chunk, then close our end of the pipe, as `head` does.
  await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
  child.stdout.destroy();
  const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
  expect(stderr).not.toMatch(/EPIPE|Error/);
  expect(code).toBe(0);
});
