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
    // JSONL: a complete one-line object followed by more content. A pretty-printed object's
    // first line is a bare `{`.
    // The whole first line, however long (an article's text makes it longer than `head`).
    const body = text.trimStart();
    const nl = body.indexOf('\n');
    const firstLine = (nl === -1 ? body : body.slice(0, nl)).trim();
    return nl !== -1 && firstLine.endsWith('}') && /\S/.test(body.slice(nl)) ? 'jsonl' : 'json';
  }
  if (c === '<') {
    if (HTML_ROOT.test(head)) return 'html';
    // Other XML is read as a feed too, so it gets a clear `ingest/invalid-feed` when it is none.
    if (FEED_ROOT.test(head.slice(0, 1024)) || head.startsWith('<?xml')) return 'feed';
    return 'html';
  }
  return 'txt';
}
