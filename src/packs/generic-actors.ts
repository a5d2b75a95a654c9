import type { ActorHit, ExtractContext } from '../extract/context.js';
import type { Packs } from './types.js';

export function resolveGenericActors(_text: string, hits: ActorHit[], _ctx: ExtractContext, _packs: Packs): ActorHit[] {
  return hits;
}
