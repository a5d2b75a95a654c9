/**
 * Picks one place per mention. Scores each candidate with, in decreasing weight: context words
 * of curated entries found anywhere in the article ("Hadrut" for the Hadrut Khtsaberd), distance
 * to the places the article names unambiguously, curated over gazetteer rows, the theatre's
 * countries over others, a "district"/"region" word next to the name, current over superseded
 * rows, and population. Ties fall back to the candidates' prior order (see `byPrior`).
 */
import { distanceKm } from '../model/geo.js';
import type { GeoPrecision, Place } from '../model/event.js';
import { foldKey } from './fold-key.js';
import type { PlaceMention } from './gazetteer-index.js';
import { tokenize, wordKeys, type Token } from './tokenize.js';
import type { Packs, PlaceEntry } from './types.js';

/** Options of {@link disambiguatePlaces}. */
export interface DisambiguateOptions {
  /** ISO alpha-3 codes favoured on ties (default: countries of the theatres whose keywords occur in the text, when `packs` is given). */
  readonly theatreCountries?: readonly string[];
  /** Used to detect the article's theatre from its keywords when `theatreCountries` is not given. */
  readonly packs?: Packs;
}

/** A mention with the place chosen for it. */
export interface ResolvedPlace {
  readonly mention: PlaceMention;
  readonly entry: PlaceEntry;
  readonly place: Place;
  /** Score of the chosen candidate (0 when the mention had a single candidate). */
  readonly score: number;
  /** Every candidate with its score, best first (the chosen one first). */
  readonly ranked: readonly { readonly entry: PlaceEntry; readonly score: number }[];
}

/** What {@link resolvePlace} needs to know about the article. */
export interface PlaceContext extends DisambiguateOptions {
  readonly text: string;
  /** All place mentions of the article, for geographic coherence (default: this one only). */
  readonly mentions?: readonly PlaceMention[];
}

const W = {
  curated: 3,
  current: 1.5,
  /** per context phrase found, up to 3 phrases */
  context: 2,
  theatre: 1.5,
  kindHint: 8,
  /** by distance to the nearest anchor (a town or smaller named unambiguously) */
  near25: 4,
  near75: 2.5,
  near200: 1,
  /** when the article has anchors but none within 300 km */
  far: -1,
  /** within 60 km of a district or region the article names unambiguously */
  inArea: 1.5,
  country: 5,
  /** prior of a generated first-order division (a city of ~500,000 people scores as much) */
  division: 1.9,
  /** in a country the article names elsewhere */
  namedCountry: 1,
  /** in a first-order division the article names elsewhere */
  namedAdmin1: 2,
  /** a first-order division when the article names other divisions of its country */
  siblingDivision: 4,
  /** inside the area named right after it ("X, Y", "X in Y") */
  qualifier: 4,
} as const;

/**
 * Resolves every mention of one article, in order (null for a mention without candidates).
 *
 * @example
 * const text = 'Fighting near Khtsaberd, in the Hadrut area.';
 * disambiguatePlaces(matcher.find(text), text)[0]?.entry.id // 'place:nk:khtsaberd' (the Hadrut one)
 */
export function disambiguatePlaces(mentions: readonly PlaceMention[], text: string, opts: DisambiguateOptions = {}): (ResolvedPlace | null)[] {
  let theatreSet: ReadonlySet<string> | null = null;
  const theatre = (): ReadonlySet<string> => (theatreSet ??= new Set(opts.theatreCountries ?? detectTheatreCountries(text, opts.packs)));
  const ctx = new ArticleContext(text);
  const named = namedAreas(mentions, text);
  // Pass 1: mentions with a single candidate (or a clear curated winner) anchor the geography.
  const anchors: Anchor[] = [];
  const areas: Anchor[] = [];
  for (const m of mentions) {
    const only = m.candidates.length === 1 ? m.candidates[0] : undefined;
    if (!only || only.kind === 'country') continue;
    (isLocal(only) ? anchors : areas).push({ lat: only.lat, lon: only.lon, mention: m });
  }
  return mentions.map((m) => {
    if (m.candidates.length === 0) return null;
    if (m.candidates.length === 1) {
      const only = m.candidates[0]!;
      return { mention: m, entry: only, place: toPlace(only, m, text), score: 0, ranked: [{ entry: only, score: 0 }] };
    }
    let best: PlaceEntry | null = null;
    let bestScore = -Infinity;
    const hint = kindHint(text, m);
    const ranked: { entry: PlaceEntry; score: number }[] = [];
    for (const c of m.candidates) {
      const s = scoreOf(c, m, ctx, theatre(), anchors, areas, hint) + areaScore(c, m, named);
      ranked.push({ entry: c, score: s });
      if (s > bestScore) {
        best = c;
        bestScore = s;
      }
    }
    const entry = best!;
    // stable: ties keep the prior order, the chosen one first
    ranked.sort((a, b) => (a.entry === entry ? -1 : b.entry === entry ? 1 : b.score - a.score));
    return { mention: m, entry, place: toPlace(entry, m, text), score: bestScore, ranked };
  });
}

