/**
 * Finds place names in text. `createPlaceMatcher(packs)` compiles every place alias of the
 * theatre and world packs into token-sequence indexes once; `find(text)` then scans the text's
 * words left to right, taking at each position the longest alias that matches (multi-word names
 * first, no overlaps), and returns each mention with all the places it may name. Picking one
 * (context, geography, theatre) is `disambiguatePlaces`'s job.
 *
 * Matching is diacritics- and apostrophe-insensitive. Curated aliases match in any case. Bulk
 * gazetteer and world-city aliases match only when the text starts with a capital, and never
 * when they are shorter than 4 letters, a common English word ("Nice", "Split") or a theatre
 * stop word ("Mets", "Bala", "Yeni"). Acronyms match only in capitals. A capitalised word that
 * matches no alias exactly is looked up by {@link nameKey} ("Kelbadzhar" → Kalbajar).
 */
import { AliasIndex, caseRuleOf, type AliasMatch, type CaseRule } from './alias-index.js';
import { FlatAliasIndex } from './flat-alias-index.js';
import { foldKey } from './fold-key.js';
import { computeNameKey, nameKey } from './name-key.js';
import { EAGER_POPULATION } from './lazy-places.js';
import { candidatesInContext, isMinorPlace } from './place-cues.js';
import { tokenize, wordKeys, type Token } from './tokenize.js';
import type { Packs, PlaceEntry } from './types.js';

export { nameKey } from './name-key.js';
export { disambiguatePlaces, resolvePlace, toPlace } from './disambiguate-places.js';

/** A place name found in text, with every place it may name (best guess first). */
export interface PlaceMention {
  readonly start: number;
  readonly end: number;
  /** The words in the text (`text.slice(start, end)`). */
  readonly surface: string;
  readonly candidates: readonly PlaceEntry[];
  /** True when found through the transliteration-tolerant {@link nameKey} fallback. */
  readonly fuzzy?: boolean;
}

/** A compiled place matcher; build it once per process (it holds ~40k aliases). */
export interface PlaceMatcher {
  /** Every place mention in `text`, in order, without overlaps. */
  find(text: string): PlaceMention[];
  /** The entry with this id, if any. */
  get(id: string): PlaceEntry | undefined;
  /** ISO alpha-3 codes of the theatres' countries. */
  readonly theatreCountries: readonly string[];
}

/** Actor kinds named after their state (their aliases include country and capital names). */
const STATE_KINDS: ReadonlySet<string> = new Set(['state-forces', 'government', 'ministry', 'civilians']);

// Gate flags per first word key; the bulk index's longest alias length sits above them
// (`FlatAliasIndex.firsts` is the gate), so a value of at least BULK means the bulk index can match.
const EXACT = 1;
const BLOCKER = 2;
const GATE_BITS = 2;
const BULK = 1 << GATE_BITS;

/** The longer of two matches at one position; on equal length, one match with the hits of both. */
function longer<T>(a: AliasMatch<T> | null, b: AliasMatch<T> | null): AliasMatch<T> | null {
  if (!a || !b) return a ?? b;
  if (a.length !== b.length) return a.length > b.length ? a : b;
  return { ...a, hits: [...a.hits, ...b.hits] };
}

/** Minimum letters of a bulk alias and of a word looked up by nameKey. */
const MIN_BULK_LETTERS = 4;
const MIN_FUZZY_LETTERS = 5;

/**
 * Compiles the place aliases of all packs.
 *
 * @example
 * const places = createPlaceMatcher(loadPacks());
 * places.find('Azerbaijani troops entered Khtsaberd.')[0]?.candidates[0]?.id // 'place:nk:khtsaberd'
 */
