import { describe, expect, it } from 'vitest';
import { createHealth } from './health.js';
import { createLogger } from './logger.js';
import { onShutdown } from './shutdown.js';

describe('createLogger', () => {
  it('writes one JSON line per call with bound fields, errors serialized, below-level lines dropped', () => {
    const lines: string[] = [];
    const log = createLogger({ write: (l) => lines.push(l), level: 'info', base: { service: 'w' }, now: () => new Date('2026-01-01T00:00:00Z') });
    const job = log.child({ jobId: 'j1' });
    job.debug('hidden');
    job.error('job failed', { error: Object.assign(new Error('boom'), { code: 'store/write-failed' }) });
    expect(lines).toHaveLength(1);
    expect(lines[0]!.endsWith('\n')).toBe(true);
    expect(JSON.parse(lines[0]!)).toEqual({
      time: '2026-01-01T00:00:00.000Z',
      level: 'error',
      msg: 'job failed',
      service: 'w',
      jobId: 'j1',
      error: { name: 'Error', message: 'boom', code: 'store/write-failed' },
    });
  });
});

describe('createHealth', () => {
  it('is live always; ready only while every check passes in time and not draining', async () => {
    let dbUp = true;
    const health = createHealth({
      timeoutMs: 50,
      checks: { database: async () => { if (!dbUp) throw new Error('connection refused'); }, slow: () => new Promise((r) => setTimeout(r, 5)) },
    });
    expect((await health.handle('/healthz'))?.status).toBe(200);
    const ready = await health.handle('/readyz');
    expect(ready?.status).toBe(200);
    expect(await ready?.json()).toMatchObject({ status: 'ok', checks: { database: 'ok', slow: 'ok' } });
    dbUp = false;
    const down = await health.readiness();
    expect(down).toMatchObject({ status: 'unavailable', checks: { database: 'connection refused' } });
    dbUp = true;
    health.setDraining();
    expect((await health.handle('/readyz'))?.status).toBe(503);
    expect(await health.handle('/other')).toBeNull();
  });

  it('fails a check that takes longer than the timeout', async () => {
    const health = createHealth({ timeoutMs: 10, checks: { hung: () => new Promise(() => undefined) } });
    expect(await health.readiness()).toMatchObject({ status: 'unavailable', checks: { hung: 'timed out after 10 ms' } });
  });
});

describe('onShutdown', () => {
  it('runs the handler once on SIGTERM, then exits 0; a second signal forces exit 1', async () => {
    const exits: number[] = [];
    let runs = 0;
    let release!: () => void;
    const gate = new Promise<void>((r) => { release = r; });
    const s = onShutdown(async () => { runs++; await gate; }, { signals: ['SIGUSR2'], exit: (c) => exits.push(c) });
    try {
      process.emit('SIGUSR2', 'SIGUSR2');
      process.emit('SIGUSR2', 'SIGUSR2');
      expect(exits).toEqual([1]);
      release();
      await s.done;
      expect(runs).toBe(1);
      expect(exits).toEqual([1, 0]);
    } finally {
      s.dispose();
    }
  });
});
