/** JSON lines export: one merged event per line, exactly as `sitrep events --format jsonl` prints it. */
import type { MergedEvent } from '../store/records.js';

/** The JSONL text, in batches of lines. */
export async function* jsonlChunks(events: AsyncIterable<MergedEvent>): AsyncGenerator<string> {
  let batch = '';
  let n = 0;
  for await (const e of events) {
    batch += `${JSON.stringify(e)}\n`;
    if (++n % 500 === 0) {
      yield batch;
      batch = '';
    }
  }
  if (batch !== '') yield batch;
}
