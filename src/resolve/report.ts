/**
 * A report: one article's account of an event, with what the resolver needs to know about the
 * article (outlet, publication date, source group).
 */
import type { ArticleEvent } from '../model/event.js';

export interface ReportArticle {
  readonly id: string;
  readonly outlet: string | null;
  readonly published: string | null;
  readonly title: string | null;
  /** The source it counts as: the outlet, or for copies of one text, one key for all copies. */
  readonly sourceKey: string;
}

export interface Report {
  /** `article_id#event_id`: unique and the canonical sort key. */
  readonly key: string;
  readonly article: ReportArticle;
  readonly event: ArticleEvent;
}

/** Canonical order of reports: by date, then key (never by arrival). */
export function compareReports(a: Report, b: Report): number {
  const da = a.event.date ?? '9999';
  const db = b.event.date ?? '9999';
  return da < db ? -1 : da > db ? 1 : a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

export function reportKey(articleId: string, eventId: string): string {
  return `${articleId}#${eventId}`;
}
