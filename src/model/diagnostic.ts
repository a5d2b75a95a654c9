/** How bad a diagnostic is: `error` means the article (or file) could not be processed. */
export type Severity = 'error' | 'warning' | 'info';

/**
 * A problem or remark about one input or article. Diagnostics are data: they are printed on
 * standard error, attached to the article's output and stored; they never stop a batch.
 * `code` is a stable rule id such as `ingest/empty-file` (catalogue in `docs/diagnostics.md`).
 */
export interface Diagnostic {
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  /** The file path, URL or `-` the problem belongs to. */
  readonly source?: string;
  readonly articleId?: string;
}
