/**
 * Progress of long CLI work (`sitrep ingest` over thousands of files): on a terminal a line
 * redrawn in place at most 10 times a second with articles/s and events found; elsewhere (CI,
 * pipes, log files) a plain line every few seconds. When the size of the work is known (articles,
 * or bytes of the input files) the line has a bar, the percentage done and an estimate of the
 * time left; otherwise (standard input) only the counts, no bar. A summary line at the end.
 */

/** Where progress goes: a writable stream that may be a TTY. */
export interface ProgressStream {
  write(text: string): unknown;
  readonly isTTY?: boolean;
  readonly columns?: number;
}

export interface ProgressOptions {
  /** Articles expected, when known: draws a proportional bar; otherwise a running count. */
  readonly total?: number;
  /** Bytes of input expected, when known (files): the bar follows {@link Progress.bytes}. */
  readonly totalBytes?: number;
  /** Clock in ms (injectable for tests). */
  readonly now?: () => number;
  /** Seconds between plain lines when not on a TTY (default 5). */
  readonly plainEverySeconds?: number;
}

/** What one processed article adds. */
export interface ProgressTick {
  /** News events found in it. */
  readonly events?: number;
  /** True when it failed. */
  readonly failed?: boolean;
}

/** Counts articles and events and shows them on `stream`. */
export class Progress {
  readonly #stream: ProgressStream;
  readonly #now: () => number;
  readonly #total: number | undefined;
  readonly #totalBytes: number | undefined;
  #bytes = 0;
  readonly #plainEveryMs: number;
  readonly #started: number;
  #articles = 0;
  #events = 0;
  #failed = 0;
  #lastDraw = -Infinity;
  #drawn = false;

  constructor(stream: ProgressStream, options: ProgressOptions = {}) {
    this.#stream = stream;
    this.#now = options.now ?? Date.now;
    this.#total = options.total;
    this.#totalBytes = options.totalBytes !== undefined && options.totalBytes > 0 ? options.totalBytes : undefined;
    this.#plainEveryMs = (options.plainEverySeconds ?? 5) * 1000;
    this.#started = this.#now();
  }

  get articles(): number {
    return this.#articles;
  }

  get events(): number {
    return this.#events;
  }

  /** Articles per second so far. */
  rate(): number {
    const secs = (this.#now() - this.#started) / 1000;
    return secs > 0 ? this.#articles / secs : 0;
  }

  /** Records input bytes read (counted against `totalBytes`). */
  bytes(n: number): void {
    this.#bytes += n;
  }

  /** The share of the work done, 0..1, or null when its size is not known. */
  fraction(): number | null {
    if (this.#total !== undefined && this.#total > 0) return Math.min(1, this.#articles / this.#total);
    if (this.#totalBytes !== undefined) return Math.min(1, this.#bytes / this.#totalBytes);
    return null;
  }

  /** Seconds left at the pace so far, or null before there is a pace (or without a known size). */
  etaSeconds(): number | null {
    const f = this.fraction();
    const secs = (this.#now() - this.#started) / 1000;
    if (f === null || f <= 0 || secs <= 0) return null;
    return (secs * (1 - f)) / f;
  }

  /** Records one article. */
  tick(tick: ProgressTick = {}): void {
    this.#articles++;
    this.#events += tick.events ?? 0;
    if (tick.failed) this.#failed++;
    const now = this.#now();
    const every = this.#stream.isTTY ? 100 : this.#plainEveryMs;
    if (now - this.#lastDraw < every) return;
    this.#lastDraw = now;
    this.#draw();
  }

  /**
   * The status text without bar: `1,234 articles · 456.7 articles/s · 89 events`, after
   * `45% of 12.3 MB · ETA 1m05s · ` when the input size is known.
   */
  status(): string {
    const of = this.#total === undefined ? '' : `/${this.#total.toLocaleString('en')}`;
    const failed = this.#failed > 0 ? ` · ${this.#failed} failed` : '';
    const f = this.fraction();
    let known = '';
    if (f !== null && this.#total === undefined && this.#totalBytes !== undefined) {
      const eta = this.etaSeconds();
      known = `${Math.floor(f * 100)}% of ${formatBytes(this.#totalBytes)} · ETA ${eta === null ? '?' : formatDuration(eta)} · `;
    } else if (f !== null) {
      const eta = this.etaSeconds();
      known = `ETA ${eta === null ? '?' : formatDuration(eta)} · `;
    }
    return `${known}${this.#articles.toLocaleString('en')}${of} articles · ${this.rate().toFixed(1)} articles/s · ${this.#events.toLocaleString('en')} events${failed}`;
  }

  #draw(): void {
    if (!this.#stream.isTTY) {
      this.#stream.write(`progress: ${this.status()}\n`);
      return;
    }
    const width = Math.max(10, Math.min(40, (this.#stream.columns ?? 80) - 70));
    // No bar without a known size: a bar that moves without meaning tells nothing.
    let bar = '';
    const f = this.fraction();
    if (f !== null) {
      const filled = Math.min(width, Math.round(f * width));
      bar = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${this.#total !== undefined ? `${Math.floor(f * 100)}% ` : ''}`;
    }
    this.#stream.write(`\r${bar}${this.status()}\x1b[K`);
    this.#drawn = true;
  }

  /** Clears the bar (on a TTY) so the caller's summary line starts clean. */
  done(): void {
    if (this.#stream.isTTY && this.#drawn) this.#stream.write('\r\x1b[K');
    else if (!this.#stream.isTTY && this.#articles > 0 && this.#now() - this.#started >= this.#plainEveryMs) this.#stream.write(`progress: ${this.status()}\n`);
  }
}

/** `12.3 MB`, `456 kB`, `789 B` (SI units). */
export function formatBytes(n: number): string {
  if (n >= 1e9) return `${(n / 1e9).toFixed(1)} GB`;
  if (n >= 1e6) return `${(n / 1e6).toFixed(1)} MB`;
  if (n >= 1e3) return `${Math.round(n / 1e3)} kB`;
  return `${n} B`;
}

/** `45s`, `3m05s`, `2h07m`. */
export function formatDuration(secs: number): string {
  const s = Math.max(0, Math.round(secs));
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}
