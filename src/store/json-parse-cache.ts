/**
 * Parsed JSON columns, remembered by their text. The resolver reads the same stored article events
 * and merged events again for every new article of a busy day, and parsing their JSON was the
 * largest part of those reads. The text itself is the key, so a cached value can never be stale:
 * a rewritten row has a different text, a rolled-back write or another connection's commit
 * changes nothing here, and there is nothing to invalidate.
 *
 * Values are deep-frozen before they are shared between readers: code that would change an
 * event it read (and so every later reader's copy) fails loudly instead.
 */

/** Text a store keeps parsed: about 8 MB of event JSON, the events of a few busy days. */
export const PARSE_CACHE_CHARS = 8_000_000;

/** Texts shorter than this are parsed every time: a lookup would cost about as much. */
const MIN_CHARS = 256;

export class JsonParseCache {
  readonly #values = new Map<string, unknown>();
  #chars = 0;
  /** Parses answered from the cache, and parses done (for tests and benchmarks). */
  hits = 0;
  misses = 0;

  /** @param maxChars total length of the texts kept; the least recently used go first. */
  constructor(readonly maxChars: number) {}

  /** The value of `json`, frozen; parsed at most once while it stays in the cache. */
  parse<T>(json: string): T {
    if (json.length < MIN_CHARS) return deepFreeze(JSON.parse(json) as T);
    const values = this.#values;
    const hit = values.get(json);
    if (hit !== undefined) {
      this.hits++;
      // Most recently used last: re-inserting moves the key to the end of the Map's order.
      values.delete(json);
      values.set(json, hit);
      return hit as T;
    }
    this.misses++;
    const value = deepFreeze(JSON.parse(json) as T);
    values.set(json, value);
    this.#chars += json.length;
    while (this.#chars > this.maxChars && values.size > 1) {
      const oldest = values.keys().next().value as string;
      values.delete(oldest);
      this.#chars -= oldest.length;
    }
    return value;
  }

  /** Number of texts kept. */
  get size(): number {
    return this.#values.size;
  }
}

/** Freezes `value` and every object and array inside it; returns it. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value as Record<string, unknown>)) deepFreeze(inner);
  }
  return value;
}