/**
 * Resolves one mention in the context of its article; null when it has no candidates.
 *
 * @example
 * resolvePlace(mention, { text, mentions: matcher.find(text) })?.name // 'Khtsaberd'
 */
export function resolvePlace(mention: PlaceMention, ctx: PlaceContext): Place | null {
  const all = ctx.mentions && ctx.mentions.includes(mention) ? ctx.mentions : [...(ctx.mentions ?? []), mention];
  const i = all.indexOf(mention);
  return disambiguatePlaces(all, ctx.text, ctx)[i]?.place ?? null;
}

/**
 * The model `Place` for an entry as mentioned: ACLED geo precision 1 for a town or village,
 * 2 for a corridor, height or area and for "the X area" / "near X", 3 for a district, region or
 * country.
 */
export function toPlace(entry: PlaceEntry, mention: PlaceMention, text: string): Place {
  return {
    name: entry.name,
    source_text: mention.surface,
    country: entry.country,
    admin1: entry.admin1,
    admin2: entry.admin2,
    lat: entry.lat,
    lon: entry.lon,
    geo_precision: precisionOf(entry, mention, text),
    id: entry.id,
    span: { start: mention.start, end: mention.end, text: mention.surface },
  };
}

const NEAR_BEFORE = /\b(?:near|nearby|outside|around|close to|vicinity of|outskirts of|direction of|area of|surroundings of|approaches to|environs of)\s+(?:the\s+)?$/i;
const AREA_AFTER = /^\s*(?:area|areas|direction|outskirts|vicinity|sector|surroundings|environs|axis)\b/i;
const DISTRICT_AFTER = /^\s*(?:district|districts|region|regions|rayon|province|marz)\b/i;
/** A mention widened over its designator ("Donetsk region"). */
const DISTRICT_END = /[ -](?:district|region|province|oblast|governorate|state|county|territory|prefecture|raion|rayon|department|municipality|township)$/i;
const DISTRICT_BEFORE = /\b(?:[Dd]istricts?|[Rr]egions?|[Rr]ayons?|[Pp]rovinces?)\s+of\s+(?:(?:the\s+)?\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*)?,?\s+(?:and\s+)?)*$/u;

function precisionOf(entry: PlaceEntry, m: PlaceMention, text: string): GeoPrecision {
  switch (entry.kind) {
    case 'country':
    case 'region':
    case 'district':
      return 3;
    case 'area':
    case 'corridor':
    case 'height':
      return 2;
    default: {
      const before = text.slice(Math.max(0, m.start - 30), m.start);
      const after = text.slice(m.end, m.end + 16);
      return NEAR_BEFORE.test(before) || AREA_AFTER.test(after) ? 2 : 1;
    }
  }
}

/**
 * "district(s) of X, Y and Z" or "X district" around the mention: prefer district readings. Not
 * "the Jiangsu province of China", "30 provinces of China": a name that may be a country after
 * "province of" is the country holding them (China, Mexico is a municipality too).
 */
function kindHint(text: string, m: PlaceMention): boolean {
  const after = text.slice(m.end, m.end + 16);
  if (DISTRICT_AFTER.test(after) || DISTRICT_END.test(m.surface)) return true;
  if (m.candidates.some((c) => c.kind === 'country')) return false;
  const before = text.slice(Math.max(0, m.start - 80), m.start);
  return DISTRICT_BEFORE.test(before);
}

function isLocal(p: PlaceEntry): boolean {
  return p.kind !== 'country' && p.kind !== 'region';
}

