/**
 * zod schemas for every file of a data pack (see `packs/theatres/<id>/README.md` and
 * `packs/world/pack.json`). TSV rows arrive as strings and are coerced here; YAML files are
 * lists of entries. `load-packs.ts` validates each file with these and reports the file, the row
 * and the field of the first problem.
 */
import { z } from 'zod';
import type { PlaceEntry, PlaceKind } from './types.js';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ALPHA3 = /^[A-Z]{3}$/;

const isoDate = z.string().regex(ISO_DATE, 'expected an ISO date YYYY-MM-DD');
const alpha3 = z.string().regex(ALPHA3, 'expected an ISO 3166-1 alpha-3 code');
const nonEmpty = z.string().trim().min(1, 'must not be empty');
const aliasList = z.array(nonEmpty);

/** Side codes: ISO alpha-3, `CIV`, or a short upper-case group code (`RSF`, `HAMAS`). */
const sideCode = z.string().regex(/^[A-Z0-9][A-Z0-9_]{1,11}$/, 'expected an upper-case side code (ISO alpha-3, CIV or a group code)');

export const placeKindSchema = z.enum(['country', 'region', 'district', 'area', 'city', 'town', 'village', 'corridor', 'height']);

export const actorKindSchema = z.enum([
  'state-forces',
  'armed-group',
  'peacekeepers',
  'government',
  'ministry',
  'person',
  'civilians',
  'international',
  'media',
]);

const fileName = z.string().regex(/^[\w.-]+$/, 'expected a file name inside the pack folder');

/** `packs/theatres/<id>/pack.json`. */
export const theatreManifestSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/, 'expected a kebab-case id'),
  name: nonEmpty,
  version: z.string().regex(/^\d+\.\d+\.\d+$/, 'expected a semantic version'),
  schemaVersion: z.literal(1),
  licence: nonEmpty,
  attribution: nonEmpty,
  sources: z.array(z.object({ name: nonEmpty }).passthrough()).optional(),
  retrieved: isoDate.optional(),
  countries: z.array(alpha3).min(1),
  keywords: z.array(nonEmpty),
  /** The two sides of a two-sided war (side codes); default: the two countries when there are two. */
  dyads: z.array(z.tuple([nonEmpty, nonEmpty])).optional(),
  files: z.object({
    places: fileName.optional(),
    placesCurated: fileName.optional(),
    actors: fileName,
    ceasefires: fileName.optional(),
    keyEvents: fileName.optional(),
    stopAliases: fileName.optional(),
  }),
  buildInputs: z.array(fileName).optional(),
  ambiguousAliases: z.array(nonEmpty).optional(),
});
export type TheatreManifest = z.infer<typeof theatreManifestSchema>;

/** `packs/world/pack.json`. */
export const worldManifestSchema = z.object({
  id: z.literal('world'),
  name: nonEmpty,
  version: z.string().regex(/^\d+\.\d+\.\d+$/, 'expected a semantic version'),
  schemaVersion: z.literal(1),
  licence: nonEmpty,
  attribution: nonEmpty,
  sources: z.array(z.object({ name: nonEmpty }).passthrough()).optional(),
  ambiguousAliases: z.array(nonEmpty).optional(),
  files: z.object({
    countries: fileName,
    /** Populated places (GeoNames, generated). */
    cities: fileName,
    /** First- and second-order divisions (generated). */
    admin: fileName.optional(),
    /**
     * Villages of the countries at war (GeoNames, generated): a folder of `<ISO3>.tsv.gz` tables, read
     * lazily per country (`villages.ts`).
     */
    villages: fileName.optional(),
    /** Seas, straits, gulfs, rivers and regions named in news (curated). */
    regions: fileName.optional(),
    /** Extra aliases of generated places: news spellings GeoNames lacks (curated). */
    aliases: fileName.optional(),
    actors: fileName,
    demonyms: fileName,
    forceNouns: fileName,
    commonWords: fileName,
    groups: fileName.optional(),
    stateAliases: fileName.optional(),
    leaders: fileName.optional(),
    generics: fileName.optional(),
    genericDefaults: fileName.optional(),
  }),
});
export type WorldManifest = z.infer<typeof worldManifestSchema>;

