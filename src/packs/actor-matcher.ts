/**
 * Finds actors in text: explicit aliases of the theatre and world packs ("Artsakh Defense Army",
 * "Baku", "the Azerbaijani side"), compositions of a demonym or country name with a force noun
 * ("Azerbaijani troops", "Armenia's Defence Ministry", "Ministry of Defense of Armenia",
 * "the Ministry of Defense in Baku") driven by `force-nouns.tsv` and `demonyms.tsv`, and person
 * names spelled another way ("Pasjinian") through {@link nameKey}. Longest match wins, on word
 * boundaries; an alias written with a capital needs a capital in the text; validity dates are
 * respected when the article's date is given.
 */
import type { Actor } from '../model/event.js';
import { AliasIndex, caseRuleOf, type AliasMatch } from './alias-index.js';
import { nameKey } from './name-key.js';
import { tokenize, type Token } from './tokenize.js';
import type { ActorEntry, ForceNoun, Packs } from './types.js';

/** An actor found in text. */
export interface ActorMention {
  readonly start: number;
  readonly end: number;
  readonly surface: string;
  readonly entry: ActorEntry;
  /** How it was found: an alias, a demonym + force-noun composition, or the nameKey fallback. */
  readonly via?: 'alias' | 'composition' | 'name-key';
}

/** A compiled actor matcher; build it once per process. */
export interface ActorMatcher {
  /** Every actor mention in `text`, in order, without overlaps; `date` (ISO) filters by validity. */
  find(text: string, date?: string): ActorMention[];
  get(id: string): ActorEntry | undefined;
  /** The entry an institution fights as (`fightsAs`, followed), or the entry itself. */
  fighter(entry: ActorEntry): ActorEntry;
  /** The entry with this role for a country or side code ("AZE", "mod"), theatre entries first. */
  byRole(countryOrSide: string, role: string, date?: string): ActorEntry | undefined;
}

interface Found {
  readonly length: number;
  readonly end: number;
  readonly entry: ActorEntry;
  readonly via: 'alias' | 'composition' | 'name-key';
}

const MIN_FUZZY_LETTERS = 5;
/** Hyphened participles that make the country the user of a platform ("Russia-launched drones"). */
const USED_BY = new Set(['launched', 'fired', 'operated', 'piloted', 'flown']);

/** Words that make a platform a state's without naming the state ("military jets", "junta aircraft"). */
const STATE_MODIFIERS = new Set(['military', 'army', 'junta', 'regime', 'government', 'navy', 'naval']);

/** The role that stands in for a role a state has no entry for (offices speak for their government). */
const ROLE_FALLBACK: Readonly<Record<string, string>> = {
  parliament: 'government',
  presidency: 'government',
  president: 'government',
  'prime-minister': 'government',
  'foreign-minister': 'mfa',
  'defence-minister': 'mod',
  sources: 'government',
};
/** "<country>-backed <generic>": the words that make a state the backer of a group. */
const BACKED = new Set(['backed', 'led', 'supported', 'sponsored', 'aligned', 'allied', 'funded', 'armed', 'trained']);
const backedCache = new Map<string, ActorEntry>();

/**
 * A generic description tied to a state: its backer ("Russian-backed separatists": resolved per
 * article, else a militia of the backer's side) or its homeland ("Palestinian militants": a group
 * fighting in that country).
 */
function placedGeneric(generic: ActorEntry, code: string, how: 'backer' | 'homeland'): ActorEntry {
  const id = `${generic.id}${how === 'backer' ? '@' : '#'}${code}`;
  let e = backedCache.get(id);
  if (!e) {
    e = { ...generic, id, [how]: code };
    backedCache.set(id, e);
  }
  return e;
}
const EXACT = 1;
const EVENT = 2;
const COUNTRY = 4;
const NOUN = 8;

/**
 * Compiles the actor aliases, demonyms and force nouns of all packs. World entries whose country
 * and role a theatre entry also has are shadowed by it.
 *
 * @example
 * const actors = createActorMatcher(loadPacks());
 * actors.find("Azerbaijan's Defense Ministry said")[0]?.entry.side // 'AZE'
 */
