/**
 * The trivial {@link EventResolver} used until cross-article resolution exists: every article
 * event that is not background becomes its own merged event (one report, one source, no
 * contradictions, no story). Deterministic ids make re-ingesting in any order give the same state.
 */
import { createHash } from 'node:crypto';
import type { ArticleEvent } from '../model/event.js';
import type { EventResolver, MergedEventChange, ResolveInput } from './event-resolver.js';
import type { MergedEvent } from './records.js';

/** Stable id of the merged event made from one article event: `ev_` + 16 hex digits. */
export function identityEventId(articleId: string, eventId: string): string {
  return `ev_${createHash('sha256').update(`${articleId}\u0000${eventId}`).digest('hex').slice(0, 16)}`;
}

/** One article event as a merged event of its own. */
function toMergedEvent(articleId: string, event: ArticleEvent): MergedEvent {
  const { id, field_spans: _spans, control: _control, rules: _rules, mentions: _mentions, ...fields } = event;
  return {
    ...fields,
    id: identityEventId(articleId, id),
    story_id: null,
    reports: [{ article_id: articleId, event_id: id }],
    sources: 1,
    contradictions: [],
  };
}

/** The identity resolver (`resolve/identity`). */
export const mergeIdentity: EventResolver = {
  id: 'resolve/identity',
  resolve({ result, previous }: ResolveInput): Promise<MergedEventChange> {
    const articleId = result.article.id;
    return Promise.resolve({
      removeEventIds: previous.map((e) => e.id),
      events: result.events.filter((e) => !e.background).map((e) => toMergedEvent(articleId, e)),
    });
  },
};
