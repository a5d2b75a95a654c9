/** Event points from any store: its `listEventPoints` when it has one, else derived from `listEvents`. */
import type { EventPoint, MergedEvent } from '../store/records.js';
import type { MergedEventFilter, Store } from '../store/store.js';
import { accusedByClaims } from '../report/ceasefire-attribution.js';

/** The {@link EventPoint} of a merged event (what `Store.listEventPoints` returns for it). */
export function toEventPoint(e: MergedEvent): EventPoint {
  return {
    id: e.id,
    date: e.date,
    date_end: e.date_end,
    event_type: e.event_type,
    sub_event_type: e.sub_event_type,
    place_name: e.location?.name ?? null,
    lat: e.location?.lat ?? null,
    lon: e.location?.lon ?? null,
    fatalities: e.fatalities,
    injured: e.injured,
    side1: e.actor1?.side ?? null,
    side2: e.actor2?.side ?? null,
    ceasefire_violation: e.ceasefire_violation,
    background: e.background,
    story_id: e.story_id,
    accused: accusedByClaims(e),
  };
}

/** The points of the events matching `filter`, in `listEvents` order. */
export async function eventPoints(store: Store, filter: MergedEventFilter): Promise<EventPoint[]> {
  if (store.listEventPoints) return store.listEventPoints(filter);
  return (await store.listEvents(filter)).map(toEventPoint);
}
