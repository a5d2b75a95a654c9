/**
 * Within one article, drafts that tell the same happening (same type, dates a day apart at most,
 * compatible places) become one event: the best-supported value of each field wins.
 */
import type { ExtractContext } from './context.js';
import { daysBetween } from '../model/calendar.js';
import type { Draft } from './drafts.js';
import { distanceKm } from '../model/geo.js';
import type { RoleFill } from './roles.js';

const REMOTE_OR_BATTLE = new Set(['Battles', 'Explosions/Remote violence']);

/** One happening told twice in one sentence ("clashes and shelling along the front") is one event. */
function sameSentenceHappening(a: Draft, b: Draft): boolean {
  if (a.sentence.index !== b.sentence.index || a.background !== b.background) return false;
  if (!REMOTE_OR_BATTLE.has(a.event_type) || !REMOTE_OR_BATTLE.has(b.event_type)) return false;
  if (a.location && b.location && a.location.place.name !== b.location.place.name) return false;
  // …within one clause: "drones struck X on Thursday, while shelling of Y claimed more lives" is two.
  const [x, y] = a.trigger.start < b.trigger.start ? [a, b] : [b, a];
  const between = x.sentence.text.slice(Math.max(0, x.trigger.end - x.sentence.start), Math.max(0, y.trigger.start - x.sentence.start));
  return between.length <= 80 && !CLAUSE_BREAK.test(between);
}

const CLAUSE_BREAK = /[;:]|\b(?:while|whereas|but|after|before|when|as well as|meanwhile|also)\b/i;

/** Frames of generic attack words ("attack", "fighting", "assault"): they name no means of their own. */
const GENERIC_FRAMES = new Set(['battle/attack', 'battle/fighting', 'battle/kill', 'battle/offensive']);

/** A generic attack word names no means of its own: it never decides the type of a merged event. */
export function isGeneric(d: Draft): boolean {
  return GENERIC_FRAMES.has(d.trigger.def.id);
}

/**
 * Same type (and, outside battles, the same sub-type). A generic "attack" and a specific "drones
 * struck" of another type are not merged across sentences: measured on the development corpus,
 * doing so joins separate front-line reports more often than it removes duplicates.
 */
function sameKind(a: Draft, b: Draft): boolean {
  return a.event_type === b.event_type && (a.event_type === 'Battles' || a.sub_event_type === b.sub_event_type);
}

/**
 * Parts of an attack that ACLED codes within it, not beside it: the looting and burning that
 * follow a raid, the suicide bomber or car bomb that opens an assault.
 */
const COMPONENTS = new Set(['Looting/property destruction', 'Suicide bomb', 'Remote explosive/landmine/IED']);
const ATTACKS = new Set(['Battles', 'Violence against civilians']);

export function isComponent(d: Draft): boolean {
  return COMPONENTS.has(d.sub_event_type);
}

/** "Gunmen stormed the base after a suicide car bomb ... then looted and torched it": one attack. */
function partOfAttack(a: Draft, b: Draft): boolean {
  const [part, whole] = isComponent(a) && !isComponent(b) ? [a, b] : isComponent(b) && !isComponent(a) ? [b, a] : [null, null];
  if (!part || !whole || part.background || whole.background) return false;
  // looting and burning follow any violent event; a bomb opens a ground attack only
  if (!ATTACKS.has(whole.event_type) && !(part.sub_event_type === 'Looting/property destruction' && whole.event_type === 'Explosions/Remote violence')) return false;
  if (Math.abs(part.sentence.paragraph - whole.sentence.paragraph) > 1) return false;
  if (part.date.date && whole.date.date && Math.abs(daysBetween(part.date.date, whole.date.date)) > 1) return false;
  const sp = part.agent?.hit.entry.side;
  const sw = whole.agent?.hit.entry.side;
  if (part.sub_event_type !== 'Looting/property destruction') {
    if (sp && sw && sp !== sw) return false;
    // a bomb is the event itself when nothing but a generic word ("the attack") tells more
    if (isGeneric(whole)) return false;
  }
  return placesCompatible(a, b);
}

/**
 * A generic attack word ("the attack", "attacks") in the paragraph of a remote strike or an
 * attack on civilians, or the next one, retells it ("Israeli strikes hit Rafah ... The attack
 * killed four").
 */
function genericRetelling(a: Draft, b: Draft): boolean {
  // (only "attack" and its like: "fighting" and "offensive" tell ground combat of their own)
  const retells = (d: Draft) => d.trigger.def.id === 'battle/attack' || d.trigger.def.id === 'battle/kill';
  const [g, o] = retells(a) && !isGeneric(b) ? [a, b] : retells(b) && !isGeneric(a) ? [b, a] : [null, null];
  if (!g || !o || o.event_type === 'Battles' || !REMOTE_OR_VAC.has(o.event_type)) return false;
  return Math.abs(g.sentence.paragraph - o.sentence.paragraph) <= 1;
}
const REMOTE_OR_VAC = new Set(['Explosions/Remote violence', 'Violence against civilians']);

