/**
 * Loads and compiles the English extraction lexicons in `data/lexicon/` (attribution, casualties,
 * statements, context). Event triggers are frames: `data/frames/`, `frames.ts`. Validated with zod at load; compiled once per process.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseYamlCached as parseYaml } from '../packs/read-pack-file.js';
import { z } from 'zod';

const lexiconDir = fileURLToPath(new URL('../../data/lexicon/', import.meta.url));

const attributionFile = z.object({
  version: z.number(),
  stances: z.object({ asserts: z.array(z.string()), confirms: z.array(z.string()), denies: z.array(z.string()), accuses: z.array(z.string()) }),
  hedging_verbs: z.array(z.string()),
  hedges: z.array(z.string()),
  frames: z.array(z.string()),
  trailing: z.array(z.string()),
  responsibility: z.array(z.string()),
});
const casualtiesFile = z.object({
  version: z.number(),
  number_words: z.record(z.number().nullable()),
  multipliers: z.record(z.number()),
  modifiers: z.record(z.enum(['min', 'approx'])),
  victims: z.array(z.string()),
  killed: z.array(z.string()),
  injured: z.array(z.string()),
  aggregate: z.array(z.string()),
});
const statementsFile = z.object({ version: z.number(), types: z.record(z.array(z.string())) });
const contextFile = z.object({
  version: z.number(),
  military_nouns: z.array(z.string()),
  target_nouns: z.array(z.string()),
  near_words: z.array(z.string()),
  area_words: z.array(z.string()),
  control: z.array(z.string()),
  habitual: z.array(z.string()),
  causative: z.array(z.string()),
  modal: z.array(z.string()),
  negation: z.array(z.string()),
});

export type Stance = 'asserts' | 'confirms' | 'denies' | 'accuses';

export interface Lexicon {
  readonly stanceOf: ReadonlyMap<string, Stance>;
  readonly hedgingVerbs: ReadonlySet<string>;
  readonly hedgeRe: RegExp;
  /** Words of a claim of responsibility ("an attack that X claimed", "said it was behind"). */
  readonly responsibilityRe: RegExp;
  /**
   * Attribution frames. With `tail` set, the frame begins with the claimant ("{X} said"): `re`
   * finds the verb part and `tail` the claimant phrase ending right before it (searching from the
   * verb is far cheaper than trying a claimant phrase at every word). Otherwise `re` holds `{X}` as
   * a capture group named `x`.
   */
  readonly frames: readonly { readonly re: RegExp; readonly trailing: boolean; readonly tail?: RegExp }[];
  readonly numberWords: ReadonlyMap<string, number | null>;
  readonly multipliers: ReadonlyMap<string, number>;
  readonly modifiers: ReadonlyMap<string, 'min' | 'approx'>;
  readonly victimRe: string;
  readonly killedRe: RegExp;
  readonly injuredRe: RegExp;
  readonly aggregateRe: RegExp;
  readonly statementRes: readonly { readonly type: string; readonly re: RegExp }[];
  readonly militaryRe: RegExp;
  readonly targetNounRe: string;
  readonly nearRe: RegExp;
  readonly areaRe: RegExp;
  readonly controlSources: readonly string[];
  readonly habitualRe: RegExp;
  /** Lemmas of verbs that bring an event about ("has sparked protests"). */
  readonly causativeVerbs: ReadonlySet<string>;
  readonly modalRe: RegExp;
  readonly negationRe: RegExp;
}

function readYaml(name: string): unknown {
  const file = lexiconDir + name;
  try {
    return parseYaml(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`lexicon ${file}: ${(err as Error).message}`);
  }
}

function validate<T>(schema: z.ZodType<T, z.ZodTypeDef, unknown>, name: string): T {
  const parsed = schema.safeParse(readYaml(name));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`lexicon data/lexicon/${name}: ${issue?.path.join('.')}: ${issue?.message}`);
  }
  return parsed.data;
}