const emptyToNull = (v: unknown): unknown => (v === '' ? null : v);
const emptyToUndefined = (v: unknown): unknown => (v === '' ? undefined : v);
const tsvNumber = (what: string) =>
  z.string().transform((s, ctx) => {
    const n = Number(s);
    if (s.trim() === '' || !Number.isFinite(n)) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: `expected ${what}, got "${s}"` });
      return z.NEVER;
    }
    return n;
  });

/**
 * One row of a places TSV (`places.tsv`, `countries.tsv`, `cities.tsv`), read as a gazetteer
 * `PlaceEntry` (not curated; `is_current` 0 means not current). Extra columns are ignored.
 */
export const placeRowSchema = z
  .object({
  id: z.string().regex(/^place:[a-z0-9-]+:[\w.-]+$/, 'expected a namespaced id place:<ns>:<id>'),
  name: z.string().refine((s) => s.trim() !== '', 'must not be empty'),
  kind: placeKindSchema,
  aliases: z.string().transform((s) => s.split('|').map((a) => a.trim()).filter((a) => a !== '')),
  country: z.preprocess(emptyToNull, alpha3.nullable()),
  admin1: z.preprocess(emptyToNull, z.string().nullable()),
  admin2: z.preprocess(emptyToNull, z.string().nullable()),
  lat: tsvNumber('a latitude').pipe(z.number().min(-90).max(90)),
  lon: tsvNumber('a longitude').pipe(z.number().min(-180).max(180)),
  population: tsvNumber('a population').pipe(z.number().int().min(0)),
  is_current: z.enum(['-1', '0', '1']),
  })
  .transform(
    (r): PlaceEntry => ({
      id: r.id,
      name: r.name,
      kind: r.kind,
      aliases: r.aliases,
      country: r.country,
      admin1: r.admin1,
      admin2: r.admin2,
      lat: r.lat,
      lon: r.lon,
      population: r.population,
      curated: false,
      current: r.is_current !== '0',
    }),
  );

/** One row of the world pack's curated `aliases.tsv`: extra names of a generated place. */
export const extraAliasRowSchema = z.object({
  id: z.string().regex(/^place:[a-z0-9-]+:[\w.-]+$/, 'expected a namespaced id place:<ns>:<id>'),
  name: z.string(),
  aliases: z.string().transform((s) => s.split('|').map((a) => a.trim()).filter((a) => a !== '')).pipe(z.array(z.string()).min(1, 'expected at least one alias')),
});

const PLACE_ID = /^place:[a-z0-9-]+:[\w.-]+$/;
const PLACE_KINDS: ReadonlySet<string> = new Set(placeKindSchema.options);
const DECIMAL = /^-?\d+(?:\.\d+)?$/;
const INTEGER = /^\d+$/;

/**
 * The fast equivalent of {@link placeRowSchema} used by the loader: the same checks, no zod
 * overhead. Returns undefined for any row the schema might reject.
 */
