// A `sitrep serve` child process for benchmarks and tests that look at the server from outside
// (its memory in /proc, its answers while it works). Needs `npm run build`.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Starts `sitrep serve --port 0` on a fresh database (extra `args` appended) and resolves once it
 * listens: `{ url, pid, memory(), stop() }`. `memory()` reads the process's resident set now and
 * its peak (Linux /proc; null elsewhere), in MB.
 */
export async function startServeProcess(args = [], env = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sitrep-serve-'));
  const child = spawn(process.execPath, [path.join(root, 'bin', 'sitrep.js'), 'serve', '--db', path.join(dir, 'serve.db'), '--port', '0', ...args], {
    cwd: root,
    env: { ...process.env, SITREP_DB: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const url = await new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const m = /at (http:\/\/\S+?)\/ /.exec(out);
      if (m) resolve(m[1]);
    });
    child.on('exit', (code) => reject(new Error(`sitrep serve exited with ${code}: ${stderr}`)));
  });
  return {
    url,
    pid: child.pid,
    stderr: () => stderr,
    memory() {
      try {
        const status = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8');
        const kb = (key) => Number(new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? NaN);
        return { rssMB: kb('VmRSS') / 1024, peakMB: kb('VmHWM') / 1024 };
      } catch {
        return null;
      }
    },
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