/** `\b(?:a|b|c)\b` with the alternatives longest first. */
export function alternation(words: readonly string[]): string {
  return `(?:${[...words].sort((a, b) => b.length - a.length).join('|')})`;
}

function wordRe(words: readonly string[], flags = 'i'): RegExp {
  return new RegExp(`(?<![\\w-])${alternation(words)}(?![\\w-])`, flags);
}

/** Lets a frame's first word start a sentence ("According to" as well as "according to"). */
function capitalisable(frame: string): string {
  const c = frame[0];
  return c && /[a-z]/.test(c) ? `[${c}${c.toUpperCase()}]${frame.slice(1)}` : frame;
}

let cached: Lexicon | undefined;

/** The compiled lexicon, loaded once per process. */
export function loadLexicon(): Lexicon {
  if (cached) return cached;
  const a = validate(attributionFile, 'attribution.yml');
  const c = validate(casualtiesFile, 'casualties.yml');
  const s = validate(statementsFile, 'statements.yml');
  const x = validate(contextFile, 'context.yml');

  const stanceOf = new Map<string, Stance>();
  for (const stance of ['asserts', 'confirms', 'denies', 'accuses'] as const) {
    for (const verb of a.stances[stance]) stanceOf.set(verb.toLowerCase(), stance);
  }
  // `{X}`: a claimant phrase of up to eight words, starting with a capital, "the", or a pronoun.
  const claimant = String.raw`(?<x>(?:the |an? )?(?:[A-Z][\w’'-]*|[a-z]+(?:-[A-Za-z]+)?)(?:[ ](?:[A-Z][\w’'.-]*|of|the|in|and|for|de|al|[a-z]+(?:-[A-Za-z]+)?)){0,7})`;
  const claimantAtEnd = new RegExp(`${claimant}$`);
  const frames = [
    ...[...a.frames].sort((x, y) => Number(x.startsWith('{X}')) - Number(y.startsWith('{X}'))).map((f) =>
      f.startsWith('{X}')
        ? // The space first, the lookbehind after it: tested at spaces only, not at every position.
          { re: new RegExp(` (?<=\\S )${f.slice('{X} '.length)}`, 'g'), trailing: false, tail: claimantAtEnd }
        : { re: new RegExp(capitalisable(f).replace('{X}', claimant), 'g'), trailing: false },
    ),
    ...a.trailing.map((f) => ({ re: new RegExp(capitalisable(f).replace('{X}', claimant), 'g'), trailing: true })),
  ];
  const killedRe = wordRe(c.killed, 'gi');
  const injuredRe = wordRe(c.injured, 'gi');
  const statementRes = Object.entries(s.types).map(([type, cues]) => ({ type, re: wordRe(cues, 'i') }));
  return (cached = {
    stanceOf,
    hedgingVerbs: new Set(a.hedging_verbs.map((v) => v.toLowerCase())),
    hedgeRe: wordRe(a.hedges),
    responsibilityRe: new RegExp(`\\b(?:${a.responsibility.join('|')})\\b`, 'i'),
    frames,
    numberWords: new Map(Object.entries(c.number_words)),
    multipliers: new Map(Object.entries(c.multipliers)),
    modifiers: new Map(Object.entries(c.modifiers)),
    victimRe: alternation(c.victims),
    killedRe,
    injuredRe,
    aggregateRe: wordRe(c.aggregate),
    statementRes,
    militaryRe: wordRe(x.military_nouns),
    targetNounRe: alternation(x.target_nouns),
    nearRe: new RegExp(`(?<![\\w-])${alternation(x.near_words)}(?:\\s+the)?\\s*$`, 'i'),
    areaRe: new RegExp(`^\\s*(?:-\\s?\\w+\\s)?${alternation(x.area_words)}(?![\\w-])`, 'i'),
    controlSources: x.control,
    habitualRe: wordRe(x.habitual),
    causativeVerbs: new Set(x.causative),
    modalRe: wordRe(x.modal),
    negationRe: wordRe(x.negation),
  });
}
