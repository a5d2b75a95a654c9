import { readFileSync } from 'node:fs';
import { parseYamlCached as parse } from '../packs/read-pack-file.js';
import { z } from 'zod';

/** What a boilerplate rule does to a paragraph it matches (see `data/lexicon/boilerplate.yml`). */
export type BoilerplateAction = 'drop' | 'strip' | 'list' | 'truncate' | 'tail';

/** One compiled rule. */
export interface BoilerplateRule {
  readonly id: string;
  readonly action: BoilerplateAction;
  /** Normalised whole-paragraph matches (see {@link normalizeForExact}). */
  readonly exact: ReadonlySet<string>;
  /** Global for `strip` rules (all matches are removed), otherwise non-global. */
  readonly pattern: RegExp | null;
  readonly maxLength: number;
  readonly caption: boolean;
}

/** The rule file, compiled. */
export interface BoilerplateRules {
  readonly version: number;
  readonly rules: readonly BoilerplateRule[];
  readonly tagCloud: { readonly minJoins: number; readonly minJoinRatio: number; readonly maxLength: number };
  readonly truncateAfterChars: number;
  /** Longer paragraphs cannot equal any `exact` entry (entries plus some edge punctuation). */
  readonly maxExactLength: number;
}

const RuleSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    action: z.enum(['drop', 'strip', 'list', 'truncate', 'tail']),
    exact: z.array(z.string().min(1)).optional(),
    pattern: z.string().min(1).optional(),
    maxLength: z.number().int().positive().optional(),
    caseSensitive: z.boolean().optional(),
    caption: z.boolean().optional(),
    note: z.string().optional(),
  })
  .strict()
  .refine((r) => r.exact !== undefined || r.pattern !== undefined, { message: 'a rule needs `exact` or `pattern`' })
  .refine((r) => r.action !== 'strip' || r.pattern !== undefined, { message: 'a strip rule needs a `pattern`' });

const FileSchema = z
  .object({
    version: z.literal(1),
    heuristics: z.object({
      tagCloud: z
        .object({ minJoins: z.number().int().positive(), minJoinRatio: z.number().positive(), maxLength: z.number().int().positive() })
        .strict(),
      truncateAfterChars: z.number().int().nonnegative(),
    }).strict(),
    rules: z.array(RuleSchema).min(1),
  })
  .strict();

/** The rule file shipped with Sitrep (resolves from both `src/clean/` and `dist/clean/`). */
export const DEFAULT_BOILERPLATE_PATH = new URL('../../data/lexicon/boilerplate.yml', import.meta.url);

let defaultRules: BoilerplateRules | null = null;

/** The default rules, read and compiled once on first use. */
export function defaultBoilerplateRules(): BoilerplateRules {
  defaultRules ??= loadBoilerplateRules(DEFAULT_BOILERPLATE_PATH);
  return defaultRules;
}

/**
 * Reads, validates (zod) and compiles a boilerplate rule file.
 *
 * @throws Error naming the file and the rule when the file is invalid: a duplicate id, an
 *   unknown field, a pattern that does not compile. Rules are configuration, not input.
 */
export function loadBoilerplateRules(path: string | URL): BoilerplateRules {
  const where = String(path);
  const parsed = FileSchema.safeParse(parse(readFileSync(path, 'utf8')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${where}: invalid boilerplate rules at ${issue?.path.join('.') ?? '?'}: ${issue?.message ?? ''}`);
  }
  const seen = new Set<string>();
  const rules = parsed.data.rules.map((r): BoilerplateRule => {
    if (seen.has(r.id)) throw new Error(`${where}: duplicate rule id "${r.id}"`);
    seen.add(r.id);
    let pattern: RegExp | null = null;
    if (r.pattern !== undefined) {
      // The `u` flag only where a pattern needs it: with `i` it makes unanchored patterns ~10× slower.
      const unicode = /\\[pP]\{|\\u\{/.test(r.pattern) ? 'u' : '';
      const flags = `${r.caseSensitive === true ? '' : 'i'}${unicode}${r.action === 'strip' ? 'g' : ''}`;
      try {
        pattern = new RegExp(r.pattern, flags);
      } catch (err) {
        throw new Error(`${where}: rule "${r.id}": bad pattern: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
    return {
      id: r.id,
      action: r.action,
      exact: new Set((r.exact ?? []).map(normalizeForExact)),
      pattern,
      maxLength: r.maxLength ?? Number.POSITIVE_INFINITY,
      caption: r.caption === true,
    };
  });
  const { tagCloud, truncateAfterChars } = parsed.data.heuristics;
  const longestExact = Math.max(0, ...parsed.data.rules.flatMap((r) => (r.exact ?? []).map((e) => e.length)));
  return { version: parsed.data.version, rules, tagCloud, truncateAfterChars, maxExactLength: longestExact * 2 + 20 };
}

// ASCII punctuation and symbols plus the common typographic ones (no `u` flag: this runs per paragraph).
const EDGE_JUNK = /^[\s!-/:-@[-`{-~«»“”‘’„…–—•·©®™]+|[\s!-/:-@[-`{-~«»“”‘’„…–—•·©®™]+$/g;

/** How `exact` entries and paragraphs are compared: lower case, single spaces, no edge punctuation. */
export function normalizeForExact(s: string): string {
  return s.toLowerCase().replace(/\s+/g, ' ').replace(EDGE_JUNK, '');
}