export function createActorMatcher(packs: Packs): ActorMatcher {
  const exact = new AliasIndex<ActorEntry>();
  /** Key-event names ("Bishkek Protocol"): the capital inside is not an actor. */
  const events = new AliasIndex<true>();
  for (const t of packs.theatres) for (const e of t.keyEvents) for (const alias of e.aliases) events.add(alias, true, caseRuleOf(alias, false));
  const persons = new AliasIndex<ActorEntry>();
  const countryRefs = new AliasIndex<string>();
  const countryNames = new AliasIndex<string>();
  const nouns = new AliasIndex<ForceNoun>();
  const byId = new Map<string, ActorEntry>();
  const roles = new Map<string, ActorEntry[]>();

  const theatreRoles = new Set<string>();
  const all: ActorEntry[] = [];
  for (const t of packs.theatres) {
    for (const a of t.actors) {
      all.push(a);
      if (a.role) theatreRoles.add(roleKey(a.country ?? a.side ?? '', a.role));
    }
  }
  for (const a of packs.world.actors) {
    if (a.role && theatreRoles.has(roleKey(a.country ?? a.side ?? '', a.role))) continue;
    all.push(a);
  }
  // Capitals that are also ordinary words or phrases ("The Valley", "Male") do not name a government.
  const common = new Set(packs.world.commonWords ?? []);
  const countryAliases = new Set<string>();
  for (const p of packs.world.places) if (p.kind === 'country') for (const n of p.aliases) countryAliases.add(n);
  const unsafeCapital = (a: ActorEntry, alias: string): boolean =>
    a.kind === 'government' && a.id.startsWith('actor:world:') && !countryAliases.has(alias) && (/^The\s/.test(alias) || common.has(alias.toLowerCase()));
  for (const a of all) {
    if (byId.has(a.id)) continue;
    byId.set(a.id, a);
    for (const alias of a.aliases) {
      if (unsafeCapital(a, alias)) continue;
      const rule = caseRuleOf(alias, true);
      exact.add(alias, a, rule);
      if (a.kind === 'person' && rule !== 'upper' && LATIN.test(alias)) {
        const k = nameKey(alias);
        if (k.replace(/ /g, '').length >= MIN_FUZZY_LETTERS) persons.add(alias, a, 'cap', k.split(' '));
      }
    }
    if (a.role) {
      const key = roleKey(a.country ?? a.side ?? '', a.role);
      const list = roles.get(key);
      if (list) list.push(a);
      else roles.set(key, [a]);
    }
  }
  for (const [a3, list] of Object.entries(packs.world.demonyms ?? {})) {
    for (const d of list) countryRefs.add(d, a3, caseRuleOf(d, true));
  }
  // Capitals stand for their state before a force noun ("Kyiv's military", "Moscow's forces").
  for (const a of packs.world.actors) {
    if (a.kind !== 'government' || !a.country || !a.id.startsWith('actor:world:')) continue;
    for (const n of a.aliases) {
      if (!countryAliases.has(n) && !unsafeCapital(a, n) && !/\s/.test(n) && !/^(?:Government|Government of)/.test(n)) countryRefs.add(n, a.country, 'cap');
    }
  }
  for (const p of packs.world.places) {
    if (p.kind !== 'country' || !p.country) continue;
    for (const n of p.aliases) {
      countryRefs.add(n, p.country, caseRuleOf(n, true));
      countryNames.add(n, p.country, caseRuleOf(n, true));
    }
  }
  for (const fn of packs.world.forceNouns ?? []) nouns.add(fn.noun, fn, caseRuleOf(fn.noun, false));

  const genericState = all.find((a) => a.generic === 'state');
  // One lookup per word tells which index can start a match there (most words start none).
  const gate = new Map<string, number>();
  const mark = (keys: Iterable<string>, bit: number): void => {
    for (const k of keys) gate.set(k, (gate.get(k) ?? 0) | bit);
  };
  mark(exact.firstKeys(), EXACT);
  mark(events.firstKeys(), EVENT);
  mark(countryRefs.firstKeys(), COUNTRY);
  mark(nouns.firstKeys(), NOUN);

  const byRole = (code: string, role: string, date?: string): ActorEntry | undefined => {
    const own = pick(roles.get(roleKey(code, role)) ?? [], date);
    if (own) return own;
    // a state without its own entry for the role: the institution it belongs to ("Sudan's president" → government)
    const up = ROLE_FALLBACK[role];
    return up ? pick(roles.get(roleKey(code, up)) ?? [], date) : undefined;
  };

  const compose = (text: string, tokens: readonly Token[], i: number, g: number, date?: string): Found | null => {
    let best: Found | null = null;
    // "<demonym | country | country's> NOUN"
    const ref = g & COUNTRY ? countryRefs.match(tokens, i) : null;
    if (ref) {
      let j = i + ref.length;
      const code = ref.hits[0]!.value;
      // "Russian-backed separatists", "Saudi-led coalition", "Iran-aligned militias"
      const backed = tokens[j]?.joinPrev && BACKED.has(tokens[j]!.key) && text.slice(tokens[j - 1]!.end, tokens[j]!.start).includes('-');
      if (backed) j++;
      if (tokens[j]?.joinPrev) {
        let fn = nouns.match(tokens, j, null, (n) => n.prefix);
        // one modifier before a platform: "Turkish reconnaissance aircraft", "Russian attack drones"
        // ("Iranian-made drones" are not Iran's: a hyphened modifier must say who used them, "Russia-launched")
        const hyphened = text.slice(tokens[j - 1]!.end, tokens[j]!.start).includes('-');
        if (!fn && !backed && !tokens[j]!.cap && tokens[j + 1]?.joinPrev && (!hyphened || USED_BY.has(tokens[j]!.key))) {
          const pf = nouns.match(tokens, j + 1, null, (n) => n.prefix && n.span === 'owner');
          if (pf) fn = { ...pf, first: j, length: pf.length + 1 };
        }
        const noun = fn?.hits[0]?.value;
        const entry = noun ? byRole(code, noun.role === 'platform' ? 'forces' : noun.role, date) : undefined;
        if (fn && entry) {
          // a weapon or platform stands for its owner: the mention is the owner's name only
          best = noun!.span === 'owner' && !backed ? { length: ref.length, end: ref.end, entry, via: 'composition' } : { length: j - i + fn.length, end: fn.end, entry, via: 'composition' };
        }
        // "Russian-backed separatists" (a backer), "Palestinian militants" (a homeland)
        const gm = exact.match(tokens, j, null, (a) => Boolean(a.generic) && a.generic !== 'state' && a.generic !== 'authority');
        if (gm && (!best || j - i + gm.length > best.length)) {
          best = { length: j - i + gm.length, end: gm.end, entry: placedGeneric(gm.hits[0]!.value, code, backed ? 'backer' : 'homeland'), via: 'composition' };
        }
      }
    }
    // "NOUN of|in <country | capital>"
    const fn = g & NOUN ? nouns.match(tokens, i, null, (n) => n.postfix.length > 0) : null;
    if (fn) {
      const j = i + fn.length;
      const prep = tokens[j];
      const k = j + 1;
      const noun = fn.hits[0]!.value;
      if (prep?.joinPrev && noun.postfix.includes(prep.key) && tokens[k]?.joinPrev) {
        let code: string | undefined;
        let m: AliasMatch<unknown> | null = countryNames.match(tokens, k);
        if (m) code = (m as AliasMatch<string>).hits[0]!.value;
        else {
          const g = exact.match(tokens, k, null, (a) => a.kind === 'government' && a.country !== null);
          if (g) {
            m = g;
            code = g.hits[0]!.value.country ?? undefined;
          }
        }
        const entry = code && m ? byRole(code, noun.role, date) : undefined;
        if (m && entry && (!best || fn.length + 1 + m.length > best.length)) {
          best = { length: fn.length + 1 + m.length, end: m.end, entry, via: 'composition' };
        }
      }
    }
    return best;
  };

  const fighter = (entry: ActorEntry): ActorEntry => {
    let cur = entry;
    for (let n = 0; n < 4 && cur.fightsAs; n++) {
      const next = byId.get(cur.fightsAs);
      if (!next) break;
      cur = next;
    }
    return cur;
  };

  return {
    get: (id) => byId.get(id),
    fighter,
    byRole,
    find(text: string, date?: string): ActorMention[] {
      const tokens = tokenize(text);
      const valid = (a: ActorEntry): boolean => validAt(a, date);
      const out: ActorMention[] = [];
      let keys: (string | undefined)[] | null = null;
      const keyAt = (i: number): string => {
        keys ??= new Array<string | undefined>(tokens.length);
        return (keys[i] ??= nameKey(tokens[i]!.text));
      };
      for (let i = 0; i < tokens.length; ) {
        const t = tokens[i]!;
        let g = gate.get(t.key) ?? 0;
        if (t.possessive) g |= gate.get(t.possessive.key) ?? 0;
        const m = g & EXACT ? exact.match(tokens, i, null, valid) : null;
        const ev = g & EVENT ? events.match(tokens, i) : null;
        if (ev && (!m || ev.length > m.length)) {
          i += ev.length;
          continue;
        }
        let found: Found | null = m ? { length: m.length, end: m.end, entry: pick(m.hits.map((h) => h.value), date)!, via: 'alias' } : null;
        const c = g & (COUNTRY | NOUN) ? compose(text, tokens, i, g, date) : null;
        if (c && (!found || c.length > found.length || (c.length === found.length && found.entry.kind === 'government'))) found = c;
        // "military jets", "junta aircraft", "regime warplanes": the state's forces, resolved per article
        if (!found && STATE_MODIFIERS.has(t.key) && tokens[i + 1]?.joinPrev && genericState) {
          const pf = nouns.match(tokens, i + 1, null, (n) => n.span === 'owner');
          if (pf) found = { length: 1, end: t.end, entry: genericState, via: 'composition' };
        }
        if (!found && t.cap && !t.upper && t.key.length >= MIN_FUZZY_LETTERS) {
          const f = persons.match(tokens, i, keyAt, valid);
          if (f) found = { length: f.length, end: f.end, entry: pick(f.hits.map((h) => h.value), date)!, via: 'name-key' };
        }
        if (!found) {
          i++;
          continue;
        }
        // "The Ministry of Defense of Armenia": a generic phrase must not swallow the start of a longer name
        if (found.entry.generic && found.length > 1) {
          const next = tokens[i + 1]!;
          const g2 = (gate.get(next.key) ?? 0) | (next.possessive ? gate.get(next.possessive.key) ?? 0 : 0);
          const c2 = g2 & (COUNTRY | NOUN) ? compose(text, tokens, i + 1, g2, date) : null;
          const m2 = g2 & EXACT ? exact.match(tokens, i + 1, null, (a) => valid(a) && !a.generic) : null;
          if ((c2 && c2.end > found.end) || (m2 && m2.end > found.end)) {
            i++;
            continue;
          }
        }
        // "Yemen's Hodeidah port", "Ukraine's eastern Donetsk region": a country in the genitive
        // before a place is where, not who
        if (found.via === 'alias' && found.entry.kind === 'government' && tokens[i + found.length - 1]!.possessive && locativeAfter(tokens, i + found.length)) {
          i += found.length;
          continue;
        }
        // "Mehman Aliyev" is not Ilham Aliyev: a surname alone after another given name is someone else
        if (found.entry.kind === 'person' && found.length === 1 && otherGivenName(text, tokens, i)) {
          i += found.length;
          continue;
        }
        out.push({ start: t.start, end: found.end, surface: text.slice(t.start, found.end), entry: found.entry, via: found.via });
        i += found.length;
      }
      return out;
    },
  };
}

