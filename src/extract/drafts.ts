/**
 * An event as first read from one sentence, before the events of an article are merged.
 */
import type { DateFill } from './dating.js';
import type { LocationFill } from './locate.js';
import type { CasualtyMention } from './recognizers/casualties.js';
import type { RoleFill } from './roles.js';
import type { SentenceView } from './sentences.js';
import type { TriggerKind } from './frames.js';
import type { Claim, ControlClaim } from '../model/event.js';

export interface TriggerHit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly def: TriggerKind;
}

export interface CasualtyFill {
  readonly mention: CasualtyMention;
  /** Side of the victims when the text tells ("one Azerbaijani soldier", "two of its soldiers"). */
  readonly side: string | null;
}

export interface Draft {
  readonly sentence: SentenceView;
  readonly trigger: TriggerHit;
  readonly event_type: string;
  sub_event_type: string;
  agent: RoleFill | null;
  target: RoleFill | null;
  date: DateFill;
  background: boolean;
  readonly rules: string[];
  location: LocationFill | null;
  readonly casualties: CasualtyFill[];
  readonly claims: Claim[];
  violation: boolean;
  readonly control: ControlClaim[];
  /** Later words that refer back to this event ("the explosion", "the attack"): more mentions of it. */
  references?: { readonly trigger: TriggerHit; readonly sentence: SentenceView }[];
}
