/**
 * Places no gazetteer lists, read off the grammar of place phrases: a capitalised name after "the
 * village of", "the town of" or before a place noun ("Ramim barracks", "al-Azziyeh valley",
 * "Buthidaung Township"), where the packs know no place. Villages of a few hundred people, army
 * posts and valleys are where much of a war happens and most gazetteers stop above them.
 *
 * The place keeps the name the text gives; its coordinates are those of the nearest known place the
 * text sets it in ("..., in Tyre district", "(Bint Jbeil district, Nabatieh governorate)"), else
 * of the country the article's places are in, with ACLED precision 2 (a district or town given) or
 * 3 (only a region or the country). A name the article cannot place in any country is dropped.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseYamlCached as parseYaml } from '../../packs/read-pack-file.js';
import { z } from 'zod';
import type { Token } from '../../nlp/analyze-text.js';
import type { ActorHit, ExtractContext, PlaceHit } from '../context.js';
import type { GeoPrecision } from '../../model/event.js';
import { foldKey } from '../../packs/fold-key.js';

const kinds = z.object({ village: z.array(z.string()), area: z.array(z.string()), district: z.array(z.string()) });
const file = z.object({ version: z.number(), before_of: kinds, after: kinds, site_modifiers: z.array(z.string()), apposition_modifiers: z.array(z.string()), not_names: z.array(z.string()) });

interface Lexicon {
  readonly before: ReadonlyMap<string, string>;
  readonly after: ReadonlyMap<string, string>;
  readonly notNames: ReadonlySet<string>;
  readonly siteModifiers: ReadonlySet<string>;
  /** Place nouns of several words ("local government area"), as word lists. */
  readonly afterPhrases: readonly (readonly [readonly string[], string])[];
  readonly appositionModifiers: ReadonlySet<string>;
}
let cached: Lexicon | null = null;
function lexicon(): Lexicon {
  if (cached) return cached;
  const path = fileURLToPath(new URL('../../../data/lexicon/unlisted-places.yml', import.meta.url));
  const parsed = file.safeParse(parseYaml(readFileSync(path, 'utf8')));
  if (!parsed.success) throw new Error(`${path}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const byKind = (k: z.infer<typeof kinds>) => new Map(Object.entries(k).flatMap(([kind, words]) => words.map((w) => [w, kind] as const)));
  const after = byKind(parsed.data.after);
  const afterPhrases = [...after.entries()].filter(([w]) => w.includes(' ')).map(([w, k]) => [w.split(' '), k] as const);
  cached = { before: byKind(parsed.data.before_of), after, afterPhrases, notNames: new Set(parsed.data.not_names), siteModifiers: new Set(parsed.data.site_modifiers), appositionModifiers: new Set(parsed.data.apposition_modifiers) };
  return cached;
}

/** Rank of a container's kind as coordinates for a place inside it (smaller is nearer). */
const CONTAINER_PRECISION: Record<string, GeoPrecision> = { city: 2, town: 2, village: 2, district: 2, area: 2, region: 3, country: 3 };

const isNameWord = (t: Token, lex: Lexicon) =>
  /^\p{Lu}/u.test(t.text.replace(/^(?:al|el|ad|an|as|ash|at|az|ar|ibn|bin|de|du|di)-/i, '')) && !lex.notNames.has(t.lower) && (t.pos === 'PROPN' || t.pos === 'NOUN' || t.pos === 'ADJ');

/**
 * The article's places: `known` (its gazetteer places) with the unlisted places of `tokens` (the
 * whole text's) added, skipping names that overlap a known place or an actor, in text order.
 */
export function findUnlistedPlaces(text: string, tokens: readonly Token[], known: readonly PlaceHit[], actors: readonly ActorHit[], ctx: ExtractContext): PlaceHit[] {
  const lex = lexicon();
  const out: PlaceHit[] = [];
  const countries = new Map<string, number>();
  for (const h of known) if (h.place.country) countries.set(h.place.country, (countries.get(h.place.country) ?? 0) + 1);
  // The country the article's places are in: counted once per distinct name, so that one name
  // repeated (a homonym in the headline and lede) does not outweigh the places around it.
  const names = new Map<string, Set<string>>();
  for (const h of known) if (h.place.country) names.set(h.place.country, (names.get(h.place.country) ?? new Set()).add(h.surface));
  const mainCountry = [...names.entries()].sort((a, b) => b[1].size - a[1].size || (countries.get(b[0]) ?? 0) - (countries.get(a[0]) ?? 0))[0]?.[0] ?? null;
  // A small foreign place the gazetteer matched inside a place phrase ("the Takhta Beg post" in a
  // Pakistani story read as Tahta, Egypt) gives way to the phrase's own name.
  // (the country's only name in the article, however often repeated)
  const onlyName = (h: PlaceHit) => known.every((o) => o.place.country !== h.place.country || o.surface === h.surface);
  // Inside a place phrase ("Kani Township" in a Myanmar story, not Kani in Japan) a city too.
  const foreignInPhrase = (h: PlaceHit) => mainCountry !== null && h.place.country !== mainCountry && h.kind !== 'country' && h.kind !== 'region' && onlyName(h);
  // (a city too when the text spells it otherwise than its name: a spelling variant matched by its
  // transliteration key, "Awasse" read as Hawassa, Ethiopia, in a Mozambique story)
  const foreign = (h: PlaceHit) => (h.kind === 'village' || h.kind === 'town' || (h.kind === 'city' && foldKey(h.surface) !== foldKey(h.place.name))) && foreignInPhrase(h);
  const replaced = new Set<PlaceHit>();
  const overlaps = (s: number, e: number) => known.some((h) => h.start < e && s < h.end && !foreignInPhrase(h)) || actors.some((a) => a.start < e && s < a.end) || out.some((h) => h.start < e && s < h.end);

  const add = (first: number, lastToken: number, kind: string, headEnd: number) => {
    // the name's words only ("Ramim" of "Ramim barracks"; "Mitiga" of "Mitiga International Airport")
    const last = tokens[lastToken]!.lower === 'international' && lastToken > first ? lastToken - 1 : lastToken;
    const start = tokens[first]!.start;
    const end = tokens[last]!.end;
    if (overlaps(start, end)) return;
    const name = text.slice(start, end);
    if (ctx.sideOfAdjective(name) || (/^\p{Lu}+$/u.test(name) && name.length <= 3)) return;
    // "Aleppo International Airport": a site named after a place the article names is at that place.
    const settled = (k: string) => k !== 'country' && k !== 'region';
    let host: { place: PlaceHit['place'] } | undefined = known.find((h) => !replaced.has(h) && !foreignInPhrase(h) && (name === h.surface || name.startsWith(`${h.surface} `)) && settled(h.kind));
    // (the gazetteer does not match a name followed by more capitalised words: ask it for the first word)
    if (!host && /^(?:area|district)$/.test(kind) && lastToken > first) {
      const head = ctx.findPlaces(tokens[first]!.text).find((h) => h.start === 0 && settled(h.kind) && (!mainCountry || h.place.country === mainCountry || h.kind === 'city'));
      if (head) host = head;
    }
    if (host) {
      out.push({ start, end, surface: name, kind: 'area', place: { ...host.place, source_text: name }, unlisted: { precision: 2 } });
      return;
    }
    // The container: the first known place right after ("..., in Tyre district", "(Bint Jbeil
    // district, Nabatieh governorate)"), else right before ("in Lebanon's Toulin"), within the sentence.
    const after = known.filter((h) => !replaced.has(h) && !foreignInPhrase(h) && h.start >= headEnd && h.start - headEnd <= 50 && !/[.!?]\s/.test(text.slice(headEnd, h.start)));
    const before = known.filter((h) => !replaced.has(h) && !foreignInPhrase(h) && h.end <= start && start - h.end <= 30 && !/[.!?]\s/.test(text.slice(h.end, start)));
    const container = [...after.sort((a, b) => a.start - b.start), ...before.sort((a, b) => b.end - a.end)][0];
    const country = container?.place.country ?? mainCountry;
    if (!country) return;
    const at = container?.place.lat != null ? container.place : ctx.countryPlace(country);
    if (!at || at.lat == null || at.lon == null) return;
    const precision: GeoPrecision = container ? CONTAINER_PRECISION[container.kind] ?? 3 : 3;
    for (const h of known) if (h.start < end && start < h.end) replaced.add(h);
    out.push({
      start,
      end,
      surface: name,
      kind,
      place: {
        name,
        source_text: name,
        country,
        admin1: container?.place.admin1 ?? null,
        admin2: container?.place.admin2 ?? null,
        lat: at.lat,
        lon: at.lon,
        geo_precision: precision,
        id: `place:unlisted:${country}:${name.toLowerCase().replace(/\s+/g, '-')}`,
      },
      unlisted: { precision },
    });
  };

  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    // "the village of X"
    const beforeKind = lex.before.get(t.lower);
    if (beforeKind && tokens[i + 1]?.lower === 'of' && (i === 0 || tokens[i - 1]!.lower !== 'of')) {
      let k = i + 2;
      while (k < tokens.length && k < i + 6 && isNameWord(tokens[k]!, lex)) k++;
      if (k > i + 2) add(i + 2, k - 1, beforeKind, tokens[k - 1]!.end);
    }
    // "X, a town in Y", "X, a small village near Y": the apposition names the kind of place
    if (t.text === ',' && i > 0 && /^(?:a|an)$/.test(tokens[i + 1]?.lower ?? '')) {
      let k = i + 2;
      while (k < tokens.length && k < i + 5 && lex.appositionModifiers.has(tokens[k]!.lower)) k++;
      const noun = tokens[k];
      const kind = noun ? (lex.before.get(noun.lower) ?? lex.before.get(noun.lower.replace(/s$/, ''))) : undefined;
      if (noun && kind && /^(?:in|near|of|on|outside|about|some|north|south|east|west|close)$/.test(tokens[k + 1]?.lower ?? '')) {
        let f = i - 1;
        while (f >= 0 && f > i - 5 && isNameWord(tokens[f]!, lex) && /^\s*$/.test(text.slice(tokens[f]!.end, tokens[f + 1]!.start))) f--;
        const first = f + 1;
        // (not the first word of a sentence unless it is a proper noun)
        if (first < i && (tokens[first]!.pos === 'PROPN' || !(first === 0 || /[.!?\n]/.test(text.slice(tokens[first - 1]!.end, tokens[first]!.start))))) add(first, i - 1, kind, noun.end);
      }
    }
    // "X Local Government Area": a place noun of several words
    for (const [words, kind] of lex.afterPhrases) {
      if (t.lower !== words[0] || !words.every((w, j) => tokens[i + j]?.lower === w)) continue;
      let k = i - 1;
      while (k >= 0 && k > i - 5 && isNameWord(tokens[k]!, lex)) k--;
      if (k + 1 < i) add(k + 1, i - 1, kind, tokens[i + words.length - 1]!.end);
    }
    // "X village", "X barracks"
    const afterKind = lex.after.get(t.lower);
    if (afterKind && t.pos !== 'VERB' && !lex.afterPhrases.some(([w]) => w.length > 1 && w[w.length - 1] === t.lower && w.every((x, j) => tokens[i - w.length + 1 + j]?.lower === x))) {
      // one modifier may stand between: "the Namissiguima military detachment"
      const nameEnd = afterKind === 'area' && lex.siteModifiers.has(tokens[i - 1]?.lower ?? '') ? i - 1 : i;
      let k = nameEnd - 1;
      while (k >= 0 && k > nameEnd - 5 && isNameWord(tokens[k]!, lex)) k--;
      // not the capital of a sentence opening ("Village elders said")
      const first = k + 1;
      if (first < nameEnd && !(first === 0 || /[.!?\n]/.test(text.slice(tokens[first - 1]?.end ?? 0, tokens[first]!.start)) && first === nameEnd - 1 && tokens[first]!.pos !== 'PROPN')) add(first, nameEnd - 1, afterKind, t.end);
    }
  }
  // The same name elsewhere in the article is the same place ("Kani Township" ... "Kani-based").
  for (const h of known) {
    if (replaced.has(h)) continue;
    const same = out.find((u) => u.surface === h.surface && u.place.country !== h.place.country && u.place.id?.startsWith('place:unlisted:'));
    if (!same) continue;
    replaced.add(h);
    out.push({ ...same, start: h.start, end: h.end, place: { ...same.place, source_text: h.surface } });
  }
  // A small place of a country the article names nowhere else, in an article clearly about another
  // country ("Nasir" read as a village in Turkey in a South Sudan story, "Tirah" as a town in
  // Israel in a Pakistani one): a homonym. The name stays, placed only in the article's country.
  const sides = new Set(actors.flatMap((a) => [a.entry.side, a.entry.country]).filter(Boolean));
  if (mainCountry && (names.get(mainCountry)?.size ?? 0) >= 2) {
    const home = ctx.countryPlace(mainCountry);
    for (const h of known) {
      if (replaced.has(h) || !foreign(h) || sides.has(h.place.country) || !home || home.lat == null) continue;
      replaced.add(h);
      out.push({
        ...h,
        kind: 'village',
        place: { name: h.surface, source_text: h.surface, country: mainCountry, admin1: null, admin2: null, lat: home.lat, lon: home.lon, geo_precision: 3, id: `place:unlisted:${mainCountry}:${h.surface.toLowerCase().replace(/\s+/g, '-')}` },
        unlisted: { precision: 3 },
      });
    }
  }
  return [...known.filter((h) => !replaced.has(h)), ...out].sort((a, b) => a.start - b.start);
}
