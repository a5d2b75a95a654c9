/**
 * The trigger mentions of an event: every trigger that went into it, with its span, the index of
 * its sentence and the frame that read it. For an `event.mentions` list (each place the article
 * tells the happening), e.g. for mention-level scoring against WikiEvents.
 */
import type { Draft } from './drafts.js';

export interface TriggerMention {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** Index of the sentence in the article (`SentenceView.index`). */
  readonly sentence: number;
  /** The rule that read it (`extract/<frame id>`). */
  readonly rule: string;
}

/** The mentions of a cluster of drafts (one event), in text order, one per trigger span. */
export function triggerMentions(cluster: readonly Draft[]): TriggerMention[] {
  const seen = new Set<number>();
  const out: TriggerMention[] = [];
  for (const d of [...cluster].sort((a, b) => a.trigger.start - b.trigger.start)) {
    if (seen.has(d.trigger.start)) continue;
    seen.add(d.trigger.start);
    out.push({ start: d.trigger.start, end: d.trigger.end, text: d.trigger.text, sentence: d.sentence.index, rule: `extract/${d.trigger.def.id}` });
  }
  return out;
}
