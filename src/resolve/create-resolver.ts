/** The resolver the CLI and API use, configured from the packs. */
import { createCoreferenceResolver, type CoreferenceOptions } from './coreference-resolver.js';
import type { Packs } from '../packs/types.js';
import type { EventResolver } from '../store/event-resolver.js';
import { createNearDuplicateGrouper } from './near-duplicate-grouper.js';

export function createResolver(packs: Packs, extra: Partial<CoreferenceOptions> = {}): EventResolver {
  const theatreOf = new Map<string, string>();
  for (const t of packs.theatres) for (const c of t.countries) if (!theatreOf.has(c)) theatreOf.set(c, t.id);
  return createCoreferenceResolver({
    theatreOf: (country) => (country ? theatreOf.get(country) ?? null : null),
    sourceGrouper: createNearDuplicateGrouper(),
    ...extra,
  });
}
