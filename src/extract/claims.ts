/**
 * Turns attribution frames into claims: resolves the claimant phrase to an actor ("the ministry"
 * and "we" to the last ministry or speaker named), decides hedging, and finds the accused side.
 */
import type { ActorHit, ExtractContext } from './context.js';
import type { AttributionFrame } from './recognizers/attribution.js';
import type { SentenceView } from './sentences.js';
import type { Actor, Claim } from '../model/event.js';
import { toActor } from '../packs/actor-matcher.js';
import { isShoutedPlace } from '../packs/actor-matcher.js';
import type { Token } from '../nlp/analyze-text.js';
import { syntaxOf, type NounPhrase, type SentenceSyntax } from '../syntax/clauses.js';
import { actorOfPhrase, isThirdPartyModifier } from '../syntax/phrase-actors.js';
import { roleLexicon } from '../syntax/role-lexicon.js';

/** A claimant phrase that names a person who speaks for an institution ("the army spokesman Colonel X", "Y, the minister"). */
const personTitleRe = /\b(?:spokes(?:man|woman|person)|minister|president|premier|commander|colonel|general|major|captain|lieutenant|official|head|chief|mayor|governor|ambassador|envoy|adviser|advisor|aide|secretary|director|prosecutor|representative|ombudsman|defender)\b/i;
const anaphoricClaimantRe = /^(?:the\s+)?(?:ministry|department|statement|report|agency|office|presidency|government|side|officials?|spokes(?:man|woman|person)|we|they|it|he|she)$/i;
/** "Anees al-Asbahi, a spokesman for the health ministry": the apposition names whom the speaker speaks for. */
const appositionRe = /^\s*,\s*(?:an?|the)\s+(?:[\w-]+\s+){0,3}?(?:spokes(?:man|woman|person)|official|head|chief|minister|commander|director|adviser|advisor|aide|representative|member|leader|secretary|envoy|ambassador|governor|mayor|prosecutor)\s+(?:for|of|at|with|in|to)\s+/i;

