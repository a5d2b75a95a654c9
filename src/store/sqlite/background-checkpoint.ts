/**
 * Checkpoints in a background thread. In WAL mode SQLite copies the log into the database file
 * (a checkpoint, with an fsync) every 1,000 pages, inside whichever commit crosses the mark: on a
 * busy ingest that is ~0.4 ms of every article's time on the writing thread. With this, the
 * writer's connection never checkpoints (`wal_autocheckpoint = 0`); after a commit it asks a
 * thread with its own connection to run a PASSIVE checkpoint, which does not block the writer.
 * Durability is unchanged (same `synchronous` setting; the fsync just happens elsewhere).
 *
 * The log restarts from its beginning only when a writer starts while every frame is already
 * copied, which a writer that never pauses rarely sees: so once the log holds more than
 * {@link RESTART_FRAMES} frames at the thread's last checkpoint, the writer runs one blocking
 * RESTART checkpoint after its next commit that finds the thread idle (cheap: the thread has
 * already copied all but the last commits' frames). The thread's count is only as fresh as its
 * last checkpoint, so the writer also checks the log file's size after every commit and, past
 * {@link LOG_CEILING_FRAMES}, restarts at once, waiting for the thread's checkpoint to end: the
 * file stays within a commit of the ceiling however slow the checkpoints are (a slow disk, a busy
 * machine).
 *
 * Requests are coalesced: at most one checkpoint runs, and one more is queued if commits came in
 * meanwhile. If the thread fails, the connection goes back to automatic checkpoints, so the log
 * never grows without bound.
 */
import { statSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import type { CheckpointReply } from './checkpoint-thread.js';
import { threadScriptUrl } from '../../thread-script.js';

/** SQLite's default `wal_autocheckpoint`, restored when the thread fails. */
const AUTO_CHECKPOINT_PAGES = 1000;

/** Least time between two checkpoints asked for by commits. */
const CHECKPOINT_EVERY_MS = 100;

/** Log size (frames, a page each) beyond which the writer restarts the log (see the module comment). */
export const RESTART_FRAMES = 8000;

/** Bytes of a log frame's header (the page follows it). */
const FRAME_HEADER_BYTES = 24;

/**
 * Log file size (frames) that restarts the log on the writer's next commit whatever the thread
 * last reported: the thread's count is as old as its last checkpoint, and the log grows meanwhile.
 */
export const LOG_CEILING_FRAMES = RESTART_FRAMES + 2000;

/** How long a restart at the ceiling waits for the thread's checkpoint (or another reader). */
const CEILING_WAIT_MS = 1000;

export class BackgroundCheckpoint {
  readonly #db: Database.Database;
  #worker: Worker | null;
  #running = false;
  #queued = false;
  #idle: (() => void)[] = [];
  /** Checkpoints completed (for tests and diagnostics). */
  completed = 0;
  /** Log restarts done by the writer. */
  restarts = 0;
  /** Frames in the log at the last checkpoint. */
  #logFrames = 0;
  #lastRequest = 0;
  readonly #logFile: string;
  /** Bytes per log frame: the database's page and the frame header. */
  readonly #frameBytes: number;
  /** Log file size beyond which the writer restarts the log (see LOG_CEILING_FRAMES). */
  #ceiling: number;
  /** Why the thread stopped, when it failed; automatic checkpoints are back on then. */
  failure: string | null = null;

  /** Starts the thread for the database file `filename`, open in WAL mode on `db`. */
  constructor(db: Database.Database, filename: string) {
    this.#db = db;
    this.#logFile = `${filename}-wal`;
    this.#frameBytes = (db.pragma('page_size', { simple: true }) as number) + FRAME_HEADER_BYTES;
    this.#ceiling = LOG_CEILING_FRAMES * this.#frameBytes;
    const worker = new Worker(threadScriptUrl(import.meta.url, 'store/sqlite/checkpoint-thread.js'), { workerData: { filename } });
    worker.unref();
    worker.on('message', (reply: CheckpointReply) => {
      this.#running = false;
      if (reply.ok) {
        this.completed += 1;
        this.#logFrames = reply.log ?? 0;
      }
      else this.#fail(reply.error ?? 'checkpoint failed');
      // A long log is restarted by the writer's next commit instead (see request).
      const again = this.#queued && this.#worker !== null && this.#logFrames <= RESTART_FRAMES;
      this.#queued = false;
      if (again) this.#send();
      else this.#settle();
    });
    worker.on('error', (error) => this.#fail(error.message));
    worker.on('exit', (code) => {
      if (this.#worker !== null) this.#fail(`checkpoint thread exited with code ${code}`);
    });
    this.#worker = worker;
    db.pragma('wal_autocheckpoint = 0');
  }

  /**
   * Asks for a checkpoint of what is committed now (at most every CHECKPOINT_EVERY_MS). Call
   * after a commit, outside any transaction: this is also where a long log is restarted.
   */
  request(): void {
    if (this.#worker === null) return;
    const full = this.#logBytes() > this.#ceiling;
    if (full || this.#logFrames > RESTART_FRAMES) {
      // Restart on the first commit after the thread is idle (a checkpoint running in the thread
      // makes the restart wait), not at the throttled pace: the log grows meanwhile. At the
      // ceiling, restart now, waiting for the thread's checkpoint to end.
      if (this.#running && !full) {
        this.#queued = false;
        return;
      }
      this.#restart(full ? CEILING_WAIT_MS : 20);
    }
    const now = performance.now();
    if (now - this.#lastRequest < CHECKPOINT_EVERY_MS) return;
    this.#lastRequest = now;
    if (this.#running) {
      this.#queued = true;
      return;
    }
    this.#send();
  }

  /**
   * One blocking RESTART checkpoint on the writer's connection, waiting at most `waitMs`: a
   * reader in another process may hold the log for long. Busy then, it is tried again once the
   * log has grown by another RESTART_FRAMES.
   */
  #restart(waitMs: number): void {
    const timeout = this.#db.pragma('busy_timeout', { simple: true }) as number;
    this.#db.pragma(`busy_timeout = ${waitMs}`);
    try {
      const [row] = this.#db.pragma('wal_checkpoint(RESTART)') as { busy: number }[];
      if (row?.busy === 0) {
        this.#logFrames = 0;
        this.restarts += 1;
        // The file keeps its size after a restart (the log is rewritten from its start): growth
        // beyond the larger of the two is the log passing the ceiling again.
        this.#ceiling = Math.max(LOG_CEILING_FRAMES * this.#frameBytes, this.#logBytes());
      } else this.#backOff();
    } catch {
      this.#backOff();
    } finally {
      this.#db.pragma(`busy_timeout = ${timeout}`);
    }
  }

  #backOff(): void {
    this.#logFrames -= RESTART_FRAMES;
    this.#ceiling = Math.max(this.#ceiling, this.#logBytes()) + RESTART_FRAMES * this.#frameBytes;
  }

  /** Size of the log file now (a stat call: microseconds, once per commit). */
  #logBytes(): number {
    return statSync(this.#logFile, { throwIfNoEntry: false })?.size ?? 0;
  }

  /** Waits for the running and queued checkpoints, then stops the thread. */
  async close(): Promise<void> {
    if (this.#running) await new Promise<void>((resolve) => this.#idle.push(resolve));
    const worker = this.#worker;
    if (worker === null) return;
    this.#worker = null;
    worker.ref(); // until it has exited: the process must not end with its connection open
    await new Promise<void>((resolve) => {
      worker.once('exit', () => resolve());
      worker.postMessage('close');
    });
  }

  #send(): void {
    this.#running = true;
    this.#worker!.ref();
    this.#worker!.postMessage('checkpoint');
  }

  #settle(): void {
    this.#worker?.unref();
    for (const resolve of this.#idle.splice(0)) resolve();
  }

  #fail(why: string): void {
    this.failure = why;
    const worker = this.#worker;
    this.#worker = null;
    this.#running = false;
    this.#queued = false;
    if (this.#db.open) this.#db.pragma(`wal_autocheckpoint = ${AUTO_CHECKPOINT_PAGES}`);
    void worker?.terminate();
    this.#settle();
  }
}