export function createPlaceMatcher(packs: Packs): PlaceMatcher {
  const exact = new AliasIndex<PlaceEntry>();
  const bulk = new FlatAliasIndex<PlaceEntry>(GATE_BITS);
  const fuzzy = new AliasIndex<PlaceEntry>();
  const blockers = blockingPhrases(packs);
  // One-word names of armed groups and other non-state actors ("Hamas", "Hezbollah") are no
  // gazetteer alias (Hamm, Germany, is "Hamas" in Latvian) nor looked up by transliteration key.
  const actorWords = new Set<string>();
  for (const a of [...packs.world.actors, ...packs.theatres.flatMap((t) => t.actors)]) {
    if (STATE_KINDS.has(a.kind)) continue;
    for (const alias of a.aliases) {
      const keys = wordKeys(alias);
      if (keys.length === 1) actorWords.add(keys[0]!);
    }
  }
  // built on the first `get` (a map of 150,000 ids is start-up time most callers never use); the
  // places read on demand only when an id is not among the others (it parses them all)
  let byId: Map<string, PlaceEntry> | null = null;
  const idIndex = (): Map<string, PlaceEntry> => {
    if (!byId) {
      byId = new Map<string, PlaceEntry>();
      for (const t of packs.theatres) for (const p of t.places) byId.set(p.id, p);
      for (const p of packs.world.places) byId.set(p.id, p);
    }
    return byId;
  };
  let lazyById: Map<string, PlaceEntry> | null = null;
  const lazyIndex = (): Map<string, PlaceEntry> => {
    if (!lazyById) {
      lazyById = new Map<string, PlaceEntry>();
      for (const l of lazy) for (const p of l.rest()) lazyById.set(p.id, p);
    }
    return lazyById;
  };
  const common = new Set(packs.world.commonWords ?? []);
  const stop = new Set<string>();
  for (const t of packs.theatres) for (const w of t.stopAliases ?? []) stop.add(foldKey(w));
  // a word key has no spaces: its length is its letter count
  const commonOrStop = new Set([...common, ...stop]);
  const unsafe = (k: string): boolean => k.length < MIN_BULK_LETTERS || commonOrStop.has(k);
  // A theatre's stop aliases ("Mets", "Bala") also keep world towns and alternate names from
  // matching alone, but not the own name of a world city or division ("Georgia", the US state).
  const unsafeWorld = (k: string): boolean => k.length < MIN_BULK_LETTERS || common.has(k);

  // Aliases in other scripts (Armenian, Cyrillic) are indexed on the first article that has a
  // word in such a script: English news never pays for them.
  const deferred: [string, PlaceEntry][] = [];
  // `onlyFirst`: only the aliases whose first word key it is (a row of the places read on demand,
  // indexed word by word as the texts bring the words)
  const addBulk = (p: PlaceEntry, fuzzyToo: boolean, flat = false, onlyFirst?: string): void => {
    const fuzzySeen = fuzzyToo && notable(p) ? new Set<string>() : null;
    for (const alias of p.aliases) {
      if (otherScript(alias.charCodeAt(0))) {
        if (onlyFirst === undefined || wordKeys(alias)[0] === onlyFirst) deferred.push([alias, p]);
        continue;
      }
      const keys = wordKeys(alias);
      // a bulk alias must have at least one safe word ("Mets Taghlar" yes, "Mets" no)
      if (keys.length === 0) continue;
      if (onlyFirst !== undefined && keys[0] !== onlyFirst) continue;
      const rule = caseRuleOf(alias, true);
      // an acronym matches only in capitals: three letters are enough ("NSW")
      const ownName = flat && alias === p.name && !isMinorPlace(p);
      if (keys.every(ownName ? unsafeWorld : unsafe) && !(rule === 'upper' && keys.join('').length >= 3 && !common.has(keys.join('')))) continue;
      if (flat && keys.length === 1 && actorWords.has(keys[0]!)) continue;
      // the world gazetteer's proper nouns go to the flat index; acronyms and the rest to the trie
      if (flat && rule === 'cap') bulk.add(keys, p);
      else {
        exact.add(alias, p, rule, keys);
        if (onlyFirst !== undefined) gate.set(keys[0]!, (gate.get(keys[0]!) ?? 0) | EXACT);
      }
      if (fuzzySeen) addFuzzy(alias, keys, p, 'cap', fuzzySeen);
    }
  };
  /** Indexes the nameKey of a Latin-script alias (once per distinct folded spelling of an entry). */
  const addFuzzy = (alias: string, keys: readonly string[], p: PlaceEntry, rule: CaseRule, seen: Set<string>): void => {
    const folded = keys.join(' ');
    if (seen.has(folded) || !LATIN.test(alias)) return;
    seen.add(folded);
    const k = computeNameKey(folded);
    if (letters(k) < MIN_FUZZY_LETTERS) return;
    fuzzy.add(alias, p, rule, k.split(' '));
  };

  const theatreCountries = new Set<string>();
  const gazetteerCountries = new Set<string>();
  for (const t of packs.theatres) {
    for (const c of t.countries) theatreCountries.add(c);
    for (const p of t.places) {
      if (!p.curated) {
        if (p.country) gazetteerCountries.add(p.country);
        addBulk(p, true);
        continue;
      }
      const seen = new Set<string>();
      for (const alias of p.aliases) {
        const rule = caseRuleOf(alias, false);
        const keys = wordKeys(alias);
        exact.add(alias, p, rule, keys);
        addFuzzy(alias, keys, p, rule === 'upper' ? 'upper' : 'cap', seen);
      }
    }
  }
  for (const p of packs.world.places) {
    if (p.kind === 'country' || p.curated) {
      for (const alias of p.aliases) exact.add(alias, p, caseRuleOf(alias, true));
    } else if (!p.country || !gazetteerCountries.has(p.country)) {
      // a theatre gazetteer supersedes the world cities of its countries; large cities also get
      // transliteration-tolerant keys ("Odesa" / "Odessa", "Kyiv" stays exact)
      addBulk(p, p.population >= EAGER_POPULATION, true);
    }
  }
  // The places read on demand (`lazy-places.ts`: all but capitals and large cities) are indexed
  // one first word at a time, before the gate is first asked about that word: the same aliases
  // end up in the same indexes as if every row had been indexed here.
  const lazy = packs.world.lazyPlaces ?? [];
  const loadedKeys = new Set<string>();
  const loadKey = (k: string): void => {
    loadedKeys.add(k);
    const waiting = deferred.length;
    for (const l of lazy) {
      for (const p of l.withFirstKey(k)) {
        if (p.kind === 'country' || p.curated || (p.country && gazetteerCountries.has(p.country))) continue;
        addBulk(p, p.population >= EAGER_POPULATION, true, k);
      }
    }
    // (a row's alias in another script, read because the text has a word in that script: indexed
    // now, as `find` indexed the others on seeing that word; a Latin word leaves them waiting)
    if (deferred.length > waiting) indexDeferred();
  };

  // "the Syrian capital", "Ukraine's capital": the capital city of the country named.
  const capitalOf = new Map<string, PlaceEntry>();
  for (const p of packs.world.places) {
    if (!p.capital || !p.country) continue;
    const prev = capitalOf.get(p.country);
    if (!prev || p.population > prev.population) capitalOf.set(p.country, p);
  }
  const countryByKey = new Map<string, string>();
  for (const p of packs.world.places) if (p.kind === 'country' && p.country) for (const a of p.aliases) countryByKey.set(foldKey(a), p.country);
  const demonymCountry = new Map<string, string>();
  for (const [a3, list] of Object.entries(packs.world.demonyms ?? {})) for (const d of list) if (!demonymCountry.has(foldKey(d))) demonymCountry.set(foldKey(d), a3);

  // One lookup per word tells which index can start a match there (most words start none).
  const gate = bulk.firsts;
  /** The gate's flags of a word key (indexing the places read on demand that start with it, the first time). */
  const gateOf = (k: string): number => {
    if (lazy.length > 0 && !loadedKeys.has(k)) loadKey(k);
    return gate.get(k) ?? 0;
  };
  for (const k of exact.firstKeys()) gate.set(k, (gate.get(k) ?? 0) | EXACT);
  for (const k of blockers.firstKeys()) gate.set(k, (gate.get(k) ?? 0) | BLOCKER);
  const indexDeferred = (): void => {
    for (const [alias, p] of deferred.splice(0)) {
      const keys = wordKeys(alias);
      if (keys.length === 0 || keys.every(unsafe)) continue;
      exact.add(alias, p, caseRuleOf(alias, true), keys);
      gate.set(keys[0]!, (gate.get(keys[0]!) ?? 0) | EXACT);
    }
  };

  // Villages of the countries at war (`villages/<ISO3>.tsv.gz`), indexed per country on the first article
  // that names the country: an article about Burkina Faso pays for Burkina Faso's villages only.
  const villages = packs.world.villages;
  // every word of a person's name ("Bashar", "Assad", "Peskov"): no village goes by one of them
  const personWords = new Set<string>();
  if (villages) for (const a of packs.world.actors) if (a.kind === 'person') for (const alias of a.aliases) for (const k of wordKeys(alias)) personWords.add(k);
  /** A country's village index; `load(k)` indexes the villages whose name starts with word key `k` when they are read on demand. */
  interface VillageIndex {
    readonly idx: FlatAliasIndex<PlaceEntry>;
    readonly load: ((k: string) => void) | null;
  }
  const villageIndexes = new Map<string, VillageIndex | null>();
  const NO_ALIASES: readonly string[] = Object.freeze([]);
  const villageIndex = (country: string): VillageIndex | null => {
    let vi = villageIndexes.get(country);
    if (vi !== undefined) return vi;
    vi = null;
    // a theatre gazetteer supersedes the world places of its countries
    if (villages && !gazetteerCountries.has(country) && villages.countries().has(country)) {
      const idx = new FlatAliasIndex<PlaceEntry>();
      const addVillage = (p: PlaceEntry, onlyFirst?: string): void => {
        for (const alias of p.aliases) {
          const keys = wordKeys(alias);
          if (keys.length === 0 || (onlyFirst !== undefined && keys[0] !== onlyFirst)) continue;
          if (keys.every(unsafe) || caseRuleOf(alias, true) !== 'cap') continue;
          if (keys.length === 1 && (actorWords.has(keys[0]!) || personWords.has(keys[0]!))) continue;
          idx.add(keys, p);
        }
      };
      // through the country's key table: only the villages named by the words of the texts are read
      const lazyVillages = villages.lazyOf(country);
      if (lazyVillages) {
        const loaded = new Set<string>();
        vi = {
          idx,
          load: (k) => {
            if (loaded.has(k)) return;
            loaded.add(k);
            for (const p of lazyVillages.withFirstKey(k)) addVillage(p, k);
          },
        };
      } else {
        for (const p of villages.of(country)) {
          addVillage(p);
          // the names now live in the index: the entries keep none (memory: ~412,000 strings for all countries)
          (p as { aliases: readonly string[] }).aliases = NO_ALIASES;
        }
        vi = { idx, load: null };
      }
    }
    villageIndexes.set(country, vi);
    return vi;
  };
  /** A village by id (GeoNames ids only), reading the countries' files until found. */
  const villageById = (id: string): PlaceEntry | undefined => {
    if (!villages || !id.startsWith('place:gn:')) return undefined;
    for (const c of villages.countries()) {
      const hit = villages.of(c).find((p) => p.id === id);
      if (hit) return hit;
    }
    return undefined;
  };
  /**
   * The countries an article speaks of: those it names ("Mali", even where a town in China is
   * called so too), those its place mentions name without doubt (one country among the
   * candidates) and those whose demonym it uses ("Burkinabe soldiers").
   */
  const articleCountries = (tokens: readonly Token[], found: readonly PlaceMention[]): Set<string> => {
    const out = new Set<string>();
    for (const m of found) {
      const country = m.candidates.find((o) => o.kind === 'country');
      const c = country ? country.country : m.candidates[0]?.country;
      if (c && (country || m.candidates.every((o) => o.country === c))) out.add(c);
    }
    for (const t of tokens) {
      const c = demonymCountry.get(t.key);
      if (c) out.add(c);
    }
    return out;
  };
  /**
   * Adds the villages of the countries the article speaks of: new mentions where no other place
   * name matched, and extra candidates of a mention whose name a village shares ("Ulang" in an
   * article about South Sudan). Villages need a locative cue like every minor place.
   */
  const addVillages = (text: string, tokens: readonly Token[], found: PlaceMention[]): PlaceMention[] => {
    const indexes: VillageIndex[] = [];
    for (const c of articleCountries(tokens, found)) {
      const vi = villageIndex(c);
      if (vi) indexes.push(vi);
    }
    if (indexes.length === 0) return found;
    const matchAt = (i: number): AliasMatch<PlaceEntry> | null => {
      let m: AliasMatch<PlaceEntry> | null = null;
      const t = tokens[i]!;
      for (const { idx, load } of indexes) {
        if (load) {
          load(t.key);
          if (t.possessive) load(t.possessive.key);
        }
        m = longer(m, idx.match(tokens, i));
      }
      return m;
    };
    const startsPlace = (k: string): boolean => {
      const v = gateOf(k);
      return (v & EXACT) !== 0 || v >= BULK;
    };
    const out: PlaceMention[] = [];
    let j = 0; // next found mention
    let prevEnd = -1;
    for (let i = 0; i < tokens.length; ) {
      const t = tokens[i]!;
      while (j < found.length && found[j]!.end <= t.start) {
        out.push(found[j]!);
        prevEnd = found[j]!.end;
        j++;
      }
      const f = found[j];
      // a longer village name over a shorter place name ("Majdal Selm", not Majdal for Ashkelon)
      if (f && f.start === t.start && t.cap) {
        const m = matchAt(i);
        const mention = m && m.end > f.end ? mentionOf(text, tokens, m, false) : null;
        const kept = mention ? candidatesInContext(text, mention.start, mention.end, mention.candidates, prevEnd) : [];
        if (mention && m && kept.length > 0 && !namesDivision(text, mention.start, mention.end) && !PATRONYMIC_AFTER.test(text.slice(mention.end, mention.end + 12))) {
          out.push(widenMention(text, kept === mention.candidates ? mention : { ...mention, candidates: kept }));
          prevEnd = mention.end;
          while (j < found.length && found[j]!.start < mention.end) j++;
          i += m.length;
          continue;
        }
      }
      if (f && f.start < t.end) {
        // a mention already covers this word: villages of the same name join its candidates
        // (of another country only: in its own country a town or district of that name is bigger)
        const m = f.start === t.start && t.cap ? matchAt(i) : null;
        if (m && m.end === f.end && !f.fuzzy && !namesDivision(text, f.start, f.end)) {
          const extra = candidatesInContext(text, f.start, f.end, mentionOf(text, tokens, m, false).candidates, prevEnd).filter((c) => !f.candidates.some((o) => o === c || o.country === c.country));
          out.push(extra.length > 0 ? { ...f, candidates: [...f.candidates, ...extra] } : f);
        } else out.push(f);
        prevEnd = f.end;
        j++;
        while (i < tokens.length && tokens[i]!.start < f.end) i++;
        continue;
      }
      const m = t.cap ? matchAt(i) : null;
      if (!m || (f && m.end > f.start)) {
        i++;
        continue;
      }
      const mention = mentionOf(text, tokens, m, false);
      const kept = candidatesInContext(text, mention.start, mention.end, mention.candidates, prevEnd);
      // a village name is never the first word of a longer capitalised name ("Nyaung Kone village")
      const next = tokens[m.first + m.length];
      const continued = next !== undefined && next.joinPrev && next.cap && !next.upper && !/[-‐–]/.test(text.slice(mention.end, next.start)) && !NAME_CONTINUATION.test(next.text);
      if (kept.length === 0 || continued || PATRONYMIC_AFTER.test(text.slice(mention.end, mention.end + 12)) || namesDivision(text, mention.start, mention.end) || insideLongerName(text, tokens, m.first, m.first + m.length, prevEnd, startsPlace)) {
        i++;
        continue;
      }
      out.push(widenMention(text, kept === mention.candidates ? mention : { ...mention, candidates: kept }));
      prevEnd = mention.end;
      i += m.length;
    }
    while (j < found.length) out.push(found[j++]!);
    return out;
  };

  return {
    theatreCountries: [...theatreCountries],
    get: (id) => idIndex().get(id) ?? (lazy.length > 0 ? lazyIndex().get(id) : undefined) ?? villageById(id),
    find(text: string): PlaceMention[] {
      const tokens = tokenize(text);
      if (deferred.length > 0 && tokens.some((t) => otherScript(t.key.charCodeAt(0)))) indexDeferred();
      const out: PlaceMention[] = [];
      let nameKeys: (string | undefined)[] | null = null;
      const keyAt = (i: number): string => {
        nameKeys ??= new Array<string | undefined>(tokens.length);
        let k = nameKeys[i];
        if (k === undefined) {
          k = nameKey(tokens[i]!.text);
          nameKeys[i] = k;
        }
        return k;
      };
      for (let i = 0; i < tokens.length; ) {
        const t = tokens[i]!;
        const cap = capitalMention(text, tokens, i, demonymCountry, capitalOf, countryByKey);
        if (cap) {
          out.push(cap.mention);
          i = cap.next;
          continue;
        }
        let g = gateOf(t.key);
        if (t.possessive) g |= gateOf(t.possessive.key);
        let m: AliasMatch<PlaceEntry> | null = g & EXACT ? exact.match(tokens, i) : null;
        if (g >= BULK) m = longer(m, bulk.match(tokens, i));
        // "Minsk Group", "Bishkek Protocol", "Karabakh forces": a longer actor or event name
        // that contains a place name is not a place mention.
        const b = g & BLOCKER ? blockers.match(tokens, i) : null;
        if (b && (!m || b.length > m.length)) {
          i += b.length;
          continue;
        }
        let viaNameKey = false;
        if (!m && t.cap && fuzzyCandidate(t, common) && !actorWords.has(t.key)) {
          m = fuzzy.match(tokens, i, keyAt);
          viaNameKey = m !== null;
        }
        if (!m) {
          i++;
          continue;
        }
        const mention = mentionOf(text, tokens, m, viaNameKey);
        let kept = candidatesInContext(text, mention.start, mention.end, mention.candidates, out.at(-1)?.end ?? -1, viaNameKey);
        // "Nyaung Kone", "Mali Khel": a name inside a longer capitalised name the gazetteer does not know
        const inside = kept.length > 0 ? insideLongerName(text, tokens, m.first, m.first + m.length, out.at(-1)?.end ?? -1, (k) => { const v = gateOf(k); return (v & EXACT) !== 0 || v >= BULK; }) : null;
        if (inside) kept = kept.filter((c) => c.curated || !(inside === 'after' ? isMinorPlace(c) : c.id.startsWith('place:gn') || c.kind === 'country'));
        if (kept.length === 0) {
          i++;
          continue;
        }
        out.push(widenMention(text, kept === mention.candidates ? mention : { ...mention, candidates: kept }));
        i += m.length;
      }
      return villages ? addVillages(text, tokens, out) : out;
    },
  };
}

