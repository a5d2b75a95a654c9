import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from './main.js';
import { diagnosticLine } from './output.js';
import { Progress } from './progress.js';
import { COMMANDS } from './usage.js';

/** Runs `main` and returns its exit code with what it wrote to stdout and stderr. */
async function run(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => ((stdout += String(chunk)), true));
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => ((stderr += String(chunk)), true));
  try {
    const code = await main(args);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

afterEach(() => vi.restoreAllMocks());

describe('help and version', () => {
  it('COMMAND --help prints that command\'s usage, every flag it takes and an example', async () => {
    for (const [name, spec] of Object.entries(COMMANDS)) {
      const { code, stdout } = await run(name, '--help');
      expect(code, name).toBe(0);
      expect(stdout, name).toContain(`Usage: sitrep ${name}`);
      expect(stdout, name).toContain('Example:');
      for (const [flag] of spec.flags) expect(stdout, `${name} --${flag}`).toContain(`--${flag}`);
      // Not the global help.
      expect(stdout, name).not.toContain('Commands:');
    }
    expect((await run('help', 'export')).stdout).toContain('Usage: sitrep export');
    expect((await run('--help')).stdout).toContain('Commands:');
  });

  it('-V and --version print the version', async () => {
    expect((await run('-V')).stdout).toMatch(/^sitrep \d+\.\d+\.\d+\n$/);
    expect((await run('--version')).stdout).toMatch(/^sitrep \d+\.\d+\.\d+\n$/);
  });

  it('main.ts imports nothing heavy at load time (commands, packs, stores and the NLP model are imported lazily)', () => {
    const source = readFileSync(new URL('./main.ts', import.meta.url), 'utf8');
    const statics = [...source.matchAll(/^import [^;]*? from '([^']+)';/gm)].map((m) => m[1]);
    expect(statics.sort()).toEqual(['./output.js', './usage.js', 'node:util']);
  });
});

describe('usage errors', () => {
  it.each([
    [['events', '--colour', 'red'], /^sitrep: unknown option '--colour' \(see 'sitrep events --help'\)\n$/],
    [['events', '--db'], /^sitrep: option '--db' needs a value/],
    [['events', '--type', '--side', 'ARM'], /^sitrep: option '--type' needs a value \(a value starting with '-' is written --type=-VALUE\)/],
    [['ingest', '--strict=yes', 'x'], /^sitrep: option '--strict' takes no value/],
    [['events', '-x'], /^sitrep: unknown option '-x'/],
    [['events', '--port', '80'], /^sitrep: events takes no --port/],
    [['extract', '--format', 'csv', 'x'], /^sitrep: --format must be table, jsonl, json; got 'csv'/],
    [['frobnicate'], /^sitrep: unknown command 'frobnicate'/],
  ])('%j is one line naming the problem, exit 2', async (args, message) => {
    const { code, stderr } = await run(...args);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('filters on the command line', () => {
  let dir: string;
  let db: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sitrep-cli17-'));
    db = join(dir, 'x.db');
    const input = join(dir, 'a.txt');
    writeFileSync(input, 'Shelling in Martuni\n\nAzerbaijani forces shelled the town of Martuni on 3 October 2020, the Armenian Defence Ministry said. Two civilians were killed.\n');
    const { code } = await run('ingest', '--db', db, '--threads', '0', '--published', '2020-10-03', '--quiet', input);
    expect(code).toBe(0);
  }, 60_000);

  it('takes types and sub-types in any case where a type is expected, and sides in any case', async () => {
    const all = JSON.parse((await run('events', '--db', db, '--json')).stdout) as { event_type: string; sub_event_type: string; actor1: { side: string } | null }[];
    expect(all.length).toBeGreaterThan(0);
    const e = all[0]!;
    for (const value of [e.event_type, e.event_type.toUpperCase(), e.sub_event_type.toLowerCase()]) {
      const { code, stdout } = await run('events', '--db', db, '--format', 'jsonl', '--type', value);
      expect(code, value).toBe(0);
      expect(stdout.trim().split('\n').length, value).toBeGreaterThan(0);
    }
    if (e.actor1?.side) expect((await run('events', '--db', db, '--side', e.actor1.side.toLowerCase(), '--format', 'jsonl')).stdout).toContain(e.sub_event_type);
  });

  it('an unknown type, sub-type or side is exit 2 naming the allowed values', async () => {
    for (const [args, allowed] of [
      [['--type', 'Armed clashes'], 'Battles, '],
      [['--sub-type', 'battles'], 'Armed clash, '],
      [['--side', 'XYZ'], 'HAMAS'],
    ] as const) {
      for (const command of ['events', 'export']) {
        const { code, stderr } = await run(command, '--db', db, ...(command === 'export' ? ['--format', 'jsonl'] : []), ...args);
        expect(code, `${command} ${args.join(' ')}`).toBe(2);
        expect(stderr).toContain(allowed);
        expect(stderr).toMatch(/^sitrep: --(type|sub-type|side): unknown value/);
      }
    }
  });

  it('--format json is one array, jsonl one object per line, for events, stories and ceasefires', async () => {
    for (const command of ['events', 'stories', 'ceasefires']) {
      const json = await run(command, '--db', db, '--format', 'json');
      expect(json.code, command).toBe(0);
      expect(Array.isArray(JSON.parse(json.stdout)), command).toBe(true);
      const jsonl = await run(command, '--db', db, '--format', 'jsonl');
      expect(jsonl.stdout.split('\n').filter(Boolean).length, command).toBe((JSON.parse(json.stdout) as unknown[]).length);
    }
    expect((await run('export', '--db', db, '--format', 'csv')).stdout).toMatch(/^[a-z_]+,/);
  });

  it('queue takes jsonl as well as json (the format is checked before the database)', async () => {
    expect((await run('queue', '--db', db, '--format', 'jsonl')).stderr).toContain('queue needs a PostgreSQL database');
    expect((await run('queue', '--db', db, '--format', 'xml')).stderr).toContain('--format must be');
  });

  it('ingest: a failed input is exit 0 without --strict, 3 with it; --quiet leaves only the errors', async () => {
    const input = join(dir, 'b.txt');
    writeFileSync(input, 'Shelling in Tartar\n\nArmenian forces shelled Tartar on 4 October 2020, the Azerbaijani Defence Ministry said.\n');
    const missing = join(dir, 'missing.txt');
    const loose = await run('ingest', '--db', db, '--threads', '0', input, missing);
    expect(loose.code).toBe(0);
    expect(loose.stderr).toContain('ingested ');
    const strict = await run('ingest', '--db', db, '--threads', '0', '--strict', '--quiet', input, missing);
    expect(strict.code).toBe(3);
    expect(strict.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^sitrep: .*missing\.txt: error ingest\/not-found/)]);
    expect((await run('ingest', '--db', db, '--threads', '0', '--strict', '-q', input)).code).toBe(0);
    expect((await run('ingest', '--db', db, '--threads', '0', '--strict', missing)).code).toBe(1);
  }, 60_000);
});

describe('diagnostics and progress', () => {
  it('a diagnostic does not print its path twice', () => {
    expect(diagnosticLine({ severity: 'error', code: 'ingest/unreadable', message: '/x/a.txt: not a regular file', source: '/x/a.txt' } as never)).toBe(
      'sitrep: /x/a.txt: error ingest/unreadable: not a regular file',
    );
    expect(diagnosticLine({ severity: 'warning', code: 'ingest/bad-json', message: '/x/a.jsonl line 3: not JSON', source: '/x/a.jsonl' } as never)).toBe(
      'sitrep: /x/a.jsonl line 3: warning ingest/bad-json: not JSON',
    );
    expect(diagnosticLine({ severity: 'info', code: 'c', message: 'no path here', source: '/x/a.txt' } as never)).toBe('sitrep: /x/a.txt: info c: no path here');
  });

  it('shows percentage, total and ETA when the input size is known, a count and no bar when not', () => {
    let now = 0;
    const out: string[] = [];
    const known = new Progress({ isTTY: true, columns: 120, write: (t: string) => out.push(t) }, { totalBytes: 4_000_000, now: () => now });
    now = 10_000;
    known.bytes(1_000_000);
    known.tick({ events: 1 });
    expect(out[0]).toMatch(/^\r\[#+\.+\] 25% of 4\.0 MB · ETA 30s · 1 articles/);
    const unknown: string[] = [];
    const p = new Progress({ isTTY: true, columns: 120, write: (t: string) => unknown.push(t) }, { now: () => now });
    p.tick();
    expect(unknown[0]).toMatch(/^\r1 articles · /);
  });

  it('sitrep --version answers fast: it loads neither packs, nor model, nor database', () => {
    const bin = new URL('../../bin/sitrep.js', import.meta.url).pathname;
    const dist = new URL('../../dist/cli/main.js', import.meta.url).pathname;
    if (spawnSync('test', ['-f', dist]).status !== 0) return; // needs `npm run build`
    const time = (args: string[]): number => {
      const t = process.hrtime.bigint();
      execFileSync(process.execPath, args);
      return Number(process.hrtime.bigint() - t) / 1e6;
    };
    const baseline = Math.min(time(['-e', '0']), time(['-e', '0']));
    const version = Math.min(time([bin, '--version']), time([bin, '--version']), time([bin, '-V']));
    // Before the lazy imports it cost ~500 ms over a bare node start.
    expect(version - baseline).toBeLessThan(250);
  });
});
