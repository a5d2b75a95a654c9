/**
 * Reads one article sentence by sentence into event drafts: trigger, roles, date, background,
 * place, casualties, claims and control of places. Merging happens afterwards.
 */
import { claimsOfSentence, colonClaims, quotationClaims, SpeakerMemory, verbalFrames } from './claims.js';
import type { ActorHit, ExtractContext, PlaceHit } from './context.js';
import { dateRole, isOldDate, pickDate } from './dating.js';
import { daysBetween } from '../model/calendar.js';
import type { CasualtyFill, Draft, TriggerHit } from './drafts.js';
import { listedWith } from './listed-places.js';
import { pickInherited, pickLocation, placeFill } from './locate.js';
import { findAttributions, type AttributionFrame } from './recognizers/attribution.js';
import { speechAttributions } from './recognizers/speech-attribution.js';
import { findCasualties, type CasualtyMention } from './recognizers/casualties.js';
import { casualtiesFromTokens, victimClass } from './recognizers/casualty-grammar.js';
import { assignRoles, COMPASS_PART } from './roles.js';
import { syntaxOf, type SentenceSyntax } from '../syntax/clauses.js';
import { isThirdPartyModifier } from '../syntax/phrase-actors.js';
import { roleLexicon } from '../syntax/role-lexicon.js';
import { opponentOf } from './merge-drafts.js';
import { isViolent } from './ceasefire.js';
import { bucketBySentence, type SentenceView } from './sentences.js';
import { namesWeapon, refersBack, unrealReading } from './trigger-sense.js';
import type { DateMention } from '../dates/find-dates.js';
import type { TextAnalysis, Token } from '../nlp/analyze-text.js';
import type { Claim, ControlClaim } from '../model/event.js';
import { isShoutedPlace } from '../packs/actor-matcher.js';

export interface SentenceFacts {
  readonly s: SentenceView;
  readonly actors: readonly ActorHit[];
  readonly places: readonly PlaceHit[];
  readonly dates: readonly DateMention[];
  readonly frames: readonly AttributionFrame[];
  readonly claims: readonly Claim[];
  readonly casualties: readonly CasualtyFill[];
  readonly triggers: readonly TriggerHit[];
  /** The sentence's tokens with POS tags and lemmas. */
  readonly tokens: readonly Token[];
  readonly control: readonly ControlClaim[];
  /** The sentence has a weak trigger ("the escalation", "the incident"). */
  readonly anaphor: boolean;
}