/** Keeps track of who spoke last, to resolve "the ministry said" and "we", and of every actor named so far. */
export class SpeakerMemory {
  private last: ActorHit | null = null;
  private lastPerson: ActorHit | null = null;
  private readonly seen: ActorHit[] = [];
  /** `person`: the speaker is a person speaking for `hit` ("the army's spokesman Colonel X"). */
  remember(hit: ActorHit, person = false): void {
    if (hit.entry.kind !== 'media' || !this.last) this.last = hit;
    if (hit.entry.kind === 'person' || person) this.lastPerson = hit;
  }
  private readonly names = new Map<string, ActorHit>();
  /** Records the capitalised words of a speaker's name with whom the speaker speaks for ("Houthi spokesman Yahya Saree"). */
  rememberName(phrase: string, hit: ActorHit): void {
    for (const m of phrase.matchAll(/\b\p{Lu}[\p{L}'’-]{3,}/gu)) this.names.set(m[0], hit);
  }
  /** Whom a speaker named again by surname only ("Saree said") speaks for. */
  recallName(phrase: string): ActorHit | null {
    const words = phrase.replace(/^the\s+/i, '').split(/\s+/);
    if (words.length > 3 || !words.every((w) => /^\p{Lu}/u.test(w))) return null;
    return this.names.get(words[words.length - 1]!) ?? null;
  }
  /** The last speaker; for "he" and "she", the last person who spoke (never an institution). */
  recall(pronoun = ''): ActorHit | null {
    return /^(?:he|she)$/i.test(pronoun) ? this.lastPerson : this.last;
  }
  /** Records the actors of a sentence once it is read (for "the group said", "the army said"). */
  see(hits: readonly ActorHit[]): void {
    for (const h of hits) if (h.entry.kind !== 'media') this.seen.push(h);
  }
  recent(): readonly ActorHit[] {
    return this.seen;
  }
  private readonly placeCounts = new Map<string, number>();
  private placeCountry: string | null = null;
  /** Records the countries of the places a sentence names (for "the military said" with no antecedent). */
  seePlaces(countries: readonly string[]): void {
    for (const c of countries) {
      const n = (this.placeCounts.get(c) ?? 0) + 1;
      this.placeCounts.set(c, n);
      if (!this.placeCountry || n >= (this.placeCounts.get(this.placeCountry) ?? 0)) this.placeCountry = c;
    }
  }
  /** The country the article has named places in most often so far. */
  mainPlaceCountry(): string | null {
    return this.placeCountry;
  }
}

/** Claimants named as the by-agent of a passive speech verb inside or right after the frame. */
function passiveClaimants(frame: AttributionFrame, s: SentenceView, actors: readonly ActorHit[], ctx: ExtractContext, memory: SpeakerMemory, syn: SentenceSyntax): Actor[] {
  const lex = roleLexicon();
  for (const vg of syn.verbs) {
    if (vg.voice !== 'passive' || !lex.speechVerbs.has(vg.lemma)) continue;
    const vStart = syn.tokens[vg.first]!.start;
    if (vStart < frame.start || vStart > frame.end + 20) continue;
    if (syn.tokens[vg.last + 1]?.lower !== 'by') continue;
    // The phrases after "by" ("by the outlawed Tehreek-i-Taliban Pakistan (TTP)": the tagger may split them).
    const env = { speaker: null, recent: [...memory.recent()], civilianCountry: null, placeCountry: memory.mainPlaceCountry() };
    for (const by of syn.nps.filter((np) => np.first > vg.last + 1 && np.first <= vg.last + 8).slice(0, 3)) {
      const r = actorOfPhrase(by, syn, actors, ctx, lex, env);
      if (r && r.via !== 'civilians') return [toActor(r.hit.entry, { start: by.start, end: by.end, surface: s.text.slice(by.start - s.start, by.end - s.start) })];
    }
  }
  return [];
}

/** The noun phrases lying in `[start, end)` (the claimant phrase), in order. */
function phrasesIn(syn: SentenceSyntax, start: number, end: number): NounPhrase[] {
  return syn.nps.filter((np) => np.start >= start && np.end <= end);
}

/** A claimant through the clause analysis: coreference ("the group", "the army"), owners ("the Hamas-run ministry"), appositions. */
function claimantBySyntax(frame: AttributionFrame, s: SentenceView, actors: readonly ActorHit[], ctx: ExtractContext, memory: SpeakerMemory, syn: SentenceSyntax): Actor[] {
  const lex = roleLexicon();
  const before = actors.filter((a) => a.end <= frame.claimant.start && a.entry.kind !== 'media');
  const env = { speaker: null, recent: [...memory.recent(), ...before], civilianCountry: null, placeCountry: memory.mainPlaceCountry() };
  const out: Actor[] = [];
  const add = (hit: ActorHit, span: { start: number; end: number; text: string }) => {
    if (!out.some((a) => a.side === hit.entry.side && a.name === hit.entry.name)) out.push(toActor(hit.entry, { start: span.start, end: span.end, surface: span.text }));
  };
  for (const np of phrasesIn(syn, frame.claimant.start, frame.claimant.end)) {
    if (np.prep && np.prep !== 'of' && np.prep !== 'for') continue;
    const r = actorOfPhrase(np, syn, actors, ctx, lex, env);
    if (r && r.via !== 'civilians') add(r.hit, { start: np.start, end: np.end, text: s.text.slice(np.start - s.start, np.end - s.start) });
  }
  if (out.length) return out;
  // "Anees al-Asbahi, a spokesman for the Houthi-run health ministry, said".
  const rest = s.text.slice(frame.claimant.end - s.start);
  const app = appositionRe.exec(rest);
  if (app) {
    const from = frame.claimant.end + app[0].length;
    const np = syn.nps.find((p) => p.start >= from && p.start <= from + 2);
    if (np) {
      const r = actorOfPhrase(np, syn, actors, ctx, lex, env);
      if (r && r.via !== 'civilians' && r.via !== 'place-country') add(r.hit, { start: np.start, end: np.end, text: s.text.slice(np.start - s.start, np.end - s.start) });
    }
  }
  return out;
}

/** Words of an office or a civil institution ("mayor", "governor", "administration", "police"). */
const officeRe = /\b(?:mayor|governor|head|chief|spokes(?:man|woman|person)|official|officials|administration|council|authorities|police|prosecutor|ombudsman|minister|ministry|emergency service|emergencies service|rescuers)\b/i;

/** The side the first capitalised demonym or name of a phrase stands for ("pro-Armenian", "Ukraine's"), or null. */
function sideOfWords(phrase: string, ctx: ExtractContext): string | null {
  for (const word of phrase.split(/[\s/]+/)) {
    const bare = word.replace(/^pro-/i, '').replace(/['’]s$/, '');
    const side = /^[A-Z]/.test(bare) ? ctx.sideOfAdjective(bare) : null;
    if (side) return side;
  }
  return null;
}

/** Words of a local office, which speaks for the state governing the place it is about ("the regional governor"). */
const localOfficeRe = /\b(?:mayor|governor|regional|provincial|district|municipal|city|local|oblast|prefect|state administration|military administration)\b/i;

/**
 * The government of the state whose people or place an office phrase names, as the claimant; for
 * a local office that names neither ("the head of the regional military administration"), the
 * state of the place its sentence names.
 */
function officeOf(phrase: string, frame: AttributionFrame, ctx: ExtractContext, s: SentenceView | null = null): Actor | null {
  if (!officeRe.test(phrase)) return null;
  const local = () => (s && localOfficeRe.test(phrase) ? ctx.findPlaces(s.text).find((p) => p.place.country)?.place.country ?? null : null);
  const country = sideOfWords(phrase, ctx) ?? ctx.findPlaces(phrase).find((p) => p.place.country)?.place.country ?? local();
  const gov = country ? ctx.governmentOf(country) : null;
  return gov ? toActor(gov, { start: frame.claimant.start, end: frame.claimant.end, surface: phrase }) : null;
}

/**
 * Resolves the claimant phrase of a frame to actors: the actors it names ("Armenia and Azerbaijan
 * accused each other" gives both), else through the clause analysis, else as before.
 */
export function resolveClaimants(
  frame: AttributionFrame,
  actors: readonly ActorHit[],
  ctx: ExtractContext,
  memory: SpeakerMemory,
  s: SentenceView | null = null,
  syn: SentenceSyntax | null = null,
): Actor[] {
  // "the Iran-backed group said": the backer is not the speaker.
  const modifier = (a: ActorHit) => s !== null && isThirdPartyModifier(a, s.text, roleLexicon(), s.start);
  const inside = actors.filter((a) => a.start >= frame.claimant.start && a.end <= frame.claimant.end && !modifier(a));
  actors = actors.filter((a) => !modifier(a));
  // "Armenia and the breakaway region rejected the accusations": a conjunct before the claimant
  // phrase speaks too.
  const conjunct = s ? actors.filter((a) => a.end <= frame.claimant.start && a.entry.kind !== 'media' && /^\s*(?:,\s*)?(?:and|as well as)\s+$/i.test(s.text.slice(a.end - s.start, frame.claimant.start - s.start))).pop() : undefined;
  if (conjunct && !inside.some((h) => h.entry.side === conjunct.entry.side)) {
    const own = resolveClaimants(frame, inside, ctx, memory, s, syn).filter((c) => c.side !== conjunct.entry.side);
    memory.remember(conjunct);
    return [toActor(conjunct.entry, conjunct), ...own];
  }
  const hit = inside[inside.length - 1];
  if (hit && /\band\b/i.test(frame.claimant.text) && inside.length > 1) {
    // "Armenia and Azerbaijan accused each other", "Both the army and the M23 said".
    const sides = new Map<string, ActorHit>();
    for (const h of inside) if (h.entry.kind !== 'media') sides.set(h.entry.side ?? h.entry.name, h);
    if (sides.size > 1) {
      memory.remember(hit);
      return [...sides.values()].map((h) => toActor(h.entry, h));
    }
  }
  if (!hit && s && syn && !/^(?:who|which|for its part|its part|for their part)\b/i.test(frame.claimant.text.trim()) && frame.claimant.text.trim()) {
    const phrase = frame.claimant.text.trim();
    // A bare pronoun or "the ministry" keeps to the last speaker; "the group", "the army", owners and appositions go through syntax.
    // "the mayor of the second largest Ukrainian city", "the head of the Kharkiv Regional State
    // Administration": an office of a named people or place speaks for that state's government.
    // ("the head of the regional military administration, Ivan Fedorov, said": the title before the name)
    const title = appositiveTitle(frame, s);
    const office = officeOf(phrase, frame, ctx, s) ?? (title ? officeOf(title, frame, ctx, s) : null);
    if (office) return [office];
    if (!anaphoricClaimantRe.test(phrase) || !memory.recall(phrase)) {
      const found = claimantBySyntax(frame, s, actors, ctx, memory, syn);
      if (found.length) return found;
    }
  }
  const one = resolveClaimant(frame, actors, ctx, memory);
  return one ? [one] : [];
}

/**
 * The title a named speaker is given in apposition before the name ("the head of the regional
 * administration, Ivan Fedorov, said"): the noun phrase between the clause's last comma (or its
 * start) and the comma before the name, when the claimant is a bare name.
 */
function appositiveTitle(frame: AttributionFrame, s: SentenceView): string | null {
  if (!/^(?:[A-Z][\p{L}'’.-]*\s?){2,4}$/u.test(frame.claimant.text.trim())) return null;
  const before = s.text.slice(0, frame.claimant.start - s.start);
  const m = /(?:^|[,;:]\s*)((?:the|a|an)\s[^,;:]{3,90}?),\s*$/i.exec(before);
  return m ? m[1]! : null;
}

/** Resolves the claimant phrase of a frame to an actor hit, or a side-only actor, or null. */
export function resolveClaimant(
  frame: AttributionFrame,
  actors: readonly ActorHit[],
  ctx: ExtractContext,
  memory: SpeakerMemory,
): Actor | null {
  const inside = actors.filter((a) => a.start >= frame.claimant.start && a.end <= frame.claimant.end);
  const hit = inside[inside.length - 1];
  if (hit) {
    memory.remember(hit, personTitleRe.test(frame.claimant.text) || /[A-Z][a-z]+\s+[A-Z][a-z]+$/.test(frame.claimant.text.slice(hit.end - frame.claimant.start)));
    if (hit.entry.kind !== 'media') memory.rememberName(frame.claimant.text, hit);
    return toActor(hit.entry, hit);
  }
  // "Saree said": a speaker named earlier in full ("Houthi military spokesman Yahya Saree").
  const named = memory.recallName(frame.claimant.text.trim());
  if (named) return toActor(named.entry, { start: frame.claimant.start, end: frame.claimant.end, surface: frame.claimant.text.trim() });
  const phrase = frame.claimant.text.trim();
  // "The separatists, who have held the enclave since 1994, announced": the subject before the clause.
  if (/^(?:who|which|for its part|its part|for their part)\b/i.test(phrase) || !phrase) {
    const subject = [...actors].reverse().find((a) => a.end <= frame.claimant.start && a.entry.kind !== 'media' && !isShoutedPlace(a));
    if (subject) {
      memory.remember(subject);
      return toActor(subject.entry, subject);
    }
  }
  if (anaphoricClaimantRe.test(phrase)) {
    const last = memory.recall(phrase);
    if (last) return toActor(last.entry, { start: frame.claimant.start, end: frame.claimant.end, surface: phrase });
  }
  // "Armenian sources", "pro-Armenian sources", "Azerbaijani officials": a side by its adjective.
  const side = sideOfWords(phrase, ctx);
  if (side) return { name: phrase.replace(/^the\s+/i, ''), side, country: null, inter: null, source_text: phrase, span: { ...frame.claimant } };
  // A name the packs do not know ("Reuters", "Human Rights Watch"): every word capitalised, and
  // not a sentence opening such as "This is" or "Situation in the area".
  if (/^(?:the\s+)?(?:[A-Z][\w’'&.-]*\s?){1,5}$/.test(phrase) && !/^(?:This|That|It|There|These|Those|They|We|He|She|I)\b/.test(phrase)) {
    return { name: phrase.replace(/^the\s+/i, ''), side: null, country: null, inter: null, source_text: phrase, span: { ...frame.claimant } };
  }
  return null;
}

/** Claims made in one sentence, one per frame. */
export function claimsOfSentence(
  s: SentenceView,
  frames: readonly AttributionFrame[],
  actors: readonly ActorHit[],
  ctx: ExtractContext,
  memory: SpeakerMemory,
  tokens: readonly Token[] | null = null,
): Claim[] {
  const hedgedSentence = ctx.lexicon.hedgeRe.test(s.text);
  const out: Claim[] = [];
  const syn = tokens && tokens.length ? syntaxOf(tokens) : null;
  for (const f of frames) {
    let claimants = resolveClaimants(f, actors, ctx, memory, s, syn);
    // "The attack was claimed by X", "... was confirmed by the ministry": the by-agent of a passive speech verb.
    if (!claimants.length && syn) claimants = passiveClaimants(f, s, actors, ctx, memory, syn);
    const claimant = claimants[0] ?? null;
    // A speech verb whose subject names no one known ("the figure", "a witness") leaves the
    // sentence to the sources around it.
    if (!claimant && f.syntactic) continue;
    let accused: Actor | null = null;
    if (f.stance === 'accuses') {
      const hit = actors.find((a) => a.start >= f.end && a.entry.kind !== 'media');
      if (hit) accused = toActor(hit.entry, hit);
      else {
        const m = /^\s*(?:the\s+)?([A-Z][\w-]+)/.exec(s.text.slice(f.end - s.start));
        const side = m ? ctx.sideOfAdjective(m[1]!) : null;
        const entry = side ? ctx.forcesOfSide(side) : null;
        if (entry) accused = toActor(entry);
      }
    }
    for (const c of claimants.length ? claimants : [claimant]) {
      out.push({
        claimant: c,
        stance: f.stance,
        hedged: f.hedgedVerb || hedgedSentence,
        evidence: { start: s.start, end: s.end, text: s.text },
        ...(f.stance === 'accuses' ? { accused } : {}),
      });
    }
  }
  // "The Armenian Defence Ministry said ..., the daily Sega reported": an outlet that repeats a
  // party's word, or a speaker no one can name, is no claimant beside that party.
  const media = new Set(actors.filter((a) => a.entry.kind === 'media').map((a) => toActor(a.entry, a).name));
  const party = out.some((c) => c.claimant && !media.has(c.claimant.name) && c.claimant.side);
  return party ? out.filter((c) => c.claimant && !media.has(c.claimant.name)) : out;
}

const OPEN_QUOTE = /^[“"«]/;
const QUOTE_CHARS = /[“”"«»]/g;

/**
 * Quotations over several sentences or paragraphs ('"Armenian units opened fire ... . Combat is
 * continuing," the ministry said.'): every sentence inside the quotation is claimed by whoever the
 * closing sentence names. Returns, per sentence, the claims it inherits (empty when none).
 */
export function quotationClaims(sentences: readonly { readonly text: string }[], claims: readonly (readonly Claim[])[], maxSpan = 12): Claim[][] {
  const out: Claim[][] = sentences.map(() => []);
  for (let i = 0; i < sentences.length; i++) {
    const text = sentences[i]!.text.trim();
    if (!OPEN_QUOTE.test(text)) continue;
    // A quotation closed in its own sentence needs nothing from here.
    if ((text.match(QUOTE_CHARS) ?? []).length % 2 === 0) continue;
    for (let j = i + 1; j < sentences.length && j <= i + maxSpan; j++) {
      const quotes = (sentences[j]!.text.match(QUOTE_CHARS) ?? []).length;
      if (!quotes) continue;
      // The closing sentence: its own attribution speaks for the whole quotation.
      if (quotes % 2 === 1 && claims[j]!.length) {
        for (let k = i; k < j; k++) if (!claims[k]!.length) out[k]!.push(...claims[j]!.filter((c) => c.stance !== 'accuses'));
      }
      break;
    }
  }
  return out;
}

/**
 * Speech introduced by a colon ("The Defense Ministry of Azerbaijan said:", "X posted on
 * Facebook:"): the sentences after it, up to the next heading, the next sentence with a speaker of
 * its own, or `maxSpan` sentences, are claimed by that speaker. Returns, per sentence, the claims
 * it inherits (empty when none).
 */
export function colonClaims(sentences: readonly { readonly text: string; readonly kind: string }[], claims: readonly (readonly Claim[])[], maxSpan = 8): Claim[][] {
  const out: Claim[][] = sentences.map(() => []);
  for (let i = 0; i < sentences.length; i++) {
    if (!/:\s*$/.test(sentences[i]!.text)) continue;
    const own = claims[i]!.filter((c) => c.stance !== 'accuses' && c.claimant);
    if (!own.length) continue;
    for (let j = i + 1; j < sentences.length && j <= i + maxSpan; j++) {
      const kind = sentences[j]!.kind;
      if (kind === 'heading' || kind === 'title' || claims[j]!.some((c) => c.claimant)) break;
      out[j]!.push(...own);
    }
  }
  return out;
}

/**
 * Drops frames whose speech word is a noun ("Armenia's territorial claims on", "Baku's claims
 * that"): the tagger tells the verb "claims" from the noun. Frames introduced by a preposition
 * ("according to X", "citing X") have no verb and stay.
 */
export function verbalFrames(frames: readonly AttributionFrame[], tokens: readonly Token[]): AttributionFrame[] {
  const speech = roleLexicon().speechVerbs;
  return frames.map((f) => {
    // "The General Staff rejected Russian claims that...": a speech verb inside the claimant phrase
    // ends a clause of its own (read by the clause analysis); the claimant is what follows it.
    const inner = tokens.filter((t) => t.start >= f.claimant.start && t.end <= f.claimant.end && t.pos === 'VERB' && speech.has(t.lemma)).pop();
    if (!inner) return f;
    const rest = tokens.filter((t) => t.start > inner.end && t.end <= f.claimant.end);
    if (!rest.length) return f;
    const start = rest[0]!.start;
    return { ...f, start, claimant: { start, end: f.claimant.end, text: f.claimant.text.slice(start - f.claimant.start) } };
  }).filter((f) => {
    // The claimant must be a noun phrase: not "and", not "Today martial law was" (a passive
    // "was declared"), not a clause ("this does not mean that mobilization has been").
    const words = tokens.filter((t) => t.start >= f.claimant.start && t.end <= f.claimant.end);
    if (words.length && f.claimant.start === f.start) {
      if (!words.some((t) => t.pos === 'NOUN' || t.pos === 'PROPN' || t.pos === 'PRON' || t.pos === 'NUM' || t.pos === 'ADJ')) return false;
      if (words[words.length - 1]!.pos === 'AUX' || words.some((t) => t.pos === 'SCONJ' || (t.pos === 'PART' && t.lower === 'not'))) return false;
    }
    const after = tokens.filter((t) => t.start >= f.claimant.end && t.end <= f.end);
    const word = after.find((t) => t.pos !== 'AUX' && t.pos !== 'ADV' && t.pos !== 'PUNCT' && t.pos !== 'PART');
    if (!word || word.pos !== 'NOUN') return true;
    // The tagger also reads "the Ministry claims its units..." as a compound noun: it is a noun
    // only after an adjective, a determiner or a possessive, or before a preposition.
    const i = tokens.indexOf(word);
    const prev = tokens[i - 1];
    const next = tokens[i + 1];
    const nounReading = (prev && (prev.pos === 'ADJ' || prev.pos === 'DET' || /^['’]s?$/.test(prev.text) || (prev.pos === 'PRON' && /^(?:its|their|his|her|our)$/.test(prev.lower)))) ||
      (next && next.pos === 'ADP' && next.lower !== 'that');
    return !nounReading;
  });
}
