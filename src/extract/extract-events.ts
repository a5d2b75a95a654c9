/**
 * The extractor: reads a cleaned article into events and statements, each field pointing back to
 * the words it came from. Stages, in order: mentions (actors, places, dates, triggers) → sentence
 * facts (frames, claims, casualties) → drafts per trigger → casualty and claim attachment →
 * merge per article → final fields (implied opponent, place fallback, ceasefire) → statements.
 */
import { buildDrafts, readSentences, SETTLEMENT, type SentenceFacts } from './build-drafts.js';
import { ceasefireInForce, isViolent } from './ceasefire.js';
import { toActor } from '../packs/actor-matcher.js';
import type { ExtractContext } from './context.js';
import type { CasualtyFill, Draft } from './drafts.js';
import { loadFrames } from './frames.js';
import { findFrameTriggers } from './match-frames.js';
import { clusterDrafts, isComponent, isGeneric, opponentOf, soleOpponentOf, voteRole } from './merge-drafts.js';
import { sentenceViews } from './sentences.js';
import { placeFill, placeRank } from './locate.js';
import { distanceKm } from '../model/geo.js';
import type { DateFill } from './dating.js';
import { findStatements } from './statements.js';
import { findUnlistedPlaces } from './recognizers/unlisted-places.js';
import { findDates, type DateMention } from '../dates/find-dates.js';
import { daysBetween } from '../model/calendar.js';
import { victimClass } from './recognizers/casualty-grammar.js';
import { COMPASS_PART, COMPASS_WORD } from './roles.js';
import { analyzeText } from '../nlp/analyze-text.js';
import { MAX_SENTENCE_TOKENS } from '../syntax/clauses.js';
import type { CleanArticle } from '../model/article.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { Actor, ArticleEvent, Claim, ControlClaim, EventMention, Place, Statement } from '../model/event.js';
import type { Span } from '../model/span.js';

export interface Extraction {
  readonly events: ArticleEvent[];
  readonly statements: Statement[];
  readonly diagnostics: Diagnostic[];
}

/** Sums casualty figures over sides (the largest figure per side, so repeats are not added twice). */
function tally(fills: readonly CasualtyFill[], category: 'killed' | 'injured'): { count: number | null; span: Span | null } {
  const relevant = fills.filter((c) => c.mention.category === category);
  if (!relevant.length) return { count: null, span: null };
  const perSide = new Map<string, number>();
  for (const c of relevant) {
    // "three people" and "three civilians" are the same unnamed dead: one bucket
    const key = c.side && c.side !== 'CIV' ? c.side : '?';
    perSide.set(key, Math.max(perSide.get(key) ?? 0, c.mention.count));
  }
  const known = [...perSide.entries()].filter(([k]) => k !== '?');
  let count = known.reduce((n, [, v]) => n + v, 0);
  const unknown = perSide.get('?');
  if (unknown !== undefined) count = known.length ? Math.max(count, unknown) : unknown;
  const first = relevant[0]!.mention;
  return { count, span: { start: first.start, end: first.end, text: first.text } };
}

