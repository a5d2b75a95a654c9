import { describe, expect, it } from 'vitest';
import { splitLines } from './split-lines.js';

async function lines(chunks: string[], max = 100): Promise<(string | null)[]> {
  const out: (string | null)[] = [];
  async function* source() {
    for (const c of chunks) yield Buffer.from(c);
  }
  for await (const line of splitLines(source(), max)) out.push(line.bytes === null ? null : line.bytes.toString());
  return out;
}

describe('splitLines', () => {
  it('splits across chunk boundaries, drops CR, keeps a last line without LF', async () => {
    expect(await lines(['ab', 'c\r\nde', 'f\n\ngh'])).toEqual(['abc', 'def', '', 'gh']);
  });

  it('drops a line over the limit but keeps counting', async () => {
    expect(await lines(['short\n', 'x'.repeat(60), 'x'.repeat(60), '\nok\n'])).toEqual(['short', null, 'ok']);
  });

  it('never holds an over-long line in memory', async () => {
    const chunk = Buffer.alloc(1 << 16, 0x61);
    async function* huge() {
      for (let i = 0; i < 800; i++) yield chunk; // 50 MB, no line break
    }
    const before = process.memoryUsage().rss;
    const seen = [];
    for await (const line of splitLines(huge(), 1 << 20)) seen.push(line);
    expect(seen).toEqual([{ n: 1, bytes: null, size: 800 << 16 }]);
    expect(process.memoryUsage().rss - before).toBeLessThan(25 * 1024 * 1024);
  });
});
