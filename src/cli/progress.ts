/**
 * Progress of long CLI work (`sitrep ingest` over thousands of files): on a terminal a bar
 * redrawn in place at most 10 times a second with articles/s and events found; elsewhere (CI,
 * pipes, log files) a plain line every few seconds. Either way a summary line at the end.
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

  /** The status text without bar: `1,234 articles · 456.7 articles/s · 89 events`. */
  status(): string {
    const of = this.#total === undefined ? '' : `/${this.#total.toLocaleString('en')}`;
    const failed = this.#failed > 0 ? ` · ${this.#failed} failed` : '';
    return `${this.#articles.toLocaleString('en')}${of} articles · ${this.rate().toFixed(1)} articles/s · ${this.#events.toLocaleString('en')} events${failed}`;
  }

  #draw(): void {
    if (!this.#stream.isTTY) {
      this.#stream.write(`progress: ${this.status()}\n`);
      return;
    }
    const width = Math.max(10, Math.min(40, (this.#stream.columns ?? 80) - 70));
    let bar: string;
    if (this.#total !== undefined && this.#total > 0) {
      const filled = Math.min(width, Math.round((this.#articles / this.#total) * width));
      bar = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${Math.min(100, Math.floor((this.#articles / this.#total) * 100))}% `;
    } else {
      const pos = this.#articles % width;
      bar = `[${'.'.repeat(pos)}#${'.'.repeat(width - pos - 1)}] `;
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
