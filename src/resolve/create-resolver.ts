/** The resolver the CLI and API use, configured from the packs. */
import { createCoreferenceResolver, type CoreferenceOptions } from './coreference-resolver.js';
import type { Packs } from '../packs/types.js';
import type { EventResolver } from '../store/event-resolver.js';
import { createNearDuplicateGrouper } from './near-duplicate-grouper.js';

/** The packs are not read (yet): callers that extract in threads need not load them for it. */
export function createResolver(_packs?: Packs, extra: Partial<CoreferenceOptions> = {}): EventResolver {
  return createCoreferenceResolver({
    sourceGrouper: createNearDuplicateGrouper(),
    ...extra,
  });
}
