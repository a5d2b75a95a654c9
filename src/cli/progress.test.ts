import { describe, expect, it } from 'vitest';
import { Progress, type ProgressStream } from './progress.js';

function sink(isTTY: boolean): ProgressStream & { out: string[] } {
  const out: string[] = [];
  return { out, isTTY, columns: 120, write: (t: string) => out.push(t) };
}

describe('Progress', () => {
  it('draws a bar in place on a TTY, at most every 100 ms, with rate and events', () => {
    let now = 0;
    const s = sink(true);
    const p = new Progress(s, { total: 4, now: () => now });
    now = 1000;
    p.tick({ events: 2 });
    now = 1050;
    p.tick({ events: 1 });
    expect(s.out).toHaveLength(1);
    expect(s.out[0]).toMatch(/^\r\[#+\.+\] 25% ETA 3s · 1\/4 articles · 1\.0 articles\/s · 2 events/);
    now = 2000;
    p.tick({ events: 0, failed: true });
    expect(s.out[1]).toContain('3/4 articles · 1.5 articles/s · 3 events · 1 failed');
    p.done();
    expect(s.out.at(-1)).toBe('\r\x1b[K');
    expect(p.articles).toBe(3);
    expect(p.events).toBe(3);
  });

  it('writes plain lines, no control characters, when not on a TTY', () => {
    let now = 0;
    const s = sink(false);
    const p = new Progress(s, { now: () => now, plainEverySeconds: 5 });
    for (let i = 0; i < 100; i++) {
      now = i * 100;
      p.tick({ events: 1 });
    }
    p.done();
    expect(s.out.length).toBeGreaterThanOrEqual(2);
    expect(s.out.length).toBeLessThanOrEqual(4);
    for (const line of s.out) {
      expect(line).toMatch(/^progress: [\d,]+ articles · [\d.]+ articles\/s · [\d,]+ events\n$/);
      expect(line).not.toMatch(/[\r\x1b]/);
    }
    expect(s.out.at(-1)).toContain('100 articles');
  });
});
