import { createHash } from 'node:crypto';

/**
 * A short, stable article id from content: `h` + the first 16 hex digits of the SHA-256 of the
 * parts joined by a NUL. Used when an input gives no id (contract: "otherwise a hash of its
 * content"); the same content always gets the same id, so re-ingesting changes nothing.
 */
export function contentId(...parts: readonly (string | null | undefined)[]): string {
  const hash = createHash('sha256');
  parts.forEach((part, i) => {
    if (i > 0) hash.update('\0');
    hash.update(part ?? '');
  });
  return `h${hash.digest('hex').slice(0, 16)}`;
}