function compatible(a: Draft, b: Draft): boolean {
  // a toll split off to a place of its own is not merged back into the event it came from
  const split = (d: Draft) => d.rules.includes('extract/split-by-place');
  if ((split(a) || split(b)) && a.trigger.start === b.trigger.start) return false;
  if (sameSentenceHappening(a, b)) return true;
  if (partOfAttack(a, b)) return true;
  if (a.background !== b.background || !(sameKind(a, b) || genericRetelling(a, b))) return false;
  // A telling dated only by the publication day ("A suicide drone exploded in the market, killing
  // five") may retell an event the text dates a few days earlier.
  const guessed = a.date.rule === 'dates/publication' || b.date.rule === 'dates/publication' || a.date.rule === 'dates/speech' || b.date.rule === 'dates/speech';
  if (a.date.date && b.date.date && Math.abs(daysBetween(a.date.date, b.date.date)) > (guessed ? 3 : 1)) return false;
  if (!placesCompatible(a, b)) return false;
  if (a.event_type !== 'Battles' || b.event_type !== 'Battles') {
    const sa = a.agent?.hit.entry.side;
    const sb = b.agent?.hit.entry.side;
    if (sa && sb && sa !== sb) return false;
    // two strikes on two different named parties are two happenings ("killed two Hezbollah
    // fighters near the border" and "killed a Hamas official in Sidon")
    const ta = a.target?.hit.entry.side;
    const tb = b.target?.hit.entry.side;
    if (ta && tb && ta !== tb && ta !== 'CIV' && tb !== 'CIV' && a.target!.hit.entry.kind === 'armed-group' && b.target!.hit.entry.kind === 'armed-group') return false;
  }
  return true;
}

/** The places of two drafts allow one happening (either unplaced, or near enough and not two settlements). */
function placesCompatible(a: Draft, b: Draft): boolean {
  if (a.location && b.location) {
    // one telling split over the places it lists ("fire on positions in the Aghdam, Khojavand and
    // Khojaly regions") stays one event per place
    if (a.trigger.start === b.trigger.start && a.location.place.name !== b.location.place.name) return false;
    const d = distanceKm(a.location.place, b.location.place);
    const coarseRank = Math.max(a.location.rank, b.location.rank);
    // A country or region named for an event holds the town another telling names.
    const within = coarseRank >= 4 && a.location.place.country !== null && a.location.place.country === b.location.place.country;
    if (!within && d > (coarseRank >= 4 ? 200 : 50)) return false;
    // Places in two countries are two happenings (a border incident is placed where the fire landed).
    if (a.location.place.country && b.location.place.country && a.location.place.country !== b.location.place.country) return false;
    // Two different settlements are two events (ACLED codes one event per location and day).
    // (a village no gazetteer lists is a settlement too, though its coordinates are coarse)
    const settled = (l: NonNullable<Draft['location']>) => l.rank <= 1 || (l.hit.unlisted !== undefined && l.hit.kind === 'village');
    if (settled(a.location) && settled(b.location) && a.location.place.name !== b.location.place.name && (d > 3 || a.location.hit.unlisted || b.location.hit.unlisted)) return false;
  }
  return true;
}

/** Groups drafts into clusters (single link, in text order, so the result is deterministic). */
export function clusterDrafts(drafts: readonly Draft[]): Draft[][] {
  const clusters: Draft[][] = [];
  for (const d of drafts) {
    // A generic telling ("the attack") may join a cluster, but never bridges two specific ones.
    // ...and an unplaced telling never bridges two places: every placed member must allow d's place.
    const home = clusters.find((c) => c.some((m) => compatible(m, d) && (isGeneric(d) || !isGeneric(m) || c.every(isGeneric))) && c.every((m) => placesCompatible(m, d)));
    if (home) home.push(d);
    else clusters.push([d]);
  }
  return clusters;
}

/** The side with most weight among role fills (direct evidence first, accusations only as a fallback). */
export function voteRole(fills: readonly (RoleFill | null)[], exclude?: string | null): RoleFill | null {
  const direct = fills.filter((f): f is RoleFill => Boolean(f && !f.accused && f.hit.entry.side && f.hit.entry.side !== exclude));
  const pool = direct.length ? direct : fills.filter((f): f is RoleFill => Boolean(f && f.hit.entry.side && f.hit.entry.side !== exclude));
  if (!pool.length) return null;
  const score = new Map<string, number>();
  for (const f of pool) score.set(f.hit.entry.side!, (score.get(f.hit.entry.side!) ?? 0) + f.weight);
  const best = [...score.entries()].sort((a, b) => b[1] - a[1])[0]![0];
  const ofSide = pool.filter((f) => f.hit.entry.side === best);
  const armed = ofSide.find((f) => f.hit.entry.kind === 'state-forces' || f.hit.entry.kind === 'armed-group');
  return armed ?? ofSide.sort((a, b) => b.weight - a.weight)[0]!;
}

/** The opposing side of `side` when the article's theatres give it exactly one war (else null). */
export function soleOpponentOf(side: string, ctx: ExtractContext): string | null {
  const others = new Set(ctx.dyads.flatMap(([a, b]) => (a === side ? [b] : b === side ? [a] : [])));
  return others.size === 1 ? [...others][0]! : null;
}

/** The opposing side of `side` in the article's main two-sided war. */
export function opponentOf(side: string, ctx: ExtractContext): string | null {
  // Dyads come in the order of the article's theatres, most named first: its main war decides.
  for (const [a, b] of ctx.dyads) {
    if (a === side) return b;
    if (b === side) return a;
  }
  return null;
}