/**
 * "the Syrian capital" (a demonym before "capital") or "Ukraine's capital" (a country's possessive
 * before it) at token `i`: a mention of that country's capital city.
 */
function capitalMention(
  text: string,
  tokens: readonly Token[],
  i: number,
  demonymCountry: ReadonlyMap<string, string>,
  capitalOf: ReadonlyMap<string, PlaceEntry>,
  countryByKey: ReadonlyMap<string, string>,
): { mention: PlaceMention; next: number } | null {
  const t = tokens[i]!;
  const next = tokens[i + 1];
  if (!t.cap || !next || next.key !== 'capital' || !next.joinPrev) return null;
  const a3 = t.possessive ? (countryByKey.get(t.possessive.key) ?? demonymCountry.get(t.possessive.key)) : demonymCountry.get(t.key);
  const city = a3 ? capitalOf.get(a3) : undefined;
  if (!city) return null;
  return { mention: { start: t.start, end: next.end, surface: text.slice(t.start, next.end), candidates: [city] }, next: i + 2 };
}

/** A direction adjective right before a name ("northern Israel", "south-eastern Ukraine"). */
const DIRECTION_BEFORE = /(?:(?:[Nn]orth|[Ss]outh)(?:-?[Ee]ast|-?[Ww]est)?ern|[Ee]astern|[Ww]estern|[Cc]entral|[Uu]pper|[Ll]ower) +$/u;
/** A division designator right after a name ("Donetsk region", "Idlib province"). */
const DIVISION_AFTER = /^[ -]+(?:region|province|oblast|governorate|district|state|county|territory|prefecture|raion|rayon|department|municipality|township)\b/i;