/**
 * The model `Actor` of an entry, with the words it was read from when a mention is given.
 *
 * @example
 * toActor(mention.entry, mention) // { name: 'Military Forces of Azerbaijan', side: 'AZE', ... }
 */
export function toActor(entry: ActorEntry, mention?: { readonly start: number; readonly end: number; readonly surface: string }): Actor {
  return {
    name: entry.name,
    side: entry.side,
    country: entry.country,
    inter: entry.inter,
    id: entry.id,
    ...(mention ? { source_text: mention.surface, span: { start: mention.start, end: mention.end, text: mention.surface } } : {}),
  };
}

const LATIN = /^[\p{Script=Latin}\p{M}\s'’ʼ`.\-()]+$/u;

/** Words that may stand before a surname without making it another person's ("President Aliyev"). */
const TITLES = new Set([
  'president', 'mr', 'mrs', 'ms', 'dr', 'general', 'gen', 'minister', 'premier', 'prime', 'colonel', 'col', 'lieutenant', 'major',
  'marshal', 'admiral', 'commander', 'chief', 'leader', 'speaker', 'ambassador', 'envoy', 'spokesman', 'spokeswoman', 'spokesperson',
  'senator', 'governor', 'mayor', 'sheikh', 'emir', 'king', 'queen', 'prince', 'sultan', 'ayatollah', 'sir', 'lord', 'madam', 'secretary',
  'chairman', 'head', 'deputy', 'foreign', 'defence', 'defense', 'said', 'says', 'told', 'and', 'the',
]);

/** The word before token `i` is a capitalised given name of someone else ("Mehman" before "Aliyev"). */
function otherGivenName(text: string, tokens: readonly Token[], i: number): boolean {
  const prev = tokens[i - 1];
  if (!prev || !tokens[i]!.joinPrev || !prev.cap || prev.upper || prev.possessive) return false;
  if (TITLES.has(prev.key)) return false;
  // a sentence-initial word is capitalised anyway: only a word inside the sentence counts
  const lead = /(\S?)\s*$/.exec(text.slice(Math.max(0, prev.start - 4), prev.start))?.[1] ?? '';
  return lead !== '' && !/[.!?\n"“«(\[:;—–-]/.test(lead);
}

/** Nouns of geography that a country in the genitive locates ("Sudan's capital", "Russia's border region"). */
const GEO_NOUNS = new Set([
  'region', 'regions', 'province', 'provinces', 'state', 'states', 'oblast', 'district', 'districts', 'governorate', 'county',
  'capital', 'city', 'cities', 'town', 'towns', 'village', 'villages', 'port', 'ports', 'coast', 'coastline', 'border', 'borders',
  'frontier', 'territory', 'territories', 'soil', 'airspace', 'waters', 'north', 'south', 'east', 'west', 'interior', 'countryside',
  'heartland', 'enclave', 'outskirts', 'area', 'areas', 'island', 'islands', 'desert', 'mountains', 'highlands', 'delta', 'valley',
]);
const DIRECTIONS = new Set(['northern', 'southern', 'eastern', 'western', 'central', 'north', 'south', 'east', 'west', 'northeastern', 'northwestern', 'southeastern', 'southwestern', 'far', 'occupied', 'restive', 'embattled', 'besieged', 'largest', 'second', 'main']);

/** The words at `j` name a place: a capitalised name, or an optional direction and a noun of geography. */
function locativeAfter(tokens: readonly Token[], j: number): boolean {
  let t = tokens[j];
  if (!t?.joinPrev) return false;
  if (t.cap && !t.upper) return true;
  while (t && DIRECTIONS.has(t.key)) t = tokens[++j];
  if (t?.cap && !t.upper && t.joinPrev) return true;
  return Boolean(t && t.joinPrev && GEO_NOUNS.has(t.key));
}

function roleKey(code: string, role: string): string {
  return `${code}|${role}`;
}

/** True when the entry is valid on `date` (always, without a date). */
function validAt(a: ActorEntry, date: string | undefined): boolean {
  if (!date) return true;
  const d = date.slice(0, 10);
  return (!a.validFrom || a.validFrom <= d) && (!a.validTo || d <= a.validTo);
}

/**
 * One entry among several for the same words: valid on the date, then open-ended over ended,
 * then the latest start; pack order (theatres before the world) breaks ties.
 */
function pick(list: readonly ActorEntry[], date?: string): ActorEntry | undefined {
  let best: ActorEntry | undefined;
  for (const a of list) {
    if (!validAt(a, date)) continue;
    if (!best) {
      best = a;
      continue;
    }
    const openA = !a.validTo;
    const openB = !best.validTo;
    if (openA !== openB) {
      if (openA) best = a;
      continue;
    }
    if ((a.validFrom ?? '') > (best.validFrom ?? '')) best = a;
  }
  return best;
}

/**
 * True for a name written in capitals that is a dateline or a shouted place ("YEREVAN, (BM) –",
 * "TRIPOLI —"), not a party; acronyms of forces and groups ("IDF", "RSF", "M23") and short state
 * acronyms ("US", "UK", "DRC") stay parties.
 */
export function isShoutedPlace(hit: { readonly surface: string; readonly entry: ActorEntry }): boolean {
  const s = hit.surface;
  if (s !== s.toUpperCase()) return false;
  if (hit.entry.kind !== 'government' && hit.entry.kind !== 'media' && hit.entry.kind !== 'person') return false;
  return s.replace(/[^\p{L}]/gu, '').length > 3;
}
