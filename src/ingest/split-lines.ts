/** One line of a byte stream: its bytes, or null when it was longer than the limit. */
export interface StreamLine {
  /** 1-based line number. */
  readonly n: number;
  readonly bytes: Buffer | null;
  /** The line's length in bytes (also when dropped). */
  readonly size: number;
}

const LF = 0x0a;

/**
 * Splits a byte stream into lines on LF without holding more than one line (plus one chunk) in
 * memory. A line longer than `maxLineBytes` is not kept: its bytes are dropped as they arrive and
 * it is yielded with `bytes: null`, so a huge single-line file cannot exhaust memory. A trailing
 * CR is removed; a final line without LF is yielded too.
 */
export async function* splitLines(chunks: AsyncIterable<Uint8Array>, maxLineBytes: number): AsyncGenerator<StreamLine> {
  let parts: Buffer[] = [];
  let size = 0;
  let n = 0;
  const finish = (): StreamLine => {
    n++;
    let bytes: Buffer | null = null;
    if (size <= maxLineBytes) {
      bytes = parts.length === 1 ? (parts[0] as Buffer) : Buffer.concat(parts, size);
      if (bytes.length > 0 && bytes[bytes.length - 1] === 0x0d) bytes = bytes.subarray(0, bytes.length - 1);
    }
    const line = { n, bytes, size };
    parts = [];
    size = 0;
    return line;
  };
  for await (const chunk of chunks) {
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    let from = 0;
    for (let at = buf.indexOf(LF, from); at !== -1; at = buf.indexOf(LF, from)) {
      add(buf.subarray(from, at));
      yield finish();
      from = at + 1;
    }
    if (from < buf.length) add(buf.subarray(from));
  }
  if (size > 0) yield finish();

  function add(piece: Buffer): void {
    size += piece.length;
    if (size <= maxLineBytes) parts.push(piece);
    else parts = [];
  }
}
