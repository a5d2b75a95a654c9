/** What a stream of unknown type looks like. */
export type SniffedFormat = 'json' | 'jsonl' | 'html' | 'feed' | 'txt';

const FEED_ROOT = /<(?:rss|feed|rdf:RDF)[\s>]/i;
const HTML_ROOT = /<!doctype html|<html[\s>]/i;

/**
 * Guesses the format of input with no file extension (stdin, odd names) from its first bytes:
 * `[` → JSON; `{` → JSONL when the first line is a whole object and more follows, else JSON;
 * `<!doctype html>`/`<html>` → HTML; an XML root `<rss>`, `<feed>`, `<rdf:RDF>` or an `<?xml` prolog → feed; other markup →
 * HTML; anything else → plain text.
 */
export function sniffFormat(text: string): SniffedFormat {
  const head = text.slice(0, 4096).trimStart();
  const c = head[0];
  if (c === '[') return 'json';
  if (c === '{') {
    // JSONL: a complete one-line object followed by more content (a pretty-printed object's
    // first line is a bare `{`), read over the whole first line, which an article's text makes
    // longer than `head`.
    return isJsonlText(text) ? 'jsonl' : 'json';
  }
  if (c === '<') {
    if (HTML_ROOT.test(head)) return 'html';
    // Other XML is read as a feed too, so it gets a clear `ingest/invalid-feed` when it is none.
    if (FEED_ROOT.test(head.slice(0, 1024)) || head.startsWith('<?xml')) return 'feed';
    return 'html';
  }
  return 'txt';
}

const SPACE_CODES = new Set([0x20, 0x09, 0x0a, 0x0d]);
const NOT_SPACE = /[^ \t\n\r]/g;

/**
 * The rule of {@link jsonlSniffer} on a whole text, with native searches instead of a loop over
 * every character of the first line (a 1 MB article on one line: 20 ms → well under 1 ms, on the
 * server's event loop).
 */
export function isJsonlText(text: string): boolean {
  NOT_SPACE.lastIndex = 0;
  const first = NOT_SPACE.exec(text);
  if (first === null || first[0] !== '{') return false;
  const nl = text.indexOf('\n', first.index);
  if (nl < 0) return false;
  let last = nl - 1;
  while (last > first.index && SPACE_CODES.has(text.charCodeAt(last))) last--;
  if (text.charCodeAt(last) !== 0x7d) return false; // a pretty-printed object: its first line is not whole
  NOT_SPACE.lastIndex = nl + 1;
  return NOT_SPACE.test(text);
}

/**
 * Tells, chunk by chunk, whether a stream is JSONL: a first line that is a whole `{…}` object
 * followed by more content (the rule of {@link sniffFormat}). Each call returns `undefined` while
 * what came so far cannot tell; every character (or byte: the rule reads ASCII only) is looked
 * at once, however long the first line, so standard input can be decided as it arrives.
 */
export function jsonlSniffer(): (chunk: string | Uint8Array) => boolean | undefined {
  const space = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
  let phase: 'start' | 'first line' | 'after' = 'start';
  let lastInLine = -1;
  return (chunk) => {
    for (let i = 0; i < chunk.length; i++) {
      const c = typeof chunk === 'string' ? chunk.charCodeAt(i) : chunk[i]!;
      if (phase === 'start') {
        if (space(c)) continue;
        if (c !== 0x7b) return false; // not `{`
        phase = 'first line';
        lastInLine = c;
      } else if (phase === 'first line') {
        if (c === 0x0a) {
          if (lastInLine !== 0x7d) return false; // a pretty-printed object: its first line is not whole
          phase = 'after';
        } else if (!space(c)) lastInLine = c;
      } else if (!space(c)) return true;
    }
    return undefined;
  };
}
