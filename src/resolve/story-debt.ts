/**
 * Story passes in batches. Assigning stories costs a read of the events around the new ones and
 * a clustering of the articles that report them; per article that was a quarter of `sitrep
 * ingest`'s storing thread, while a batch of articles about the same days needs it once. So the
 * batch ingest writes each article's merged events without their story and records a debt in
 * the store (`recordStoryDebt`, in the article's transaction); {@link settleStoryDebt} then
 * assigns the stories of everything written since the last pass, in one transaction.
 *
 * The debt is stored, not held in memory: an ingest interrupted between two passes leaves it
 * for the next pass (every `ingestItems` run starts by settling what is left). Between passes,
 * other readers may see the batch's new events without a story for a moment; per-article
 * writers (`sitrep serve`, PostgreSQL workers) keep assigning stories at once.
 */
import { canDeferStories, type EventResolver } from '../store/event-resolver.js';
import type { Store } from '../store/store.js';

/**
 * Assigns the stories of every event recorded in `store`'s story debt and clears it, in one
 * transaction; returns the number of events whose story was decided (0 when there was no debt,
 * or when `store` or `resolver` cannot defer stories).
 */
export async function settleStoryDebt(store: Store, resolver: EventResolver | undefined): Promise<number> {
  if (!canDeferStories(store, resolver)) return 0;
  return store.transaction(async (tx) => {
    const debt = await tx.readStoryDebt!();
    if (debt.recorded === 0) return 0;
    // Events created and removed again within the batch leave rows that decide nothing: the pass
    // over them is empty and only clears the debt.
    const pass = await resolver.resolveStories(tx, debt);
    await tx.settleStoryDebt!(pass.assignments, pass.stories);
    return pass.assignments.length;
  });
}

/**
 * Clears `store`'s story debt without assigning stories: the way out when a pass failed (the
 * same debt would fail every later pass, and every later ingest with it). The events of the debt
 * keep the story they had (none, for new events) until one of their articles is ingested again;
 * returns how many events were left so. 0 when the store cannot defer stories.
 */
export async function discardStoryDebt(store: Store): Promise<number> {
  if (store.readStoryDebt === undefined || store.settleStoryDebt === undefined) return 0;
  return store.transaction(async (tx) => {
    const debt = await tx.readStoryDebt!();
    if (debt.recorded === 0) return 0;
    await tx.settleStoryDebt!([], {});
    return debt.recorded;
  });
}