/**
 * Widens a mention over the words that say which part or which division of the place is meant:
 * a direction adjective before it ("northern Israel") and, when it may name a division, the
 * designator after it ("Donetsk region"). The candidates stay those of the name.
 */
function widenMention(text: string, m: PlaceMention): PlaceMention {
  let { start, end } = m;
  const from = Math.max(0, start - 24);
  const dir = DIRECTION_BEFORE.exec(text.slice(from, start));
  if (dir && !/[\p{L}-]/u.test(text.charAt(from + dir.index - 1))) start = from + dir.index;
  if (m.candidates.some((c) => c.kind === 'district' || c.kind === 'region')) {
    const des = DIVISION_AFTER.exec(text.slice(end, end + 24));
    if (des) end += des[0].length;
  }
  if (start === m.start && end === m.end) return m;
  return { ...m, start, end, surface: text.slice(start, end) };
}

/** A division designator and "of" right before a name ("the province of Kossi"). */
const DIVISION_OF_BEFORE = /\b(?:region|province|oblast|governorate|district|state|county|territory|prefecture|department|municipality|commune|township)\s+of\s+(?:the\s+)?$/i;

/** Whether the name at [start, end) is said to be a division ("Kossi province", "the province of Kossi"): no village then. */
function namesDivision(text: string, start: number, end: number): boolean {
  return DIVISION_AFTER.test(text.slice(end, end + 24)) || DIVISION_OF_BEFORE.test(text.slice(Math.max(0, start - 30), start));
}