export function fastPlaceRow(col: Readonly<Record<string, number>>): (cells: readonly string[]) => PlaceEntry | undefined {
  const at = (name: string): number => col[name] ?? -1;
  const [iId, iName, iKind, iAliases, iCountry, iAdmin1, iAdmin2, iLat, iLon, iPop, iCur] = [
    'id', 'name', 'kind', 'aliases', 'country', 'admin1', 'admin2', 'lat', 'lon', 'population', 'is_current',
  ].map(at) as [number, number, number, number, number, number, number, number, number, number, number];
  const iCapital = at('capital');
  return (cells) => {
    const id = cells[iId] ?? '';
    const name = cells[iName] ?? '';
    const kind = cells[iKind] ?? '';
    const country = cells[iCountry] ?? '';
    const lat = cells[iLat] ?? '';
    const lon = cells[iLon] ?? '';
    const population = cells[iPop] ?? '';
    const cur = cells[iCur] ?? '';
    if (!PLACE_ID.test(id) || name.trim() === '' || !PLACE_KINDS.has(kind)) return undefined;
    if (country !== '' && !ALPHA3.test(country)) return undefined;
    if (!DECIMAL.test(lat) || !DECIMAL.test(lon) || !INTEGER.test(population)) return undefined;
    if (cur !== '-1' && cur !== '0' && cur !== '1') return undefined;
    const la = Number(lat);
    const lo = Number(lon);
    const pop = Number(population);
    if (la < -90 || la > 90 || lo < -180 || lo > 180 || !Number.isSafeInteger(pop)) return undefined;
    const admin1 = cells[iAdmin1] ?? '';
    const admin2 = cells[iAdmin2] ?? '';
    const aliases = splitList(cells[iAliases] ?? '', '|');
    // share repeated strings: a row's name is usually its first alias; kinds, countries and
    // divisions repeat across rows (fewer live strings, less to copy in garbage collection)
    const nm = aliases[0] === name ? aliases[0] : name;
    const a1 = admin1 === '' ? null : intern(admin1);
    const a2 = admin2 === '' ? null : intern(admin2);
    const c = country === '' ? null : intern(country);
    const pk = intern(kind) as PlaceKind;
    // two literals (not a spread): one object shape each, no intermediate object per row
    if (iCapital >= 0 && cells[iCapital] === '1') {
      return { id, name: nm, kind: pk, aliases, country: c, admin1: a1, admin2: a2, lat: la, lon: lo, population: pop, curated: false, current: cur !== '0', capital: true };
    }
    return { id, name: nm, kind: pk, aliases, country: c, admin1: a1, admin2: a2, lat: la, lon: lo, population: pop, curated: false, current: cur !== '0' };
  };
}

/** Splits a list cell, trimming items and dropping empty ones (as the zod transforms do). */
function splitList(s: string, sep: string): string[] {
  if (s === '') return [];
  const parts = s.split(sep);
  // the common case: no item to trim or drop, the split array is the answer
  let clean = true;
  for (let i = 0; i < parts.length && clean; i++) {
    const a = parts[i]!;
    if (a === '' || a.trim() !== a) clean = false;
  }
  if (clean) return parts;
  const out: string[] = [];
  for (const a of parts) {
    const t = a.trim();
    if (t !== '') out.push(t);
  }
  return out;
}

/**
 * One copy of each repeated cell (kinds, country codes, division names): the TSV's substrings
 * would otherwise keep a separate string per row. Lives as long as the process (a few thousand
 * distinct values).
 */
const interned = new Map<string, string>();
function intern(s: string): string {
  const hit = interned.get(s);
  if (hit !== undefined) return hit;
  interned.set(s, s);
  return s;
}

/** One entry of `places-curated.yml`. */
export const curatedPlaceSchema = z
  .object({
    id: z.string().regex(/^place:[a-z0-9-]+:[\w.-]+$/, 'expected a namespaced id place:<theatre>:<slug>'),
    name: nonEmpty,
    kind: placeKindSchema,
    country: alpha3.nullable(),
    admin1: z.string().nullable().optional(),
    admin2: z.string().nullable().optional(),
    lat: z.number().min(-90).max(90),
    lon: z.number().min(-180).max(180),
    population: z.number().int().min(0).optional(),
    aliases: aliasList.min(1),
    context: z.array(nonEmpty).optional(),
    replaces: z.array(z.string().regex(/^place:[a-z0-9-]+:[\w.-]+$/)).optional(),
    inherit: z.boolean().optional(),
    source: nonEmpty,
  })
  .strict();