function scoreOf(
  c: PlaceEntry,
  m: PlaceMention,
  ctx: ArticleContext,
  theatre: ReadonlySet<string>,
  anchors: readonly Anchor[],
  areas: readonly Anchor[],
  districtHint: boolean,
): number {
  let s = 0;
  if (c.curated) s += W.curated;
  if (c.current !== false) s += W.current;
  s += Math.min(2, Math.log10(c.population + 1) / 3);
  if (c.context) {
    let found = 0;
    for (const phrase of c.context) if (found < 3 && ctx.has(phrase, m)) found++;
    s += found * W.context;
  }
  if (c.country && theatre.has(c.country)) s += W.theatre;
  // A country's name means the country ("Lebanon", not Lebanon, Pennsylvania).
  if (c.kind === 'country') s += W.country;
  const districtKind = c.kind === 'district' || c.kind === 'region';
  if (districtHint && districtKind) s += W.kindHint;
  if (!districtHint && c.kind === 'district') s -= 0.5;
  // A first-order division or a named region is as prominent as a large city ("Texas", not
  // Texas County; "Queensland", not a village of that name); cities of a million win ("Donetsk").
  if (c.kind === 'region' && !c.curated && c.id.startsWith('place:gn')) s += W.division;
  else if (!districtHint && c.kind === 'region') s -= 0.5;
  const nearest = nearestKm(c, m, anchors);
  if (nearest < 25) s += W.near25;
  else if (nearest < 75) s += W.near75;
  else if (nearest < 200) s += W.near200;
  else if (nearest > 300 && nearest !== Infinity) s += W.far;
  if (nearestKm(c, m, areas) < 60) s += W.inArea;
  return s;
}

interface Anchor {
  readonly lat: number;
  readonly lon: number;
  readonly mention: PlaceMention;
}

function nearestKm(c: PlaceEntry, m: PlaceMention, anchors: readonly Anchor[]): number {
  let nearest = Infinity;
  for (const a of anchors) {
    if (a.mention === m || (a.mention.start === m.start && a.mention.end === m.end)) continue;
    const d = km(c.lat, c.lon, a.lat, a.lon);
    if (d < nearest) nearest = d;
  }
  return nearest;
}

/** Countries and first-order divisions the article names, and the "X, Y" qualifiers of mentions. */
interface NamedAreas {
  /** alpha-3 codes of the countries named anywhere. */
  readonly countries: ReadonlySet<string>;
  /** `COUNTRY|folded name` of the first-order divisions named anywhere. */
  readonly admin1: ReadonlySet<string>;
  /** Per mention, the mention right after it as "X, Y" or "X in Y" (its qualifier). */
  readonly qualifier: ReadonlyMap<PlaceMention, PlaceMention>;
  /** Per country, the mentions that may name one of its generated first-order divisions. */
  readonly divisionMentions: ReadonlyMap<string, ReadonlySet<PlaceMention>>;
}

const QUALIFIER_GAP = /^(?:\s*,\s*|\s+(?:in|of)\s+(?:the\s+)?)$/;

function namedAreas(mentions: readonly PlaceMention[], text: string): NamedAreas {
  const countries = new Set<string>();
  const admin1 = new Set<string>();
  const qualifier = new Map<PlaceMention, PlaceMention>();
  const divisionMentions = new Map<string, Set<PlaceMention>>();
  mentions.forEach((m, i) => {
    for (const c of m.candidates) {
      if (!c.country) continue;
      if (c.kind === 'country') countries.add(c.country);
      else if (c.kind === 'region') {
        for (const k of admin1Keys(c)) admin1.add(k);
        if (isDivision(c)) {
          const set = divisionMentions.get(c.country) ?? new Set<PlaceMention>();
          set.add(m);
          divisionMentions.set(c.country, set);
        }
      }
    }
    const next = mentions[i + 1];
    if (next && next.start - m.end <= 12 && QUALIFIER_GAP.test(text.slice(m.end, next.start))) qualifier.set(m, next);
  });
  return { countries, admin1, qualifier, divisionMentions };
}

/** `COUNTRY|alias key` of each alias of a region (folded once per entry, not once per article). */
const admin1KeyMemo = new WeakMap<PlaceEntry, readonly string[]>();
function admin1Keys(c: PlaceEntry): readonly string[] {
  let keys = admin1KeyMemo.get(c);
  if (!keys) admin1KeyMemo.set(c, (keys = c.aliases.map((a) => `${c.country}|${foldKey(a)}`)));
  return keys;
}

/** A generated first-order division (not a curated region or sea). */
function isDivision(c: PlaceEntry): boolean {
  return c.kind === 'region' && !c.curated && c.id.startsWith('place:gn-adm:');
}