/** A patronymic or family-name particle after a word: a person's name ("Bashar al-Assad", "Osama bin Laden"). */
const PATRONYMIC_AFTER = /^[ -]+(?:al|el|bin|ibn|ben|bint|ould|wad|abu|ag)[ -]+\p{Lu}/u;

/** Words that continue a place name without making it another name ("Gaza City", "Tirah valley"). */
const NAME_CONTINUATION = /^(?:city|town|village|district|region|province|oblast|governorate|state|county|valley|river|sea|lake|port|airport|strait|gulf|island|islands|mountains?|hills?|border|front|crossing|camp|area|territory|delta|basin|coast|peninsula|heights)$/i;

/**
 * Whether the words [first, end) sit inside a longer capitalised name: a capitalised word right
 * before them (not opening the sentence, not a place already found) makes any gazetteer reading
 * doubtful ("Nyaung Kone"); one right after them (not a designator, not the start of another
 * place name) only a town's or village's ("Mali Khel" is not Mali, Guinea; "Queensland Health"
 * still names Queensland).
 */
function insideLongerName(text: string, tokens: readonly Token[], first: number, end: number, prevMentionEnd: number, startsPlace: (key: string) => boolean): 'before' | 'after' | null {
  const prev = tokens[first - 1];
  const cur = tokens[first]!;
  if (prev && cur.joinPrev && prev.cap && !prev.upper && !prev.possessive && prev.end > prevMentionEnd && !/[-‐–]/.test(text.slice(prev.end, cur.start))) {
    const before = text.slice(Math.max(0, prev.start - 3), prev.start);
    const opensSentence = prev.start === 0 || /(?:[.!?:;"“]\s*|\n\s*)$/.test(before);
    if (!opensSentence && !startsPlace(prev.key)) return 'before';
  }
  const next = tokens[end];
  const last = tokens[end - 1]!;
  if (next && next.joinPrev && next.cap && !next.upper && !/[-‐–]/.test(text.slice(last.end, next.start))) {
    if (!NAME_CONTINUATION.test(next.text) && !startsPlace(next.key)) return 'after';
  }
  return null;
}

const LATIN = /^[\p{Script=Latin}\p{M}\s'’ʼ`.\-()]+$/u;

/** A first character outside Latin (Greek and beyond, except Latin Extended Additional). */
function otherScript(c: number): boolean {
  return c >= 0x370 && !(c >= 0x1e00 && c <= 0x1eff);
}

/**
 * Gazetteer rows worth a transliteration-tolerant lookup: towns and larger, or places with a
 * known population. Small villages rely on the many spellings WOF already lists.
 */
function notable(p: PlaceEntry): boolean {
  return p.kind !== 'village' || p.population >= 1000;
}

function letters(k: string): number {
  let n = 0;
  for (let i = 0; i < k.length; i++) if (k.charCodeAt(i) !== 0x20) n++;
  return n;
}

/** Multi-word actor and key-event names (they hide the place names inside them). */
function blockingPhrases(packs: Packs): AliasIndex<true> {
  const index = new AliasIndex<true>();
  const add = (alias: string, properNoun: boolean): void => {
    const keys = wordKeys(alias);
    if (keys.length > 1) index.add(alias, true, caseRuleOf(alias, properNoun), keys);
  };
  for (const t of packs.theatres) {
    for (const a of t.actors) for (const alias of a.aliases) add(alias, true);
    for (const e of t.keyEvents) for (const alias of e.aliases) add(alias, false);
  }
  for (const a of packs.world.actors) for (const alias of a.aliases) add(alias, true);
  return index;
}

function fuzzyCandidate(t: Token, common: ReadonlySet<string>): boolean {
  return t.key.length >= MIN_FUZZY_LETTERS && !common.has(t.key) && !t.upper;
}

function mentionOf(text: string, tokens: readonly Token[], m: AliasMatch<PlaceEntry>, fuzzy: boolean): PlaceMention {
  const start = tokens[m.first]!.start;
  const seen = new Set<string>();
  const candidates: PlaceEntry[] = [];
  for (const h of m.hits) {
    if (seen.has(h.value.id)) continue;
    seen.add(h.value.id);
    candidates.push(h.value);
  }
  candidates.sort(byPrior);
  return { start, end: m.end, surface: text.slice(start, m.end), candidates, ...(fuzzy ? { fuzzy: true } : {}) };
}

/** Prior order of candidates: curated, current, larger, then id (deterministic). */
export function byPrior(a: PlaceEntry, b: PlaceEntry): number {
  if (a.curated !== b.curated) return a.curated ? -1 : 1;
  const ac = a.current !== false;
  const bc = b.current !== false;
  if (ac !== bc) return ac ? -1 : 1;
  if (a.population !== b.population) return b.population - a.population;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