const freshRe = /\b(?:today|tonight|this (?:morning|evening|week)|yesterday|earlier today|hours ago|on (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\b/i;
const skipKinds = new Set(['title', 'caption', 'heading']);
/** Place kinds that are settlements (a scene of its own: a village, town or city). */
export const SETTLEMENT: ReadonlySet<string> = new Set(['village', 'town', 'city']);
const listGapRe = /^\s*(?:,\s*(?:and\s+)?|and\s+)(?:the\s+)?(?:(?:village|town|city|settlement)s?\s+(?:of\s+)?)?$/i;

/** Places a capture verb governs: the first one right after it and those listed with it ("X and Y"). */
function governedPlaces(text: string, places: readonly PlaceHit[], from: number, direction: 'after' | 'before'): PlaceHit[] {
  const out: PlaceHit[] = [];
  if (direction === 'after') {
    let cursor = from;
    for (const p of places.filter((x) => x.start >= from).sort((a, b) => a.start - b.start)) {
      const gap = text.slice(cursor, p.start);
      // A comma continues the list only when the list goes on ("X, Y and Z"), not before an apposition.
      const listed = listGapRe.test(gap) && (/\band\b/i.test(gap) || /^\s*(?:,|and\b)/i.test(text.slice(p.end, p.end + 6)));
      const ok = out.length === 0 ? /^\s*(?:the\s+)?(?:(?:village|town|city|settlement)s?\s+(?:of\s+)?)?$/i.test(gap) || (gap.length <= 25 && !/[,;]/.test(gap)) : listed;
      if (!ok) break;
      if (SETTLEMENT.has(p.kind)) out.push(p);
      cursor = p.end;
    }
  } else {
    let cursor = from;
    for (const p of places.filter((x) => x.end <= from).sort((a, b) => b.start - a.start)) {
      const gap = text.slice(p.end, cursor);
      const ok = out.length === 0 ? /^\s*(?:\w+\s+){0,3}$/.test(gap) && !/[,;]/.test(gap) : listGapRe.test(gap);
      if (!ok) break;
      if (SETTLEMENT.has(p.kind)) out.push(p);
      cursor = p.start;
    }
  }
  return out;
}

/** The last news (not background) violent draft so far: what a reference back points to. */
function lastViolent(drafts: readonly Draft[]): Draft | undefined {
  for (let k = drafts.length - 1; k >= 0; k--) if (!drafts[k]!.background && isViolent(drafts[k]!.event_type)) return drafts[k];
  return undefined;
}

/**
 * Whether offset `at` of a sentence lies inside a quotation opened in that sentence, told in the
 * words of someone who lived it ("First we heard two blasts", "they came to bomb the village"):
 * a pronoun of the speaker or of unnamed attackers. (An official's quotation that reports an
 * event, "A drone crashed into the plant," the governor said, is a report of its own.)
 */
function insideQuote(sentence: string, at: number): boolean {
  const before = sentence.slice(0, at);
  const straight = before.split('"').length - 1;
  const curly = Math.max(before.lastIndexOf('“'), before.lastIndexOf('«'));
  const opened = curly > Math.max(before.lastIndexOf('”'), before.lastIndexOf('»')) ? curly : straight % 2 === 1 ? before.lastIndexOf('"') : -1;
  if (opened < 0) return false;
  const close = /["”»]/.exec(sentence.slice(at));
  const quote = sentence.slice(opened + 1, close ? at + close.index : sentence.length);
  return /\b(?:I|we|us|our|my|me|they|them)\b/i.test(quote);
}

const ARMED_KINDS: ReadonlySet<string> = new Set(['armed-group', 'state-forces']);

/**
 * Whether a trigger tells an attack that was fended off: it opens with a verb of defence
 * ("repelled an attack", "thwarted the assault"), or such a verb governs it over at most a
 * determiner and modifiers ("foiled a major attack").
 */
function defendedAttack(t: TriggerHit, tokens: readonly Token[]): boolean {
  const defence = roleLexicon().defenceVerbs;
  const first = tokens.findIndex((k) => k.start >= t.start);
  if (first < 0) return false;
  const opens = tokens[first]!;
  // (the verb's object must be the attack noun: "suppress" and "counter" take other objects too)
  if (opens.pos === 'VERB' && defence.has(opens.lemma)) return tokens.some((k) => k.start > opens.start && k.end <= t.end && k.pos === 'NOUN');
  for (let k = first - 1; k >= 0 && k >= first - 4; k--) {
    const w = tokens[k]!;
    if (w.pos === 'VERB') return defence.has(w.lemma);
    if (!['DET', 'ADJ', 'NUM', 'ADV', 'PRON'].includes(w.pos) && w.lower !== 'off' && w.lower !== 'back') return false;
  }
  return false;
}

/** A violent word that refers back ("The explosion shattered the glass") is one more mention of that event. */
function noteReference(drafts: readonly Draft[], t: TriggerHit, s: SentenceView): void {
  const referred = isViolent(t.def.event_type) ? lastViolent(drafts) : undefined;
  if (referred) (referred.references ??= []).push({ trigger: t, sentence: s });
}

/**
 * A definite reference back ("the ambush", "the attack") whose sentence names a settlement the
 * referenced event lies in (same country, its place a district, region or country, or none): the
 * event took place there.
 */
function refinePlace(text: string, at: { readonly start: number; readonly end: number }, places: readonly PlaceHit[], drafts: Draft[], ctx: ExtractContext, sentenceStart: number): void {
  const target = lastViolent(drafts);
  if (!target) return;
  const fill = pickLocation(text, places.filter((p) => SETTLEMENT.has(p.kind) || p.kind === 'locality'), at.start, ctx, 'location/reference', at.end, sentenceStart);
  if (!fill || fill.cost > 1) return;
  const cur = target.location;
  if (cur && (cur.rank <= fill.rank || (cur.place.country && fill.place.country !== cur.place.country))) return;
  for (const d of drafts) if (d.trigger === target.trigger) d.location = fill;
}

const HAPPENED = /^\s*(?:It|This|That|The (?:incident|attack|assault|ambush|raid|strike|explosion|blast|clash|fighting))\s+(?:(?:had|has)\s+)?(?:took place|take place|taken place|happened|occurred|unfolded)\b/i;

// (a restrictive relative without its comma counts in the perfect progressive: "insurgent groups
// that have been battling for self-determination for decades")
const RELATIVE_PERFECT = /(?:,\s*(?:where|which|who)\s+(?:[\w'’-]+\s+){0,4}?(?:has|have)\s+(?:long\s+|already\s+|since\s+)?(?:been\s+)?|\b(?:that|which|who)\s+(?:has|have)\s+(?:long\s+|already\s+)?been\s+)$/i;

const BUILDING_OBJECT = /^\s+(?:(?:their|our|his|her|its|the|a|an|several|many|some|dozens of|scores of)\s+)?(?:[\w-]+\s+)?(?:homes?|houses?|buildings?|apartments?|flats?|shops?|stores?|mosques?|churches?|schools?|hospitals?|compounds?|rooms?)\b/i;

const SPEAKER_LOCATIVE = /\b(?:off|in|near|at|outside|inside|(?:north|south|east|west)(?:-?(?:east|west))?\s+of)\s+(?:the\s+)?(?:\p{Lu}[\p{L}-]*['’]s\s+)?(?:(?:port\s+)?(?:city|town|village|port)\s+of\s+)?$/iu;

/** A locative preposition (and a compass part) right before a name: "in southwest Niger" names a place, not its state. */
const PLACE_AFTER_PREPOSITION = new RegExp(String.raw`\b(?:in|into|inside|across|to|near|around|of|at|from|outside)\s+(?:the\s+)?${COMPASS_PART}$`, 'i');

function placesOutsideActors(places: readonly PlaceHit[], actors: readonly ActorHit[], frames: readonly AttributionFrame[], text: string): PlaceHit[] {
  return places.filter((p) => {
    // A place inside the speaker's phrase names the speaker, unless a locative preposition puts a
    // witness there ("a cargo ship off Yemen's Red Sea coast reported blasts"); authorities speak
    // from their seat ("the separatist authorities in Stepanakert said").
    const frame = frames.find((f) => p.start >= f.claimant.start && p.end <= f.claimant.end);
    if (frame && (!SPEAKER_LOCATIVE.test(text.slice(Math.max(0, p.start - 40), p.start)) || actors.some((a) => a.start >= frame.claimant.start && a.end <= frame.claimant.end))) return false;
    const asActor = actors.some((a) => a.start <= p.start && a.end >= p.end);
    if (!asActor) return true;
    return PLACE_AFTER_PREPOSITION.test(text.slice(Math.max(0, p.start - 30), p.start));
  });
}

function sideOfVictims(c: CasualtyMention, actors: readonly ActorHit[], ctx: ExtractContext): string | null {
  if (c.victim) {
    // An actor named inside the victims ("35 Viv Ansanm gangsters", "six officers of the national
    // police", "eight anti-balaka fighters").
    const v = c.victim;
    // "20 residents of a remote village in northeastern Nigeria": civilians, wherever they live.
    if (victimClass(v.text) === 'civilian') return 'CIV';
    // (Named: a capitalised word or acronym; "its soldiers" is left to the owner below.)
    const named = actors.find((a) => a.start >= v.start && a.end <= v.end && /\b[A-Z]/.test(a.surface) && a.entry.side && a.entry.kind !== 'media' && a.entry.kind !== 'person');
    if (named?.entry.side) return named.entry.side;
    for (const w of c.victim.text.split(/[\s/]+/)) {
      const side = /^[A-Z]/.test(w) ? ctx.sideOfAdjective(w) : null;
      if (side) return side;
    }
    if (/\b(?:its|their|his|her)\b/i.test(c.victim.text)) {
      const owner = [...actors].reverse().find((a) => a.end <= c.start);
      if (owner?.entry.side) return owner.entry.side;
    }
    if (victimClass(c.victim.text) === 'civilian') return 'CIV';
  }
  return null;
}

function controlClaims(s: SentenceView, places: readonly PlaceHit[], actors: readonly ActorHit[], ctx: ExtractContext, claimant: Claim | undefined): ControlClaim[] {
  const out: ControlClaim[] = [];
  const re = /\b(?:remained|remains|remain|stayed|stays|is|are|was|were)\s+(?:still\s+|in fact\s+)?(?:in the hands of|under the control of|controlled by|held by)\s+(?:the\s+)?([A-Z][\w-]+)/g;
  for (let m = re.exec(s.text); m; m = re.exec(s.text)) {
    const at = s.start + m.index;
    const place = [...places].reverse().find((p) => p.end <= at && at - p.end < 40 && SETTLEMENT.has(p.kind));
    const holderHit = actors.find((a) => a.start >= at && a.start <= at + m![0].length);
    const word = m[1]!;
    const side = holderHit?.entry.side ?? ctx.sideOfAdjective(word) ?? ctx.sideOfAdjective(word.replace(/s$/, ''));
    if (place) {
      out.push({ place: place.place.name, holder: side, claimant: claimant?.claimant ?? null, evidence: { start: s.start, end: s.end, text: s.text } });
    }
  }
  return out;
}

/**
 * Casualty figures of a sentence: the token grammar first; the character patterns add what it
 * did not read (a figure overlapping one already read is the same figure).
 */
function readCasualties(text: string, s: SentenceView, tokens: readonly Token[], lex: ExtractContext['lexicon'], dates: readonly DateMention[]): CasualtyMention[] {
  const fromPatterns = findCasualties(s.text, s.start, lex, dates);
  const fromTokens = casualtiesFromTokens(text, tokens, lex, dates, lex.aggregateRe.test(s.text));
  const extra = fromPatterns.filter((p) => !fromTokens.some((t) => t.start < p.end && p.start < t.end));
  return [...fromTokens, ...extra].sort((a, b) => a.start - b.start);
}

/** Collects the per-sentence facts of an article. */
export function readSentences(
  text: string,
  sentences: readonly SentenceView[],
  actors: readonly ActorHit[],
  places: readonly PlaceHit[],
  dates: readonly DateMention[],
  triggers: readonly TriggerHit[],
  ctx: ExtractContext,
  analysis: TextAnalysis,
): SentenceFacts[] {
  const lex = ctx.lexicon;
  const byActors = bucketBySentence(actors, sentences);
  const byPlaces = bucketBySentence(places, sentences);
  const byDates = bucketBySentence(dates, sentences);
  const byTriggers = bucketBySentence(triggers, sentences);
  const memory = new SpeakerMemory();
  const facts = sentences.map((s, i) => {
    const sActors = byActors[i] ?? [];
    const sDates = byDates[i] ?? [];
    const tokens = analysis.tokensIn(s.start, s.end);
    const patterned = verbalFrames(findAttributions(s.text, s.start, lex), tokens);
    const frames = [...patterned, ...speechAttributions(s, tokens, patterned, lex)].sort((a, b) => a.start - b.start);
    // Speakers named outside frames ("The Armenian Ministry of Defense" as a subject) are remembered too.
    for (const a of sActors) if (a.entry.kind === 'ministry' || a.entry.kind === 'person') memory.remember(a);
    memory.seePlaces((byPlaces[i] ?? []).flatMap((p) => (p.place.country ? [p.place.country] : [])));
    const claims = claimsOfSentence(s, frames, sActors, ctx, memory, tokens);
    memory.see(sActors.filter((a) => !isThirdPartyModifier(a, text, roleLexicon())));
    const casualties = readCasualties(text, s, tokens, lex, sDates).map((c) => ({ mention: c, side: sideOfVictims(c, sActors, ctx) }));
    const sPlaces = byPlaces[i] ?? [];
    const sTriggers = byTriggers[i] ?? [];
    return {
      s,
      actors: sActors,
      places: sPlaces,
      dates: sDates,
      frames,
      claims,
      casualties,
      triggers: sTriggers,
      tokens,
      control: controlClaims(s, sPlaces, sActors, ctx, claims[0]),
      anaphor: sTriggers.some((t) => t.def.weak),
    };
  });
  // Sentences inside a quotation closed by '..., the ministry said.' are claimed by that speaker.
  const inherited = quotationClaims(facts.map((f) => f.s), facts.map((f) => f.claims));
  const quoted = facts.map((f, i) => (inherited[i]!.length ? { ...f, claims: inherited[i]! } : f));
  // ... and those after "The ministry said:" by the speaker the colon introduces.
  const introduced = colonClaims(quoted.map((f) => f.s), quoted.map((f) => f.claims));
  return quoted.map((f, i) => (introduced[i]!.length ? { ...f, claims: introduced[i]! } : f));
}

/** Side of the claimant of sentence `i`, else of the nearest earlier sentence of its paragraph that has one. */
function speakerSideOf(facts: readonly SentenceFacts[], i: number): string | null {
  const para = facts[i]!.s.paragraph;
  // Whoever asserts the content speaks it; one who denies it ("dismissed as nonsense claims that...") does not.
  const sideAt = (j: number) => {
    const sided = facts[j]!.claims.filter((c) => c.claimant?.side);
    return (sided.find((c) => c.stance === 'asserts' || c.stance === 'confirms') ?? sided[0])?.claimant?.side ?? null;
  };
  for (let j = i; j >= 0 && facts[j]!.s.paragraph === para; j--) if (sideAt(j)) return sideAt(j);
  // "..., the ministry said." closing the paragraph.
  for (let j = i + 1; j < facts.length && facts[j]!.s.paragraph === para; j++) if (sideAt(j)) return sideAt(j);
  return null;
}

/** The sentence dates only the start of a period that began over a month before the article. */
function ongoingSince(text: string, dates: readonly DateMention[], reference: string | null): boolean {
  const dated = dates.filter((d) => d.date);
  if (!dated.length || !dated.every((d) => dateRole(text, d) === 'since')) return false;
  return reference !== null && dated.every((d) => Math.abs(daysBetween(d.date!, reference)) > 31);
}

/**
 * "Myanmar has been gripped by fighting since the army overthrew ...", "Sudan has been witnessing
 * deadly clashes ... since April 15": a state that has lasted since then, whatever the dates say.
 */
function ongoingClause(text: string, t: TriggerHit, s: SentenceView): boolean {
  const before = text.slice(Math.max(s.start, t.start - 60), t.start);
  const after = text.slice(t.end, Math.min(s.end, t.end + 100));
  return /\b(?:has|have|had)\s+been\b/i.test(before) && /\bsince\b/i.test(after) && !/[;.]/.test(after.slice(0, after.search(/\bsince\b/i)));
}

/**
 * "Israeli forces are battling militants in central Gaza", "the army is fighting the RSF": a
 * body clause in the present progressive whose sentence names no day at all (not even the day a
 * source spoke: "troops are shelling X, officials said on Monday" is a live report) tells a state of war, not a
 * happening (headlines, written in the present, are news; so is a protest still going on).
 */
function presentProgressive(tokens: readonly Token[], t: TriggerHit, kind: string, causative: ReadonlySet<string>): boolean {
  // "the delimitation has sparked angry protests": an event noun that a cause in the present
  // perfect has brought about is a development, not a happening of a day (protests too)
  const at = tokens.findIndex((w) => w.start >= t.start);
  for (let j = at - 1; j >= 1 && j >= at - 4; j--) {
    const w = tokens[j]!;
    if (causative.has(w.lemma) && /^(?:has|have)$/.test(tokens[j - 1]!.lower)) return kind !== 'title' && kind !== 'heading';
    if (w.pos !== 'ADJ' && w.pos !== 'DET' && w.pos !== 'ADV') break;
  }
  // (a protest still going on is news of the day: ACLED codes each day of it)
  if (kind === 'title' || kind === 'heading' || (t.def.event_type !== 'Battles' && t.def.event_type !== 'Explosions/Remote violence')) return false;
  const k = tokens.findIndex((w) => w.start >= t.start);
  const head = tokens[k];
  // "the group's military wing continues missile and drone attacks", "Russia continues to shell
  // the city": the present of "continue" tells a campaign going on, not a happening of a day
  const goingOn = (w: Token) => w.lower === 'continue' || w.lower === 'continues';
  if (head && goingOn(head)) return true;
  for (let j = k - 1; j >= 0 && j >= k - 3; j--) {
    const w = tokens[j]!;
    if (goingOn(w)) return true;
    if (w.lower !== 'to' && w.pos !== 'ADV' && w.pos !== 'DET' && w.pos !== 'ADJ') break;
  }
  if (!head || head.pos !== 'VERB' || !/ing$/.test(head.lower)) return false;
  for (let j = k - 1; j >= 0 && j >= k - 3; j--) {
    const w = tokens[j]!;
    if (/^(?:is|are|am|'s|’s|'re|’re)$/.test(w.lower)) return true;
    if (w.pos !== 'ADV') return false;
  }
  return false;
}

/** Decides, paragraph by paragraph, which paragraphs tell history (all their dates are old). */
function historyParagraphs(facts: readonly SentenceFacts[], text: string, reference: string | null): Map<number, boolean> {
  const state = new Map<number, boolean>();
  const byPara = new Map<number, SentenceFacts[]>();
  for (const f of facts) {
    const list = byPara.get(f.s.paragraph) ?? [];
    list.push(f);
    byPara.set(f.s.paragraph, list);
  }
  let previous = false;
  for (const [p, list] of [...byPara.entries()].sort((a, b) => a[0] - b[0])) {
    if (list.every((f) => skipKinds.has(f.s.kind))) continue;
    const usable = list.flatMap((f) => f.dates).filter((d) => d.date && dateRole(text, d) === 'event');
    let history: boolean;
    if (usable.length) {
      history = usable.every((d) => isOldDate({ date: d.date, date_end: d.dateEnd, precision: d.precision === 'decade' ? 'year' : d.precision, source: 'text', span: null, rule: '' }, reference));
    } else {
      history = previous && !list.some((f) => freshRe.test(f.s.text));
    }
    state.set(p, history);
    previous = history;
  }
  return state;
}

/** The latest date the text writes with its year (not relative, not a period's "since"). */
function latestWrittenDay(facts: readonly SentenceFacts[]): string | null {
  let latest: string | null = null;
  for (const f of facts) {
    for (const d of f.dates) {
      if (!d.yearGiven || d.relative || !d.date) continue;
      const last = d.dateEnd ?? d.date;
      if (!latest || last > latest) latest = last;
    }
  }
  return latest;
}

/** Builds the event drafts of an article from its sentence facts. */
export function buildDrafts(text: string, facts: readonly SentenceFacts[], reference: string | null, ctx: ExtractContext): Draft[] {
  const lex = ctx.lexicon;
  // Without a publication date, the latest day the text writes in full stands in for it when
  // telling history from news ("in 1992" in a text that also writes 12 September 2020).
  const horizon = reference ?? latestWrittenDay(facts);
  const history = historyParagraphs(facts, text, horizon);
  const drafts: Draft[] = [];
  let previousTopic: ActorHit | null = null;
  // Actors of the earlier sentences, for "it", "the group", "its forces" (coreference).
  const recent: ActorHit[] = [];
  const topics: ActorHit[] = [];
  // How often the article has named places in each country so far.
  const placeCounts = new Map<string, number>();
  let mainCountry: string | null = null;
  facts.forEach((f, i) => {
    let syn: SentenceSyntax | null = null;
    const topic = f.actors.find((a) => a.entry.kind !== 'media') ?? null;
    if (skipKinds.has(f.s.kind)) return;
    const paraDatesBefore = facts
      .slice(0, i)
      .filter((g) => g.s.paragraph === f.s.paragraph)
      .flatMap((g) => g.dates);
    const locatable = placesOutsideActors(f.places, f.actors, f.frames, text);
    const armedContext = f.actors.some((a) => ['state-forces', 'armed-group', 'peacekeepers'].includes(a.entry.kind)) || lex.militaryRe.test(f.s.text) || namesWeapon(f.tokens);
    // "It took place on the outskirts of Marka": where the event just told happened.
    const happened = f.triggers.length === 0 ? HAPPENED.exec(f.s.text) : null;
    if (happened) {
      const at = f.s.start + happened.index + happened[0].length;
      refinePlace(text, { start: at, end: at }, locatable, drafts, ctx, f.s.start);
    }
    for (const t of f.triggers) {
      if (t.def.weak) continue;
      // A capture verb with a village as its object is military whoever the subject ("captured by Azerbaijan").
      const takesSettlement = t.def.territory === 'gain' && locatable.some((p) => SETTLEMENT.has(p.kind) && Math.abs(p.start - t.end) < 60);
      // "A Russian strike against the city", "Israeli strikes": a state's adjective before the event noun arms it
      const statePremodifier = t.def.armed && !armedContext && (() => {
        const m = /([A-Z][\w-]+)\s+$/.exec(text.slice(Math.max(f.s.start, t.start - 30), t.start));
        const entry = m ? ctx.actorOfAdjective(m[1]!) : null;
        return entry !== null && entry !== undefined && (entry.kind === 'state-forces' || entry.kind === 'armed-group' || entry.kind === 'government');
      })();
      if (t.def.armed && !armedContext && !takesSettlement && !statePremodifier) {
        // (still a mention of the violent event it refers back to: "The explosion shattered the glass")
        if (refersBack(t, f.dates.length > 0, drafts, f.tokens)) noteReference(drafts, t, f.s);
        continue;
      }
      // "fighters entered their homes": a capture verb whose object is a building takes no territory
      if (t.def.territory === 'gain' && BUILDING_OBJECT.test(text.slice(t.end, t.end + 40))) continue;
      // Negated, modal, conditional, exercise, sport; a definite reference back (trigger-sense.ts).
      const unreal = unrealReading(t, f.tokens, armedContext);
      if (unreal && unreal !== 'sense/reference' && unreal !== 'sense/time-frame') continue;
      if (unreal || refersBack(t, f.dates.length > 0, drafts, f.tokens)) {
        // "The ambush occurred near Douentza": a reference back may say more precisely where.
        if (unreal !== 'sense/time-frame') refinePlace(text, t, locatable, drafts, ctx, f.s.start);
        // ...and is one more mention of the event it refers to (evidence for the dossier)
        noteReference(drafts, t, f.s);
        continue;
      }
      // A witness's words ("First we heard two blasts at the base," he said) that name neither a
      // day nor a place of their own retell the event already reported: one more mention of it.
      if (isViolent(t.def.event_type) && !f.dates.length && !locatable.length && insideQuote(f.s.text, t.start - f.s.start) && lastViolent(drafts)) {
        noteReference(drafts, t, f.s);
        continue;
      }
      syn ??= syntaxOf(f.tokens);
      const civilianCountry = locatable.find((p) => p.place.country)?.place.country ?? null;
      const speakerSide = speakerSideOf(facts, i);
      let roles = assignRoles(f.s, t.start, t.end, f.actors, f.frames, ctx, previousTopic, lex.targetNounRe, {
        syn, recent, topics, civilianCountry, placeCountry: civilianCountry ?? mainCountry, speakerSide,
        remote: t.def.event_type === 'Explosions/Remote violence', settlements: locatable.filter((p) => SETTLEMENT.has(p.kind)),
        victimSide: f.casualties.find((c) => c.side && c.side !== 'CIV')?.side ?? null,
        victims: f.casualties.flatMap((c) => (c.mention.victim ? [c.mention.victim] : [])),
        peopleHit: f.casualties.some((c) => c.mention.count > 0 && c.mention.victim !== null && victimClass(c.mention.victim.text) !== null),
      });
      // A belligerent's word that its enemy acted is an accusation, whatever the verb ("said that
      // the separatists attacked first"): it counts for actor1 only when nothing neutral does.
      const agentSide = roles.agent?.hit.entry.side;
      if (roles.agent && agentSide && f.claims.some((c) => c.claimant?.side && opponentOf(agentSide, ctx) === c.claimant.side)) {
        roles = { ...roles, agent: { ...roles.agent, accused: true } };
      }
      // "Troops repelled an attack by ISWAP fighters on their base": who defends was attacked;
      // the attack's own agent, an armed party named after it, attacked.
      if (defendedAttack(t, f.tokens)) {
        const by = roles.target && ARMED_KINDS.has(roles.target.hit.entry.kind) ? roles.target : null;
        roles = {
          agent: by ? { ...by, rule: `${by.rule}+defence` } : null,
          target: roles.agent ? { ...roles.agent, accused: false, rule: `${roles.agent.rule}+defence` } : roles.target && !by ? roles.target : null,
        };
      }
      // "Baku claims that the town has been captured": a side that announces a capture with no
      // captor named claims its own gain.
      if (!roles.agent && !roles.target && t.def.territory === 'gain') {
        const claim = f.claims.find((c) => (c.stance === 'asserts' || c.stance === 'confirms') && c.claimant?.side && c.claimant.span && c.claimant.span.end <= t.start);
        const entry = claim?.claimant?.side ? ctx.forcesOfSide(claim.claimant.side) : null;
        if (entry && claim?.claimant?.span) roles = { ...roles, agent: { hit: { start: claim.claimant.span.start, end: claim.claimant.span.end, surface: claim.claimant.span.text, entry }, weight: 0.5, accused: false, rule: 'roles/claimed-gain' } };
      }
      // "The fighting at X began on Sunday and lasted hours before the insurgents overpowered the
      // troops": a clash whose own clause names no party is between the two sides its sentence
      // pits against each other (the first named first), when there are exactly two.
      if (!roles.agent && !roles.target && t.def.event_type === 'Battles') {
        const parties = f.actors.filter((a) => a.entry.side && a.entry.kind !== 'media' && a.entry.kind !== 'person' && !isShoutedPlace(a) && !f.frames.some((fr) => a.start >= fr.start && a.end <= fr.end));
        const sides = [...new Set(parties.map((a) => a.entry.side))];
        if (sides.length === 2 && !sides.includes('CIV')) {
          const first = parties[0]!;
          const second = parties.find((a) => a.entry.side !== first.entry.side)!;
          roles = { agent: { hit: first, weight: 0.5, accused: false, rule: 'roles/sentence-parties' }, target: { hit: second, weight: 0.5, accused: false, rule: 'roles/sentence-parties' } };
        }
      }
      // "Artsakh authorities declared mobilization": for a decision, the speaker is the actor.
      if (!roles.agent && !isViolent(t.def.event_type)) {
        const speaker = [...f.actors].reverse().find((a) => a.end <= t.start && a.entry.kind !== 'media' && !isShoutedPlace(a));
        if (speaker) roles = { ...roles, agent: { hit: speaker, weight: 1, accused: false, rule: 'roles/speaker-decides' } };
      }
      // "Two civilians were killed." after a report of shelling: the toll of that event, not a new attack.
      // (anywhere in the article when the sentence names neither a day nor a place of its own:
      // "residents insisted that only civilians were killed")
      if (t.def.id === 'vac/attack' && !roles.agent && drafts.some((d) => isViolent(d.event_type) && !d.background && (d.sentence.paragraph >= f.s.paragraph - 1 || (!f.dates.length && !locatable.length)))) continue;
      if (!roles.agent && !isViolent(t.def.event_type)) {
        for (const w of f.s.text.slice(0, t.start - f.s.start).matchAll(/[A-Za-z][\w-]+/g)) {
          const entry = ctx.actorOfAdjective(w[0]);
          if (entry) {
            const start = f.s.start + (w.index ?? 0);
            roles = { ...roles, agent: { hit: { start, end: start + w[0].length, surface: w[0], entry }, weight: 0.5, accused: false, rule: 'roles/adjective-subject' } };
            break;
          }
        }
      }
      const date = pickDate(text, f.dates, paraDatesBefore, t.start, reference);
      const rules = [`extract/${t.def.id}`, date.rule, ...((t as { notes?: readonly string[] }).notes ?? [])];
      let background = false;
      if (isOldDate(date, horizon)) {
        background = true;
        rules.push('background/old-date');
      } else if (date.rule !== 'dates/sentence' && date.rule !== 'dates/speech' && history.get(f.s.paragraph)) {
        // (a sentence whose source spoke on a day of the news, "rebels seized X, officials said on
        // Monday", is news beside a recalled year)
        background = true;
        rules.push('background/history-paragraph');
      } else if (date.rule !== 'dates/sentence' && (ongoingSince(text, f.dates, reference) || ongoingClause(text, t, f.s) || (!f.dates.length && presentProgressive(f.tokens, t, f.s.kind, lex.causativeVerbs)))) {
        // "The army and the RSF have been fighting a war since April 2023": a state of war, not a
        // happening of the day.
        background = true;
        rules.push('background/ongoing-since');
      }
      // "the Abu Shouk camp, where the RSF has overrun ...", "M23, which has seized swathes of
      // territory": a relative clause in the perfect describes a state of affairs, not the news.
      const relative = RELATIVE_PERFECT.exec(text.slice(Math.max(f.s.start, t.start - 50), t.start));
      const relStart = relative ? Math.max(f.s.start, t.start - 50) + relative.index : -1;
      // (unless the clause dates what it tells: "..., which has been shelled since Monday")
      if (relative && !f.dates.some((d) => d.start > relStart)) {
        background = true;
        rules.push('background/relative-perfect');
      }
      const window = text.slice(Math.max(f.s.start, t.start - 60), Math.min(f.s.end, t.end + 30));
      // (a clause dated to its day tells that day's happening, however repeated: "On May 30,
      // from 11:55 to 16:25, ... periodically subjected to fire the positions")
      if (lex.habitualRe.test(window) && !(date.rule === 'dates/sentence' && date.precision === 'day')) {
        background = true;
        rules.push('background/habitual');
      }
      if (/\b(?:war|conflict)\b/i.test(f.s.text) && lex.aggregateRe.test(f.s.text) && !f.dates.some((d) => d.relative)) {
        background = true;
        rules.push('background/aggregate');
      }
      if (!background && date.date && horizon) {
        const last = date.date_end ?? (date.precision === 'month' ? `${date.date.slice(0, 7)}-31` : date.date);
        const key = ctx.keyEvents.find((k) => daysBetween(date.date!, k.date) >= -1 && daysBetween(k.date, last) >= -1 && daysBetween(k.date, horizon) > 7);
        if (key) {
          background = true;
          rules.push(`background/key-event:${key.id}`);
        }
      }
      let sub = t.def.sub_event_type;
      if (t.def.territory === 'gain') {
        const inter = roles.agent?.hit.entry.inter;
        sub = inter === 1 || roles.agent?.hit.entry.kind === 'state-forces' || roles.agent?.hit.entry.kind === 'government'
          ? 'Government regains territory'
          : inter && inter >= 2 && inter <= 4 ? 'Non-state actor overtakes territory' : 'Armed clash';
      }
      const prev = facts[i - 1];
      const location =
        pickLocation(text, locatable, t.start, ctx, 'location/sentence', t.end, f.s.start) ??
        (prev && prev.s.paragraph === f.s.paragraph && !skipKinds.has(prev.s.kind)
          ? pickInherited(text, placesOutsideActors(prev.places, prev.actors, prev.frames, text), prev.s.start, prev.s.end, f.s.text, ctx)
          : null);
      const control: ControlClaim[] = [...f.control];
      if (t.def.territory === 'gain' && roles.agent?.hit.entry.side) {
        // "entered Khtsaberd", "captured X and Y" (places after), "X and Y were captured by Z" (before).
        const governed = governedPlaces(text, locatable, t.end, 'after');
        if (/^roles\/(?:syntax\/)?passive-by$/.test(roles.agent.rule)) governed.push(...governedPlaces(text, locatable, t.start, 'before'));
        for (const p of governed) {
          control.push({ place: p.place.name, holder: roles.agent.hit.entry.side, claimant: f.claims[0]?.claimant ?? null, evidence: { start: f.s.start, end: f.s.end, text: f.s.text } });
        }
      }
      const draft: Draft = {
        sentence: f.s,
        trigger: t,
        event_type: t.def.event_type,
        sub_event_type: sub,
        agent: roles.agent,
        target: roles.target,
        date,
        background,
        rules,
        location,
        casualties: f.casualties.filter((c) => !c.mention.aggregate).slice(),
        claims: f.claims.slice(),
        violation: t.def.violation || /\bviolat\w*\b[^.]{0,40}\b(?:ceasefire|truce|cease-fire)\b|\b(?:ceasefire|truce)\b[^.]{0,20}\bviolat/i.test(f.s.text),
        control,
      };
      drafts.push(draft);
      // "Drones struck Vardenis, Mets Masrik and Sotk": one event per listed settlement (ACLED
      // codes one event per location); the figures stay with the first.
      // Not the goal of a movement ("advancing in the direction of X and Y" is one advance).
      if (location && isViolent(draft.event_type) && !/\b(?:direction|towards?|toward)\b/i.test(text.slice(t.start, location.hit.start))) {
        for (const other of listedWith(text, location.hit, locatable)) {
          drafts.push({ ...draft, location: placeFill(text, other, ctx, 'location/listed'), rules: [...rules, 'split/listed-places'], casualties: [], claims: draft.claims.slice(), control: draft.control.slice() });
        }
      }
    }
    if (topic) previousTopic = topic;
    const named = f.actors.filter((a) => a.entry.kind !== 'media' && !isThirdPartyModifier(a, text, roleLexicon()));
    recent.push(...named);
    for (const p of f.places) {
      const c = p.place.country;
      if (!c) continue;
      placeCounts.set(c, (placeCounts.get(c) ?? 0) + 1);
      if (!mainCountry || placeCounts.get(c)! >= placeCounts.get(mainCountry)!) mainCountry = c;
    }
    if (named[0]) topics.push(named[0]);
  });
  return drafts;
}
