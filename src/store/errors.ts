/**
 * Errors the storage layer throws. Store failures are tier-3 errors (architecture.md §4): they
 * stop the command, unlike per-article diagnostics. Each carries a stable `code` so the CLI and
 * the HTTP API can map it without parsing messages, and `instanceof StoreError` works.
 */

/** Every code a {@link StoreError} can carry. */
export type StoreErrorCode =
  | 'store/postgres-unavailable'
  | 'store/open-failed'
  | 'store/closed'
  | 'store/schema-too-new'
  | 'store/migration-failed'
  | 'store/not-migrated'
  | 'store/write-failed'
  | 'store/query-failed'
  | 'store/transaction-closed'
  | 'store/invalid-argument';

/**
 * A failure of the store: cannot open, schema newer than the code, a write that violated a
 * constraint (the article's transaction was rolled back), a use after `close()`.
 *
 * @example
 * ```ts
 * try { await openStore('postgres://db/sitrep'); }
 * catch (e) { if (e instanceof StoreError && e.code === 'store/postgres-unavailable') ... }
 * ```
 */
export class StoreError extends Error {
  /** Stable rule-style id, e.g. `store/schema-too-new`. */
  readonly code: StoreErrorCode;

  constructor(code: StoreErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreError';
    this.code = code;
  }
}

/** Wraps a driver error (or anything thrown) into a {@link StoreError}, keeping StoreErrors as they are. */
export function toStoreError(error: unknown, code: StoreErrorCode, context: string): StoreError {
  if (error instanceof StoreError) return error;
  const reason = error instanceof Error ? error.message : String(error);
  return new StoreError(code, `${context}: ${reason}`, { cause: error });
}