function uniqueClaims(claims: readonly Claim[]): Claim[] {
  const seen = new Set<string>();
  return claims.filter((c) => {
    const key = `${c.claimant?.name ?? ''}|${c.stance}|${c.evidence.start}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const AUTHOR_LINE = /^(?:press release|news release|(?:official )?statement|communiqu[eé]|information|bulletin|briefing|operational update)\s+(?:of|by|from)\s/i;

/** A figure this large, told in a sentence of no event of its own, is a whole war's toll. */
const WAR_SCALE = 5000;

/** Attaches casualty-only sentences, claim-only sentences and carried-over attribution to drafts. */
function attach(facts: readonly SentenceFacts[], drafts: Draft[]): void {
  const bySentence = new Map<number, Draft[]>();
  for (const d of drafts) {
    const list = bySentence.get(d.sentence.index) ?? [];
    list.push(d);
    bySentence.set(d.sentence.index, list);
  }
  const lastViolent = (before: number, paragraphMin: number) =>
    [...drafts].reverse().find((d) => d.sentence.index < before && d.sentence.paragraph >= paragraphMin && !d.background && isViolent(d.event_type));
  const nextViolent = (after: number, paragraphMax: number) =>
    drafts.find((d) => d.sentence.index > after && d.sentence.paragraph <= paragraphMax && !d.background && isViolent(d.event_type));
  // The sentence whose toll was dated to another day than the event nearby: the next sentence of its
  // paragraph, with no date of its own, goes on about that day ("On April 4, X was killed. Two
  // residents were wounded.").
  let otherDaySentence = -1;
  facts.forEach((f, i) => {
    const own = bySentence.get(i) ?? [];
    // Casualties in a sentence without its own violent event join the last violent event nearby.
    if (!own.some((d) => isViolent(d.event_type))) {
      // (tens of thousands told apart from any event are the war's toll: "more than 20,000 people have been killed")
      const usable = f.casualties.filter((c) => !c.mention.aggregate && c.mention.count < WAR_SCALE);
      // The last violent event nearby; for a toll told before its event ("At least 40 people were
      // killed on Thursday when ..."), the next one in the same or the following paragraph.
      const target = usable.length ? lastViolent(i, f.s.paragraph - 2) ?? nextViolent(i, f.s.paragraph + 1) : undefined;
      // A toll dated to another day ("In 1992 hundreds were killed") is not this event's.
      const own = f.dates.filter((d) => d.date && !d.relative);
      // (A sentence that writes its own date tells its own happening when the event has none.)
      const otherDay = own.length > 0 && (!target?.date.date || own.every((d) => Math.abs(daysBetween(d.date!, target.date.date!)) > 1));
      const goesOn = own.length === 0 && otherDaySentence >= 0 && otherDaySentence === i - 1 && facts[i - 1]!.s.paragraph === f.s.paragraph;
      if (usable.length && (otherDay || goesOn)) otherDaySentence = i;
      if (target && !otherDay && !goesOn) target.casualties.push(...usable);
    }
    // Attribution without an event of its own ("This is stated in the statement of X", "Baku
    // accused the Armenians of the escalation") belongs to the previous sentence's events, or to the
    // last violent event when the sentence refers back to it.
    if (f.claims.length && !own.length) {
      const prev = bySentence.get(i - 1) ?? [];
      // The last violent event, with the other events its sentence split off ("shelled X and Y").
      const last = lastViolent(i, 0);
      const target = f.anaphor ? (last ? (bySentence.get(last.sentence.index) ?? []).filter((d) => d.trigger === last.trigger) : []) : prev.filter((d) => d.sentence.paragraph === f.s.paragraph || /^(?:this|that|it)\b/i.test(f.s.text.trim()));
      for (const d of target) d.claims.push(...f.claims);
      if (f.anaphor && target.length === 0) lastViolent(i, 0)?.claims.push(...f.claims);
      // Otherwise a claimant who speaks in a paragraph of its own speaks of the last violent event
      // of the two paragraphs before ("The ministry in Baku denied any casualties." after the report).
      // (a denial by a side that is no party to it speaks of something else: of what its speaker
      // was blamed for, which answersOfAccused finds)
      else if (!f.anaphor && target.length === 0) {
        const last = lastViolent(i, f.s.paragraph - 2);
        const parties = [last?.agent?.hit.entry.side, last?.target?.hit.entry.side];
        const stranger = (c: Claim) => c.stance === 'denies' && parties[0] && !parties.includes(c.claimant?.side ?? undefined);
        last?.claims.push(...f.claims.filter((c) => c.claimant?.side && !stranger(c)));
      }
    }
    if (f.control.length && !own.some((d) => isViolent(d.event_type))) lastViolent(i, 0)?.control.push(...f.control);
    // "According to X, ... . The offensive is carried out in two villages." — attribution carries over.
    if (!f.claims.length && own.length && i > 0 && facts[i - 1]!.s.paragraph === f.s.paragraph) {
      const carried = facts[i - 1]!.claims.filter((c) => c.stance !== 'accuses');
      for (const d of own) if (!d.claims.length) d.claims.push(...carried);
    }
  });
  // A report still unattributed is told on the word of the source nearest to it: a claim in its
  // paragraph (before it, else after it), else one in the article's first two paragraphs.
  const claimsIn = (g: SentenceFacts) => g.claims.filter((c) => c.stance !== 'accuses' && c.claimant);
  // An author line heading the text ("Press release of the Press Service of the Ministry of Foreign
  // Affairs of the Republic of Azerbaijan", "Statement by the General Staff"): a release is the word
  // of whoever issued it.
  const authorLine = facts.find((g) => g.s.paragraph <= 3 && g.s.kind !== 'title' && AUTHOR_LINE.test(g.s.text.trim()) && g.actors.some((a) => a.entry.kind !== 'media' && a.entry.side));
  const issuer = authorLine ? [...authorLine.actors].reverse().find((a) => a.entry.kind !== 'media' && a.entry.side) : undefined;
  const author: Claim | null = authorLine && issuer
    ? { claimant: toActor(issuer.entry, issuer), stance: 'asserts', hedged: false, evidence: { start: authorLine.s.start, end: authorLine.s.end, text: authorLine.s.text } }
    : null;
  for (const d of drafts) {
    if (d.claims.length) continue;
    const para = facts.filter((g) => g.s.paragraph === d.sentence.paragraph && claimsIn(g).length);
    const before = para.filter((g) => g.s.index < d.sentence.index).pop();
    const after = para.find((g) => g.s.index > d.sentence.index);
    let source = before ?? after;
    if (!source) {
      const firstParas = [...new Set(facts.filter((g) => g.s.kind !== 'title').map((g) => g.s.paragraph))].slice(0, 2);
      source = facts.find((g) => firstParas.includes(g.s.paragraph) && claimsIn(g).length);
    }
    if (source) d.claims.push(...claimsIn(source));
    else if (author) d.claims.push(author);
  }
  // "President Aliyev signed a decree announcing a partial mobilization", "Armenia's cabinet has
  // introduced martial law, TASS reports": a decision is also told on the word of whoever took it.
  for (const d of drafts) {
    if (isViolent(d.event_type) || !d.agent || !d.agent.hit.entry.side || !DECIDERS.has(d.agent.hit.entry.kind)) continue;
    if (d.claims.some((c) => c.claimant?.side === d.agent!.hit.entry.side)) continue;
    d.claims.push({ claimant: toActor(d.agent.hit.entry, d.agent.hit), stance: 'asserts', hedged: false, evidence: { start: d.sentence.start, end: d.sentence.end, text: d.sentence.text } });
  }
}

/**
 * The accused side's answer: when a side blamed for an event speaks later in the article in a
 * sentence that tells no event of its own ("Armenia rejected the accusations", "Baku maintains its
 * troops are on its own land"), its word is a claim about every event it was blamed for so far
 * (ANNOTATE.md: an accusation and its denial make one event with both claimants). Read on the
 * finished events, so that an attacker the reporting side implied ("Terter came under rocket
 * fire", said Baku's ministry) is blamed as much as one it named.
 */
function answersOfAccused(facts: readonly SentenceFacts[], clusters: readonly Draft[][], events: ArticleEvent[]): void {
  const told = new Set(clusters.flatMap((c) => c.map((d) => d.sentence.index)));
  const firstSentence = clusters.map((c) => Math.min(...c.map((d) => d.sentence.index)));
  facts.forEach((f, i) => {
    if (told.has(i) || f.s.kind === 'title' || f.s.kind === 'caption') return;
    for (const c of f.claims) {
      const side = c.claimant?.side;
      if (!side || c.stance === 'accuses') continue;
      events.forEach((e, k) => {
        if (firstSentence[k]! >= i || e.background) return;
        // (blamed: the event's attacker, or the agent of one of its tellings)
        if (e.actor1?.side !== side && !clusters[k]!.some((d) => d.agent?.hit.entry.side === side)) return;
        // blamed by someone else: the event is told on another side's word
        if (!e.claims.some((x) => x.claimant?.side && x.claimant.side !== side) || e.claims.some((x) => x.claimant?.side === side)) return;
        events[k] = { ...e, claims: [...e.claims, c] };
      });
    }
  });
}

const DECIDERS: ReadonlySet<string> = new Set(['government', 'person', 'state-forces', 'ministry', 'armed-group']);

const spanOf = (h: { start: number; end: number; surface?: string; text?: string }): Span => ({ start: h.start, end: h.end, text: h.surface ?? h.text ?? '' });

/** Each draft of an event as a mention: its trigger, sentence and the spans of the fields it read. */
function mentionsOf(cluster: readonly Draft[]): EventMention[] {
  const seen = new Set<number>();
  const told = [...cluster]
    .sort((a, b) => a.trigger.start - b.trigger.start)
    .filter((d) => !seen.has(d.trigger.start) && Boolean(seen.add(d.trigger.start)))
    .map((d) => {
      const spans: Record<string, Span> = {};
      if (d.agent && d.agent.hit.end > d.agent.hit.start) spans.actor1 = spanOf(d.agent.hit);
      if (d.target && d.target.hit.end > d.target.hit.start) spans.actor2 = spanOf(d.target.hit);
      if (d.location) spans.location = spanOf(d.location.hit);
      if (d.date.span) spans.date = d.date.span;
      const killed = d.casualties.find((c) => c.mention.category === 'killed');
      const injured = d.casualties.find((c) => c.mention.category === 'injured');
      if (killed) spans.fatalities = spanOf(killed.mention);
      if (injured) spans.injured = spanOf(injured.mention);
      return {
        trigger: { start: d.trigger.start, end: d.trigger.end, text: d.trigger.text },
        sentence: { start: d.sentence.start, end: d.sentence.end, text: d.sentence.text },
        event_type: d.event_type,
        sub_event_type: d.sub_event_type,
        field_spans: spans,
      };
    });
  // words that refer back to the event ("the explosion", "the attack"): mentions with their trigger only
  const first = cluster[0]!;
  const refs = cluster.flatMap((d) => d.references ?? []).filter((r) => !seen.has(r.trigger.start) && Boolean(seen.add(r.trigger.start))).map((r) => ({
    trigger: { start: r.trigger.start, end: r.trigger.end, text: r.trigger.text },
    sentence: { start: r.sentence.start, end: r.sentence.end, text: r.sentence.text },
    event_type: first.event_type,
    sub_event_type: first.sub_event_type,
    field_spans: {},
  }));
  return [...told, ...refs].sort((a, b) => a.trigger.start - b.trigger.start);
}

/**
 * `localCountries`: the countries the article names a place inside (a town, district or region, not
 * only the country's name): an event of a state's forces with an opponent, in an article that names
 * no place of that state, happened where the article is, not in that state ("US forces destroyed
 * Houthi drones" in a story about Yemen). `lede`: the place the headline and lede name most; an
 * event placed only in a country takes it when it lies in that country ("ELN attack kills nine
 * soldiers in Catatumbo" over "an ELN attack in Colombia").
 */
function finalize(cluster: Draft[], id: string, ctx: ExtractContext, focus: Place | null, outlet: string | null, localCountries: ReadonlySet<string> = new Set(), lede: Place | null = null): ArticleEvent {
  const first = cluster[0]!;
  // The type comes from the tellings that name the means ("drones struck"), not from a generic
  // "attack" merged with them.
  // (nor a part of an attack, "a suicide bomber opened the assault", when the attack is told)
  const whole = cluster.filter((d) => !isComponent(d));
  const specific = (whole.length ? whole : cluster).filter((d) => !isGeneric(d));
  const typed = specific.length ? specific : whole.length ? whole : cluster;
  const eventType = typed[0]!.event_type;
  const territory = cluster.find((d) => d.sub_event_type.includes('territory'));
  const subCounts = new Map<string, number>();
  for (const d of typed) if (d.event_type === eventType) subCounts.set(d.sub_event_type, (subCounts.get(d.sub_event_type) ?? 0) + 1);
  let sub = territory?.sub_event_type ?? [...subCounts.entries()].sort((a, b) => b[1] - a[1])[0]![0];

  // Date: the most reported day; ties go to a date written in the text.
  const dateVotes = new Map<string, { n: number; d: Draft['date'] }>();
  for (const d of cluster) {
    const key = d.date.date ?? '';
    const v = dateVotes.get(key);
    if (!v) dateVotes.set(key, { n: 1, d: d.date });
    else {
      v.n++;
      if (v.d.source !== 'text' && d.date.source === 'text') v.d = d.date;
    }
  }
  // A date the text gives ("on Thursday", "12 July") outvotes the bare publication day, whatever the count of tellings.
  // (the day a source spoke ranks between the two: "medics said on Tuesday" yields to "on Monday evening")
  const mentioned = (d: DateFill) => (d.rule === 'dates/publication' ? 0 : d.rule === 'dates/speech' ? 1 : 2);
  const date = [...dateVotes.values()].sort((a, b) => mentioned(b.d) - mentioned(a.d) || b.n - a.n || Number(b.d.source === 'text') - Number(a.d.source === 'text'))[0]!.d;

  const agentFill = voteRole(cluster.map((d) => d.agent));
  const violent = isViolent(eventType);
  let actor1: Actor | null = null;
  const rules = new Set(cluster.flatMap((d) => d.rules));
  if (agentFill) {
    const e = agentFill.hit.entry;
    const fights = violent && e.fightsAs ? ctx.actorById(e.fightsAs) : null;
    actor1 = toActor(fights ?? e, agentFill.hit);
    rules.add(agentFill.rule);
  }
  // "an attack that Al Shabab claimed", "the group said it was behind the blast": with no attacker
  // named, a non-state armed group that claims the attack carried it out.
  if (!actor1 && violent) {
    const claim = cluster.flatMap((d) => d.claims).find((c) => c.claimant?.side && c.claimant.inter !== null && c.claimant.inter >= 2 && c.claimant.inter <= 4 && ctx.lexicon.responsibilityRe.test(c.evidence.text));
    if (claim?.claimant) {
      actor1 = claim.claimant;
      rules.add('roles/claimed-responsibility');
    }
  }
  const targetFill = voteRole(cluster.map((d) => d.target), actor1?.side ?? null);
  let actor2: Actor | null = null;
  if (targetFill) {
    const e = targetFill.hit.entry;
    const fights = violent && e.fightsAs ? ctx.actorById(e.fightsAs) : null;
    actor2 = toActor(fights ?? e, targetFill.hit);
    rules.add(targetFill.rule);
  }
  // Place: the most precise one named for the event, else the paragraph's, else the article's focus.
  let location: Place | null = null;
  const located = cluster.filter((d) => d.location).sort((a, b) => a.location!.rank - b.location!.rank || a.location!.cost - b.location!.cost);
  if (located[0]) {
    location = located[0].location!.place;
    rules.add(located[0].location!.rule);
    if (lede && located[0].location!.hit.kind === 'country' && lede.country === location.country) {
      location = lede;
      rules.add('location/lede');
    }
  }
  else if (!violent && actor1?.country && actor1.side === actor1.country && !(focus?.country && focus.country !== actor1.country && actor2 && actor2.side !== actor1.side && !localCountries.has(actor1.country))) {
    location = ctx.countryPlace(actor1.country);
    if (location) rules.add('location/actor-country');
  }
  if (!location && focus) {
    location = focus;
    rules.add('location/article-focus');
  }
  if (!actor1 && !violent && location?.country && location.geo_precision === 3) {
    const gov = ctx.governmentOf(location.country);
    if (gov) {
      actor1 = toActor(gov);
      rules.add('roles/government-of-place');
    }
  }

  // No named target, or only a civilian object ("hit a car ..."): the side of the victims
  // ("..., killing two Hezbollah fighters") is the target when they are combatants.
  const victimsOf = cluster.flatMap((d) => d.casualties).find((c) => c.side && c.side !== actor1?.side);
  const objectOnly = Boolean(targetFill && /\+civilians$/.test(targetFill.rule) && actor2?.side === 'CIV');
  if (objectOnly && victimsOf?.side && victimsOf.side !== 'CIV') {
    const entry = ctx.forcesOfSide(victimsOf.side);
    if (entry) {
      actor2 = toActor(entry);
      rules.add('roles/victim-side');
    }
  }
  if (!actor2 && violent) {
    // "20 people died after the missile strike hit the city": unspecified victims of a strike or
    // an attack on civilians are civilians (not in a battle, where they may be fighters).
    const unspecified = eventType !== 'Battles' && cluster.flatMap((d) => d.casualties).some((c) => !c.side && c.mention.victim && victimClass(c.mention.victim.text) === 'unspecified');
    const victims = victimsOf ?? (unspecified ? { side: 'CIV' } : undefined);
    const civCountry = location?.country ?? actor1?.country ?? null;
    const entry = victims?.side === 'CIV' ? ctx.civiliansOf(civCountry) : victims?.side ? ctx.forcesOfSide(victims.side) : null;
    if (entry) {
      actor2 = toActor(entry);
      rules.add('roles/victim-side');
    }
  }
  // In a two-sided theatre the target of a battle is the other belligerent, not a broker or observer.
  const opponent = actor1?.side ? soleOpponentOf(actor1.side, ctx) : null;
  if (violent && opponent && actor2?.side && actor2.side !== opponent && actor2.side !== 'CIV') actor2 = null;
  // In a two-sided war, a belligerent's forces (or, for a remote attack, its civilians) attacked with
  // no attacker named were attacked by the other side.
  // Whose civilians: the belligerent that reports them hit ("the Armenian MoD said ... injured
  // civilians"), else the country the civilians are placed in.
  const reporter = cluster.flatMap((d) => d.claims).find((c) => c.claimant?.side && opponentOf(c.claimant.side, ctx))?.claimant?.side;
  const attackedSide = actor2?.side === 'CIV' ? (eventType === 'Explosions/Remote violence' ? reporter ?? actor2.country : null) : actor2?.side;
  if ((eventType === 'Battles' || eventType === 'Explosions/Remote violence') && !actor1 && attackedSide) {
    const other = opponentOf(attackedSide, ctx);
    const entry = other ? ctx.forcesOfSide(other) : null;
    if (entry) {
      actor1 = toActor(entry);
      rules.add('roles/implied-agent');
    }
  }
  // In a two-sided war, fighting and remote strikes by one side are against the other unless the
  // text names a target; an agreement of one party is with the other; the drones and missiles a
  // side shoots down are the other side's.
  if ((eventType === 'Battles' || eventType === 'Explosions/Remote violence' || sub === 'Agreement' || sub === 'Disrupted weapons use') && actor1?.side && !actor2) {
    const other = opponentOf(actor1.side, ctx);
    const entry = other ? ctx.forcesOfSide(other) : null;
    if (entry) {
      actor2 = toActor(entry);
      rules.add('roles/implied-opponent');
    }
  }

  // A battle fought by one party in a state it does not belong to is against that state's forces
  // ("JNIM attacked army positions in Timbuktu", "Russian troops seized a village in Donetsk").
  if (eventType === 'Battles' && actor1?.side && !actor2 && location?.country && location.country !== actor1.side) {
    const entry = ctx.forcesOfSide(location.country);
    if (entry && entry.side === location.country) {
      actor2 = toActor(entry);
      rules.add('roles/place-state');
    }
  }

  // "Gunmen stormed the village and killed 15 residents": an armed clash whose only other party is
  // civilians is an attack on civilians (ACLED: no armed opponent, no battle).
  let finalType = eventType;
  if (eventType === 'Battles' && sub === 'Armed clash' && actor2?.side === 'CIV' && actor1?.side !== 'CIV') {
    finalType = 'Violence against civilians';
    sub = 'Attack';
    rules.add('type/civilians-attacked');
  }

  const casualties = cluster.flatMap((d) => d.casualties);
  const killed = tally(casualties, 'killed');
  const injured = tally(casualties, 'injured');

  let violation = cluster.some((d) => d.violation) && violent;
  if (violent && !violation && !first.background) {
    const c = ceasefireInForce(ctx.ceasefires, date.date, [actor1?.side ?? null, actor2?.side ?? null]);
    const inTheatre = (location?.country && ctx.theatres.some((t) => t.countries.includes(location!.country!))) ||
      [actor1?.side, actor2?.side].some((s) => s && ctx.theatres.some((t) => t.countries.includes(s)));
    if (c && inTheatre) {
      violation = true;
      rules.add(`ceasefire/${c.id}`);
    }
  }

  let claims = uniqueClaims(cluster.flatMap((d) => d.claims));
  if (!claims.length) {
    claims = [{
      claimant: { name: outlet ?? 'the outlet', side: null, country: null, inter: null },
      stance: 'asserts',
      hedged: false,
      evidence: { start: first.sentence.start, end: first.sentence.end, text: first.sentence.text },
    }];
  }
  const evidence: Span[] = [];
  for (const d of cluster) {
    if (!evidence.some((e) => e.start === d.sentence.start)) evidence.push({ start: d.sentence.start, end: d.sentence.end, text: d.sentence.text });
  }
  evidence.sort((a, b) => a.start - b.start);
  const control: ControlClaim[] = [];
  for (const c of cluster.flatMap((d) => d.control)) {
    if (!control.some((x) => x.place === c.place && x.holder === c.holder && x.evidence.start === c.evidence.start)) control.push(c);
  }
  const spans: Record<string, Span> = { trigger: { start: first.trigger.start, end: first.trigger.end, text: first.trigger.text } };
  if (date.span) spans.date = date.span;
  if (actor1?.span) spans.actor1 = actor1.span;
  if (actor2?.span) spans.actor2 = actor2.span;
  if (location?.span) spans.location = location.span;
  if (killed.span) spans.fatalities = killed.span;
  if (injured.span) spans.injured = injured.span;
  return {
    id,
    event_type: finalType,
    sub_event_type: sub,
    date: date.date,
    date_end: date.date_end,
    date_precision: date.precision,
    date_source: date.source,
    actor1,
    actor2,
    location,
    fatalities: killed.count,
    injured: injured.count,
    ceasefire_violation: violation,
    background: first.background,
    claims,
    evidence,
    field_spans: spans,
    ...(control.length ? { control } : {}),
    rules: [...rules].sort(),
    mentions: mentionsOf(cluster),
  };
}

/**
 * An attack told with no attacker ("the strikes began at 17:00", "hit by at least four Smerch
 * rockets") in an article whose other attacks of its kind all have one and the same attacker was
 * carried out by that attacker: the article is about that side's campaign. Its target, when none
 * is named, is that side's opponent in the article's war.
 */
function articleAgent(events: ArticleEvent[], ctx: ExtractContext): ArticleEvent[] {
  // the news events with an attacker, by type (an event without one is never among them)
  const told = new Map<string, ArticleEvent[]>();
  for (const o of events) if (!o.background && o.actor1?.side) told.set(o.event_type, [...(told.get(o.event_type) ?? []), o]);
  return events.map((e) => {
    if (e.actor1 || e.background || (e.event_type !== 'Battles' && e.event_type !== 'Explosions/Remote violence')) return e;
    const others = told.get(e.event_type) ?? [];
    const sides = new Set(others.map((o) => o.actor1!.side));
    if (sides.size !== 1) return e;
    const side = [...sides][0]!;
    if (e.actor2?.side === side) return e;
    // (the attacker's name, not its words: this event's text does not name it)
    const { span: _span, source_text: _text, ...actor1 } = others[0]!.actor1!;
    const other = !e.actor2 ? opponentOf(side, ctx) : null;
    const entry = other ? ctx.forcesOfSide(other) : null;
    const rules = [...(e.rules ?? []), 'roles/article-agent', ...(entry ? ['roles/implied-opponent'] : [])].sort();
    return { ...e, actor1, actor2: e.actor2 ?? (entry ? toActor(entry) : null), rules };
  });
}

/**
 * The place the headline and lede name most: not a country, not a dateline (precision 2 at best).
 * With `text`, only places named after a locative preposition count ("kills nine in Catatumbo",
 * not "Bamako accused Nouakchott": a capital may stand for its government).
 */
function ledePlace(facts: readonly SentenceFacts[], text?: string): Place | null {
  const lede = facts.filter((f) => (f.s.kind === 'title' || f.s.kind === 'body') && f.s.paragraph <= 2);
  const counts = new Map<string, { place: Place; n: number; rank: number }>();
  for (const p of lede.flatMap((f) => f.places)) {
    if (p.kind === 'country' || p.surface === p.surface.toUpperCase()) continue;
    if (text !== undefined && !LEDE_LOCATIVE.test(text.slice(Math.max(0, p.start - 30), p.start))) continue;
    const c = counts.get(p.place.name) ?? { place: p.place, n: 0, rank: placeRank(p.kind) };
    c.n++;
    counts.set(p.place.name, c);
  }
  const top = [...counts.values()].sort((a, b) => b.n - a.n || a.rank - b.rank)[0];
  return top ? { ...top.place, geo_precision: Math.max(2, top.place.geo_precision) as 2 | 3 } : null;
}

/** The place the article is mostly about: the most precise theatre place among its news events. */
function focusPlace(drafts: readonly Draft[], facts: readonly SentenceFacts[]): Place | null {
  const news = drafts.filter((d) => !d.background && d.location && isViolent(d.event_type));
  // No event names its place: the place the headline and lede name most (not a country, not a dateline).
  if (!news.length) return ledePlace(facts);
  const best = news.sort((a, b) => a.location!.rank - b.location!.rank)[0]!;
  return { ...best.location!.place, geo_precision: Math.max(2, best.location!.place.geo_precision) as 2 | 3 };
}

/** "killed in the city of X", "wounded at X": the place a casualty clause names for its dead or wounded. */
const CASUALTY_PLACE = /^\s*(?:(?:on|late|early|overnight|last|this|yesterday|today|(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b[\w ]{0,20}?\s+)?(?:in|at|near)\s+(?:the\s+)?(?:(?:nearby|neighbou?ring|northern|southern|eastern|western|central)\s+)?(?:(?:city|town|village|settlement|district|region|province|county)\s+of\s+)?$/i;

/**
 * One event per place (ACLED): a casualty clause that names a settlement of its own, other than
 * the place of the event it belongs to ("Nine people were killed by the strikes in Kharkiv while
 * two others were killed in the city of Krasnohrad"), tells the same kind of attack there. It
 * becomes an event of its own, with that clause's toll.
 */
function splitByPlace(text: string, facts: readonly SentenceFacts[], drafts: readonly Draft[], ctx: ExtractContext): Draft[] {
  const out: Draft[] = [];
  for (const d of drafts) {
    if (d.background || !isViolent(d.event_type) || !d.location) continue;
    for (const c of [...d.casualties]) {
      // (the casualty clause may be a sentence of its own that the event took its toll from)
      const f = facts.find((g) => g.s.start <= c.mention.start && c.mention.end <= g.s.end);
      if (!f || c.mention.count <= 0) continue;
      // (a toll told in a sentence of its own may name its place anywhere after it: "a soldier was
      // wounded in a provocation near Khtsaberd")
      const own = f.s.index === d.sentence.index;
      const place = f.places.find((p) => SETTLEMENT.has(p.kind) && p.start >= c.mention.end && (CASUALTY_PLACE.test(text.slice(c.mention.end, p.start)) || (!own && LOCATIVE_BEFORE.test(text.slice(Math.max(f.s.start, p.start - 40), p.start)))));
      if (!place || place.place.name === d.location.place.name || d.location.hit.start === place.start) continue;
      // (a compass part makes an area of the name, "in southern Gaza"; and "Khan Younis in southern
      // Gaza", "Kostiantynivka, Donetsk" name the container of the event's own place)
      // (and "southern Gaza's Khan Younis" too)
      if (COMPASS_BEFORE.test(text.slice(Math.max(0, place.start - 20), place.start)) || COMPASS_START.test(text.slice(place.start, place.end))) continue;
      if (d.location.hit.end <= place.start && CONTAINER_GAP.test(text.slice(d.location.hit.end, place.start))) continue;
      if (place.end <= d.location.hit.start && /^['’]s\s+$/.test(text.slice(place.end, d.location.hit.start))) continue;
      // (the event's own place, told again, or a place inside it, is no new scene)
      if (d.location.rank <= 1 && distanceKm(place.place, d.location.place) <= 3) continue;
      if (d.location.rank > 1 && place.place.country !== d.location.place.country) continue;
      // …unless the event's own place is a district or region that holds the settlement, and the
      // event was told there first ("strikes on Kharkiv region ... two killed in the town of X")
      if (d.location.rank > 1 && d.location.hit.start > place.start) continue;
      d.casualties.splice(d.casualties.indexOf(c), 1);
      out.push({
        ...d,
        location: placeFill(text, place, ctx, 'location/casualty-clause'),
        casualties: [c],
        claims: [...d.claims],
        control: [],
        references: [],
        rules: [...d.rules, 'extract/split-by-place'],
      });
    }
  }
  return out;
}
const COMPASS_BEFORE = new RegExp(String.raw`\b${COMPASS_WORD}\s+$`, 'i');
const COMPASS_START = new RegExp(String.raw`^${COMPASS_WORD}\s`, 'i');
const CONTAINER_GAP = new RegExp(String.raw`^\s*(?:,|in|of)\s+(?:the\s+)?${COMPASS_PART}$`, 'i');
const LOCATIVE_BEFORE = /\b(?:in|at|near|outside)\s+(?:the\s+)?(?:(?:village|town|city|settlement)\s+of\s+)?$/i;
/** A locative preposition before a headline or lede place (see `ledePlace`). */
const LEDE_LOCATIVE = new RegExp(String.raw`\b(?:in|at|near|outside|around|across|off|on|into)\s+(?:the\s+)?${COMPASS_PART}(?:(?:village|town|city|region|province|district|area)\s+of\s+)?$`, 'i');

/** "Also", "another", "as well", "similar": a telling that adds to a series already told. */
const ADDITIVE = /\b(?:also|too|another|as well|similar(?:ly)?|likewise|again)\b/i;

/**
 * An attack told only by a generic word as one more of a series ("Police stations in X and Y were
 * also attacked" after "drones dropped explosives on police in Z") was carried out by the means
 * the series was told with: it takes the type of the last strike named in its paragraph or the
 * two before, when that strike was a remote one (a ground fight is never assumed), and by its
 * agent when the telling names none.
 */
function seriesMeans(cluster: Draft[], drafts: readonly Draft[]): Draft[] {
  if (!cluster.every((d) => (d.trigger.def.id === 'battle/attack' || d.trigger.def.id === 'battle/offensive') && !d.background)) return cluster;
  const first = cluster[0]!;
  if (!ADDITIVE.test(first.sentence.text)) return cluster;
  const prior = [...drafts].reverse().find((d) => d.sentence.index < first.sentence.index && !d.background && !isGeneric(d) && isViolent(d.event_type));
  if (!prior || prior.event_type !== 'Explosions/Remote violence' || first.sentence.paragraph - prior.sentence.paragraph > 2) return cluster;
  // ...and by whoever carried out the series, when the telling names no one
  const agent = (d: Draft) => d.agent ?? (prior.agent ? { ...prior.agent, weight: prior.agent.weight / 2, rule: 'roles/series-agent' } : null);
  return cluster.map((d) => ({ ...d, event_type: prior.event_type, sub_event_type: prior.sub_event_type, agent: agent(d), rules: [...d.rules, 'type/series-means'] }));
}

/** A lone capital initial and its full stop right before a name ("G. Ghukasyan"). */
const INITIAL_BEFORE = /(?:^|[\s,(])\p{Lu}\.\s?$/u;

/** Extracts the events and statements of one cleaned article. */
/**
 * Without a publication date, a year-less day ("the war broke out on October 7") is read against
 * the latest day the text writes in full, as a reader would: the most recent such day up to it
 * (a week ahead at most, as for a publication date). Relative dates ("on Saturday") stay unresolved:
 * the day written in full is not the day of writing.
 */
function yearlessAgainstText(text: string, dates: DateMention[], reference: string | null): DateMention[] {
  if (reference) return dates;
  let horizon: string | null = null;
  for (const d of dates) {
    if (!d.yearGiven || d.relative || !d.date || d.precision !== 'day') continue;
    const last = d.dateEnd ?? d.date;
    if (!horizon || last > horizon) horizon = last;
  }
  if (!horizon || !dates.some((d) => !d.yearGiven && !d.relative && !d.date)) return dates;
  const again = findDates(text, horizon);
  return dates.map((d) => {
    if (d.yearGiven || d.relative || d.date) return d;
    const r = again.find((x) => x.start === d.start && x.end === d.end && !x.relative);
    return r?.date ? { ...d, date: r.date, dateEnd: r.dateEnd } : d;
  });
}

export function extractEvents(article: CleanArticle, ctx: ExtractContext): Extraction {
  const diagnostics: Diagnostic[] = [];
  if (article.language !== 'en') {
    diagnostics.push({
      code: 'extract/unsupported-language',
      severity: 'warning',
      message: `article is in '${article.language}', not English: no events extracted`,
      source: article.source,
      articleId: article.id,
    });
    return { events: [], statements: [], diagnostics };
  }
  const text = article.text;
  // Only the theatres this article is about lend it their actors, places and ceasefires.
  ctx = ctx.forArticle?.(text) ?? ctx;
  const reference = article.published;
  const sentences = sentenceViews(article);
  const actors = ctx.findActors(text, reference);
  const dates = yearlessAgainstText(text, findDates(text, reference), reference);
  const analysis = analyzeText(text);
  // Gazetteer places, and the villages, posts and valleys the text names that no pack lists.
  // (a name after a lone initial is a person's, not a place: "residents H. Harutyunyan, G. Ghukasyan")
  const known = ctx.findPlaces(text).filter((p) => !INITIAL_BEFORE.test(text.slice(Math.max(0, p.start - 4), p.start)));
  const places = findUnlistedPlaces(text, analysis.tokens, known, actors, ctx);
  const triggers = findFrameTriggers(text, analysis, loadFrames(), sentences);
  // Sentences too long for the clause analysis (a run-on list, a table flattened into one line)
  // are read by word order only; the user is told which, once per article.
  const tooLong = sentences.filter((sv) => analysis.tokensIn(sv.start, sv.end).length > MAX_SENTENCE_TOKENS);
  if (tooLong.length) {
    const where = tooLong.slice(0, 3).map((sv) => `${sv.start}-${sv.end}`).join(', ');
    diagnostics.push({
      code: 'extract/sentence-not-analysed',
      severity: 'info',
      message: `${tooLong.length} sentence(s) longer than ${MAX_SENTENCE_TOKENS} tokens read by word order only, without the clause analysis (at ${where}${tooLong.length > 3 ? ', …' : ''})`,
      source: article.source,
      articleId: article.id,
    });
  }
  const facts = readSentences(text, sentences, actors, places, dates, triggers, ctx, analysis);
  const drafts = buildDrafts(text, facts, reference, ctx);
  attach(facts, drafts);
  drafts.push(...splitByPlace(text, facts, drafts, ctx));

  const focus = focusPlace(drafts, facts);
  const clusters = clusterDrafts(drafts).map((c) => seriesMeans(c, drafts));
  const localCountries = new Set(facts.flatMap((f) => f.places.filter((p) => p.kind !== 'country' && p.place.country).map((p) => p.place.country!)));
  const lede = ledePlace(facts, text);
  const events = articleAgent(clusters.map((c, i) => finalize(c, `e${i + 1}`, ctx, focus, article.outlet, localCountries, lede)), ctx);
  answersOfAccused(facts, clusters, events);
  const eventOfSentence = new Map<number, string>();
  // (a toll split off to another place shares its sentence with the event it came from, which
  // keeps the sentence's statements)
  clusters.forEach((c, i) => c.forEach((d) => { if (!d.rules.includes('extract/split-by-place')) eventOfSentence.set(d.sentence.index, `e${i + 1}`); }));
  const statements = findStatements(
    facts,
    ctx,
    (f) => f.dates.find((d) => d.date)?.date ?? reference,
    (f) => eventOfSentence.get(f.s.index) ?? null,
  );
  return { events, statements, diagnostics };
}