export type CuratedPlace = z.infer<typeof curatedPlaceSchema>;

/** One entry of a theatre's `actors.yml`. */
/** What kind of group a named party is (decides which generic descriptions may stand for it). */
export const groupTypeSchema = z.enum(['jihadist', 'rebel', 'separatist', 'resistance', 'militia', 'paramilitary', 'gang', 'state', 'international']);

/** Classes of generic descriptions (`generic-actors.tsv`). */
export const genericClassSchema = z.enum(['state', 'authority', 'militant', 'jihadist', 'rebel', 'separatist', 'resistance', 'militia', 'paramilitary', 'gang', 'bandit', 'gunman', 'fighter']);

/** One row of the world pack's `generic-actors.tsv`. */
export const genericActorRowSchema = z.object({ phrase: nonEmpty, class: genericClassSchema });

/** One row of the world pack's `generic-defaults.tsv`. */
export const genericDefaultRowSchema = z.object({
  country: alpha3,
  class: genericClassSchema,
  actor: z.string().regex(/^actor:world:[\w.-]+$/, 'expected a world actor id actor:world:<slug>'),
  validFrom: z.preprocess(emptyToUndefined, isoDate.optional()),
  validTo: z.preprocess(emptyToUndefined, isoDate.optional()),
});

/** One row of the world pack's `state-aliases.tsv`: more surface forms for a generated entry. */
export const stateAliasRowSchema = z.object({
  alpha3,
  role: z.string().regex(/^[a-z-]+$/),
  aliases: z.string().transform((s) => s.split('|').map((a) => a.trim()).filter((a) => a !== '')).pipe(z.array(nonEmpty).min(1)),
});

export const actorEntrySchema = z
  .object({
    id: z.string().regex(/^actor:[a-z0-9-]+:[\w.-]+$/, 'expected a namespaced id actor:<ns>:<slug>'),
    name: nonEmpty,
    kind: actorKindSchema,
    side: sideCode.nullable(),
    country: alpha3.nullable(),
    inter: z.number().int().min(1).max(8).nullable(),
    role: z.string().regex(/^[a-z-]+$/).optional(),
    aliases: aliasList.min(1),
    fightsAs: z.string().regex(/^actor:/).optional(),
    validFrom: isoDate.optional(),
    validTo: isoDate.optional(),
    groupType: groupTypeSchema.optional(),
    operatesIn: z.array(alpha3).min(1).optional(),
  })
  .strict()
  .refine((a) => !a.validFrom || !a.validTo || a.validFrom <= a.validTo, { message: 'validFrom is after validTo', path: ['validTo'] });

/** One row of the world pack's generated `actors.tsv`. */
export const worldActorRowSchema = z.object({
  id: z.string().regex(/^actor:world:[\w.-]+$/, 'expected actor:world:<slug>'),
  name: z.string().refine((s) => s.trim() !== '', 'must not be empty'),
  kind: actorKindSchema,
  side: sideCode,
  country: alpha3,
  inter: tsvNumber('an ACLED inter code').pipe(z.number().int().min(1).max(8)),
  role: z.string().regex(/^[a-z-]+$/),
  fightsAs: z.string(),
  aliases: z.string().transform((s) => s.split('|').map((a) => a.trim()).filter((a) => a !== '')),
});

const WORLD_ACTOR_ID = /^actor:world:[\w.-]+$/;
const ACTOR_KINDS: ReadonlySet<string> = new Set(actorKindSchema.options);
const SIDE = /^[A-Z0-9][A-Z0-9_]{1,11}$/;
const ROLE = /^[a-z-]+$/;