/**
 * What the article's other names say of a candidate: in a country it names (+1), in a
 * first-order division it names (+2), a first-order division when the article names others of
 * its country (+4: "Georgia" beside "Texas"), and inside the area its own qualifier names
 * ("Alexandria, Virginia"; "Bhamo in Kachin State") +4.
 */
function areaScore(c: PlaceEntry, m: PlaceMention, named: NamedAreas): number {
  if (!c.country || c.kind === 'country') return 0;
  let s = 0;
  // "Georgia" beside "Texas" and "Florida" is the state: a division among its country's divisions
  // (not when a city of its country has its name: "Idlib", "Homs" mean the city unless told)
  if (isDivision(c) && !m.candidates.some((o) => o.kind === 'city' && o.country === c.country)) {
    const others = named.divisionMentions.get(c.country);
    if (others && [...others].some((o) => o !== m && o.surface !== m.surface)) s += W.siblingDivision;
  }
  const own = (x: string): boolean => m.candidates.some((o) => o.kind === 'country' && o.country === x);
  if (named.countries.has(c.country) && !own(c.country)) s += W.namedCountry;
  const a1 = c.admin1 ? `${c.country}|${foldKey(c.admin1)}` : null;
  if (a1 && named.admin1.has(a1) && !m.candidates.some((o) => o.kind === 'region' && o.aliases.some((x) => `${o.country}|${foldKey(x)}` === a1))) s += W.namedAdmin1;
  const q = named.qualifier.get(m);
  if (q && q.candidates.some((o) => o !== c && o.country === c.country && (o.kind === 'country' || (o.kind === 'region' && a1 !== null && o.aliases.some((x) => `${o.country}|${foldKey(x)}` === a1))))) s += W.qualifier;
  return s;
}

/** Great-circle distance in km between two coordinate pairs. */
export function km(lat1: number, lon1: number, lat2: number, lon2: number): number {
  return distanceKm({ lat: lat1, lon: lon1 }, { lat: lat2, lon: lon2 });
}

/** The article's words, indexed on first use, to look up context phrases. */
class ArticleContext {
  private tokens: readonly Token[] | null = null;
  private positions: Map<string, number[]> | null = null;
  constructor(private readonly text: string) {}

  /** True when `phrase` occurs in the article outside the mention itself. */
  has(phrase: string, m: PlaceMention): boolean {
    if (!this.positions) this.build();
    const keys = phraseKeys(phrase);
    const at = keys.length > 0 ? this.positions!.get(keys[0]!) : undefined;
    if (!at) return false;
    const toks = this.tokens!;
    for (const p of at) {
      let ok = p + keys.length <= toks.length;
      for (let j = 1; ok && j < keys.length; j++) ok = toks[p + j]!.joinPrev && toks[p + j]!.key === keys[j];
      if (!ok) continue;
      const start = toks[p]!.start;
      if (start < m.start || start >= m.end) return true;
    }
    return false;
  }

  private build(): void {
    const toks = tokenize(this.text);
    const positions = new Map<string, number[]>();
    toks.forEach((t, i) => {
      const list = positions.get(t.key);
      if (list) list.push(i);
      else positions.set(t.key, [i]);
    });
    this.tokens = toks;
    this.positions = positions;
  }
}

const phraseKeyMemo = new Map<string, readonly string[]>();
function phraseKeys(phrase: string): readonly string[] {
  let k = phraseKeyMemo.get(phrase);
  if (!k) {
    k = wordKeys(phrase);
    phraseKeyMemo.set(phrase, k);
  }
  return k;
}

/** Countries of the theatres whose keywords occur in the text; all theatres' when none do. */
function detectTheatreCountries(text: string, packs?: Packs): string[] {
  if (!packs) return [];
  let theatres = keywordCache.get(packs);
  if (!theatres) {
    theatres = packs.theatres.map((t) => ({ countries: t.countries, keys: new Set(t.keywords.map((k) => foldKey(k.split(/[\s-]+/)[0] ?? k))) }));
    keywordCache.set(packs, theatres);
  }
  const out = new Set<string>();
  const toks = tokenize(text);
  for (const t of theatres) {
    if (toks.some((tok) => t.keys.has(tok.key))) for (const c of t.countries) out.add(c);
  }
  if (out.size === 0) for (const t of theatres) for (const c of t.countries) out.add(c);
  return [...out];
}

/** First-word keys of each theatre's keywords, per packs object. */
const keywordCache = new WeakMap<Packs, { countries: readonly string[]; keys: ReadonlySet<string> }[]>();
