/**
 * Entry point of the checkpoint thread (see `background-checkpoint.ts`): its own connection to
 * the database file; on each `checkpoint` message, a PASSIVE checkpoint (copies committed WAL
 * frames into the database file and syncs it, without blocking the writer), answered with
 * `{ ok, log }` (frames in the log) or `{ ok: false, error }`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

export interface CheckpointReply {
  readonly ok: boolean;
  /** Frames in the log when the checkpoint ran. */
  readonly log?: number;
  readonly error?: string;
}

if (parentPort !== null) {
  const port = parentPort;
  const db = new Database((workerData as { filename: string }).filename, { fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  port.on('message', (message: 'checkpoint' | 'close') => {
    if (message === 'close') {
      db.close();
      port.close();
      return;
    }
    try {
      const [row] = db.pragma('wal_checkpoint(PASSIVE)') as { log: number }[];
      port.postMessage({ ok: true, log: row?.log ?? 0 } satisfies CheckpointReply);
    } catch (error) {
      port.postMessage({ ok: false, error: error instanceof Error ? error.message : String(error) } satisfies CheckpointReply);
    }
  });
}