/** The fast equivalent of {@link worldActorRowSchema}; undefined for any row it might reject. */
export function fastWorldActorRow(col: Readonly<Record<string, number>>): (cells: readonly string[]) => z.output<typeof worldActorRowSchema> | undefined {
  const at = (name: string): number => col[name] ?? -1;
  const [iId, iName, iKind, iSide, iCountry, iInter, iRole, iFights, iAliases] = ['id', 'name', 'kind', 'side', 'country', 'inter', 'role', 'fightsAs', 'aliases'].map(at) as [
    number, number, number, number, number, number, number, number, number,
  ];
  return (cells) => {
    const id = cells[iId] ?? '';
    const name = cells[iName] ?? '';
    const kind = cells[iKind] ?? '';
    const side = cells[iSide] ?? '';
    const country = cells[iCountry] ?? '';
    const inter = cells[iInter] ?? '';
    const role = cells[iRole] ?? '';
    if (!WORLD_ACTOR_ID.test(id) || name.trim() === '' || !ACTOR_KINDS.has(kind) || !SIDE.test(side) || !ALPHA3.test(country)) return undefined;
    if (!/^[1-8]$/.test(inter) || !ROLE.test(role)) return undefined;
    return {
      id,
      name,
      kind: kind as z.output<typeof actorKindSchema>,
      side,
      country,
      inter: Number(inter),
      role,
      fightsAs: cells[iFights] ?? '',
      aliases: splitList(cells[iAliases] ?? '', '|'),
    };
  };
}

/** The fast equivalent of {@link demonymRowSchema}. */
export function fastDemonymRow(col: Readonly<Record<string, number>>): (cells: readonly string[]) => z.output<typeof demonymRowSchema> | undefined {
  const [iA3, iName, iDem, iAliases] = ['alpha3', 'name', 'demonyms', 'aliases'].map((n) => col[n] ?? -1) as [number, number, number, number];
  return (cells) => {
    const alpha3 = cells[iA3] ?? '';
    if (!ALPHA3.test(alpha3)) return undefined;
    const aliases = cells[iAliases];
    return {
      alpha3,
      name: cells[iName] ?? '',
      demonyms: splitList(cells[iDem] ?? '', '|'),
      ...(aliases !== undefined ? { aliases } : {}),
    };
  };
}

/** One entry of `ceasefires.yml`. */
export const ceasefireSchema = z
  .object({
    id: z.string().regex(/^ceasefire:[a-z0-9-]+:[\w.-]+$/),
    name: nonEmpty,
    start: isoDate,
    end: isoDate.nullable(),
    parties: z.array(nonEmpty).min(1),
    brokers: z.array(nonEmpty),
    note: nonEmpty,
  })
  .strict()
  .refine((c) => c.end === null || c.start <= c.end, { message: 'start is after end', path: ['end'] });

/** One entry of `key-events.yml`. */
export const keyEventSchema = z
  .object({
    id: z.string().regex(/^event:[a-z0-9-]+:[\w.-]+$/),
    date: isoDate,
    endDate: isoDate.optional(),
    title: nonEmpty,
    kind: z.string().regex(/^[a-z-]+$/).optional(),
    aliases: aliasList,
    keywords: z.array(nonEmpty).optional(),
  })
  .strict()
  .refine((e) => !e.endDate || e.date <= e.endDate, { message: 'date is after endDate', path: ['endDate'] });

/** One row of `demonyms.tsv`. */
export const demonymRowSchema = z.object({
  alpha3,
  name: z.string(),
  demonyms: z.string().transform((s) => s.split('|').map((a) => a.trim()).filter((a) => a !== '')),
  aliases: z.string().optional(),
});

/** One row of `force-nouns.tsv`. */
export const forceNounRowSchema = z.object({
  noun: nonEmpty,
  role: z.string().regex(/^[a-z-]+$/),
  prefix: z.enum(['yes', 'no']).transform((v) => v === 'yes'),
  postfix: z.string().transform((s) => s.split(',').map((p) => p.trim()).filter((p) => p !== '')),
  span: z.enum(['whole', 'owner']).optional().default('whole'),
});
