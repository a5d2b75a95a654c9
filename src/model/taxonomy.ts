/**
 * The event taxonomy (ACLED event types and sub-event types) from `data/taxonomy/event-types.yml`,
 * and the resolution of user-typed filter values against it: case-insensitive, and a `type`
 * filter takes a sub-event type too (the tables show sub-types, so `--type "armed clash"` must
 * work as well as `--type battles`). An unknown name is an error naming the allowed values.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseYamlCached as parseYaml } from '../packs/read-pack-file.js';
import { z } from 'zod';

const TAXONOMY_FILE = fileURLToPath(new URL('../../data/taxonomy/event-types.yml', import.meta.url));

const fileSchema = z
  .object({
    version: z.literal(1),
    event_types: z.record(z.string().min(1), z.array(z.string().min(1)).min(1)),
  })
  .strict();

export interface Taxonomy {
  /** Event type → its sub-event types, in file order. */
  readonly subTypes: ReadonlyMap<string, readonly string[]>;
  /** Every sub-event type → its event type. */
  readonly typeOf: ReadonlyMap<string, string>;
}

let cached: Taxonomy | null = null;

/** Parses and checks a taxonomy document (each sub-type under one event type only). */
export function parseTaxonomy(text: string, file = 'data/taxonomy/event-types.yml'): Taxonomy {
  const parsed = fileSchema.safeParse(parseYaml(text));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${file}: ${issue?.path.join('.')}: ${issue?.message}`);
  }
  const subTypes = new Map<string, readonly string[]>();
  const typeOf = new Map<string, string>();
  const folded = new Set<string>();
  for (const [type, subs] of Object.entries(parsed.data.event_types)) {
    for (const name of [type, ...subs]) {
      if (folded.has(name.toLowerCase())) throw new Error(`${file}: '${name}' is listed twice (names must be unique, ignoring case)`);
      folded.add(name.toLowerCase());
    }
    subTypes.set(type, subs);
    for (const s of subs) typeOf.set(s, type);
  }
  return { subTypes, typeOf };
}

/** The taxonomy, read once per process. */
export function taxonomy(): Taxonomy {
  return (cached ??= parseTaxonomy(readFileSync(TAXONOMY_FILE, 'utf8')));
}

/** A filter value that names nothing in the taxonomy (or a side no pack knows). */
export class UnknownFilterValue extends Error {
  constructor(
    readonly param: string,
    readonly value: string,
    readonly allowed: readonly string[],
  ) {
    super(`unknown ${param} '${value}': allowed values are ${allowed.join(', ')}`);
  }
}

/** What the `type` and `sub_type` filters select, in the store's terms. */
export interface TypeSelection {
  readonly eventTypes?: readonly string[];
  readonly subEventTypes?: readonly string[];
}

const fold = (s: string): string => s.trim().toLowerCase();

/**
 * Resolves `type` values (event types or sub-event types, any case) and `sub_type` values
 * (sub-event types, any case) to canonical names. Within `type` the values are alternatives; a
 * `sub_type` filter narrows further. Throws {@link UnknownFilterValue} for a name not listed.
 *
 * @example
 * resolveTypeFilter(['battles']) // { eventTypes: ['Battles'] }
 * resolveTypeFilter(['Armed clash', 'riots']) // { subEventTypes: ['Armed clash', 'Violent demonstration', 'Mob violence'] }
 */
export function resolveTypeFilter(types: readonly string[] = [], subTypes: readonly string[] = [], tax: Taxonomy = taxonomy()): TypeSelection {
  const eventByFold = new Map([...tax.subTypes.keys()].map((t) => [fold(t), t]));
  const subByFold = new Map([...tax.typeOf.keys()].map((s) => [fold(s), s]));
  const chosenTypes: string[] = [];
  const chosenSubs: string[] = [];
  for (const value of types) {
    const type = eventByFold.get(fold(value));
    const sub = subByFold.get(fold(value));
    if (type !== undefined) chosenTypes.push(type);
    else if (sub !== undefined) chosenSubs.push(sub);
    else throw new UnknownFilterValue('type', value, [...tax.subTypes.keys(), ...tax.typeOf.keys()]);
  }
  const narrow: string[] = [];
  for (const value of subTypes) {
    const sub = subByFold.get(fold(value));
    if (sub === undefined) throw new UnknownFilterValue('sub_type', value, [...tax.typeOf.keys()]);
    narrow.push(sub);
  }
  const unique = (xs: readonly string[]): string[] => [...new Set(xs)];
  let selection: { eventTypes?: string[]; subEventTypes?: string[] } = {};
  if (chosenSubs.length === 0) {
    if (chosenTypes.length > 0) selection.eventTypes = unique(chosenTypes);
  } else {
    // A mix of types and sub-types is a choice of sub-types: each type stands for all of its own.
    selection.subEventTypes = unique([...chosenTypes.flatMap((t) => tax.subTypes.get(t) ?? []), ...chosenSubs]);
  }
  if (narrow.length > 0) {
    const wanted = unique(narrow);
    selection = {
      ...(selection.eventTypes ? { eventTypes: selection.eventTypes } : {}),
      subEventTypes: selection.subEventTypes ? selection.subEventTypes.filter((s) => wanted.includes(s)) : wanted,
    };
  }
  return selection;
}
