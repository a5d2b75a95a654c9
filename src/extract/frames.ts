/**
 * Event frames as data (`data/frames/*.yml`): the words and constructions that report an event,
 * keyed by lemma and part of speech, compiled once per process into token patterns. Matching
 * (`match-frames.ts`) runs over the wink-nlp tokens of the article, so "shelled", "shelling",
 * "shells" (verb) and "Shelling" all come from the one entry `shell/V`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseYamlCached as parseYaml } from '../packs/read-pack-file.js';
import { z } from 'zod';

const framesDir = fileURLToPath(new URL('../../data/frames/', import.meta.url));

const triggerOptions = z.object({
  p: z.string().min(1),
  armed: z.boolean().optional(),
  weak: z.boolean().optional(),
  refine: z.boolean().optional(),
  nominal: z.boolean().optional(),
  reference: z.boolean().optional(),
  needs_instrument: z.union([z.boolean(), z.literal('before'), z.array(z.string())]).optional(),
}).strict();
const frameSchema = z.object({
  id: z.string().regex(/^[a-z-]+\/[a-z-]+$/),
  event_type: z.enum(['Battles', 'Explosions/Remote violence', 'Violence against civilians', 'Protests', 'Riots', 'Strategic developments']),
  sub_event_type: z.string(),
  armed: z.boolean().default(false),
  weak: z.boolean().default(false),
  territory: z.enum(['gain']).optional(),
  violation: z.boolean().default(false),
  state: z.boolean().default(false),
  /** A set phrase that means no event: its matches cancel the triggers they cover. */
  block: z.boolean().default(false),
  cameo: z.array(z.number()).optional(),
  kairos: z.array(z.string()).optional(),
  triggers: z.array(z.union([z.string().min(1), triggerOptions])).min(1),
}).strict();
const framesFile = z.object({
  version: z.number(),
  irregular: z.record(z.array(z.string())).default({}),
  classes: z.record(z.array(z.string()).min(1)).default({}),
  frames: z.array(frameSchema),
}).strict();

/** What a trigger says about its event (the fields the drafts read). */
export interface TriggerKind {
  readonly id: string;
  readonly event_type: string;
  readonly sub_event_type: string;
  /** Counts only in an armed context. */
  readonly armed: boolean;
  /** Refers to an event reported elsewhere: attaches claims, never creates an event. */
  readonly weak: boolean;
  readonly territory?: 'gain';
  readonly violation: boolean;
  readonly state: boolean;
}

/** One pattern of a frame with its options merged over the frame's. */
export interface FrameTrigger extends TriggerKind {
  /** The frame's own id (a hit's kind may move to another frame by refinement). */
  readonly frame: string;
  /** The pattern as written, for diagnostics and tests. */
  readonly pattern: string;
  /** An event noun ("the shelling"): definite and after an event of its kind, a reference back. */
  readonly nominal: boolean;
  /** A generic attack word whose sub-type follows the instrument named near it. */
  readonly refine: boolean;
  /** Only an event when an instrument (munition, aircraft, explosive) is named near it. */
  readonly needsInstrument: boolean;
  /** The instrument classes that count for `needsInstrument` (null: any). */
  readonly instruments: readonly string[] | null;
  /** The instrument must come before the trigger (its subject: "a missile hit", not "hit a jet"). */
  readonly instrumentBefore: boolean;
  /** Refers back to any violent event already told unless its sentence has a date of its own. */
  readonly reference: boolean;
  /** A figurative set phrase: cancels the triggers it covers. */
  readonly block: boolean;
  readonly elements: readonly Element[];
}

export type PosClass = 'V' | 'N' | 'A' | 'P';

/** One alternative of an element: a word sequence (one word unless from a class). */
export interface Alternative {
  /** Per word: the accepted surfaces and lemmas (inflections included). */
  readonly words: readonly ReadonlySet<string>[];
  readonly pos: PosClass | null;
  /** Whether a token's lemma may match (not for class nouns: "shelling" has the lemma "shell"). */
  readonly byLemma: boolean;
}

export type Element =
  | { readonly kind: 'word'; readonly alternatives: readonly Alternative[]; readonly optional: boolean }
  | { readonly kind: 'gap'; readonly max: number };

export interface Frames {
  readonly triggers: readonly FrameTrigger[];
  /** The patterns by the surfaces and lemmas their first element accepts (first word). */
  readonly byFirst: ReadonlyMap<string, readonly FrameTrigger[]>;
  /** Word classes (instrument classes for refinement), each as alternatives. */
  readonly classes: ReadonlyMap<string, readonly Alternative[]>;
  /** Irregular past forms ("shot", "struck"): read as verbs whatever the tagger says. */
  readonly pastForms: ReadonlySet<string>;
  /** Event nouns: the first words of nominal patterns ("shelling", "attack"). */
  readonly eventNouns: ReadonlySet<string>;
  /** The frame kind of each frame id (refinement moves a trigger to another frame). */
  readonly kinds: ReadonlyMap<string, TriggerKind>;
}

const VOWEL = /[aeiou]/;

/** Inflected forms of an English word by the regular rules, plus the irregular ones given. */
export function inflections(word: string, irregular: ReadonlyMap<string, readonly string[]>): string[] {
  const out = new Set<string>([word]);
  for (const f of irregular.get(word) ?? []) out.add(f);
  if (!/^[a-z]+$/.test(word.replace(/-/g, ''))) return [...out];
  const last = word.at(-1)!;
  const before = word.at(-2) ?? '';
  if (/(?:s|x|z|ch|sh)$/.test(word)) {
    out.add(`${word}es`);
    out.add(`${word}ed`);
    out.add(`${word}ing`);
  } else if (last === 'y' && !VOWEL.test(before)) {
    out.add(`${word.slice(0, -1)}ies`);
    out.add(`${word.slice(0, -1)}ied`);
    out.add(`${word}ing`);
  } else if (last === 'e') {
    out.add(`${word}s`);
    out.add(`${word}d`);
    out.add(`${word.slice(0, -1)}ing`);
  } else {
    out.add(`${word}s`);
    out.add(`${word}ed`);
    out.add(`${word}ing`);
    // One-syllable consonant-vowel-consonant ends double ("ship" → "shipped"; "patrol" too).
    if (!VOWEL.test(last) && !/[wxy]/.test(last) && VOWEL.test(before) && !VOWEL.test(word.at(-3) ?? 'a')) {
      out.add(`${word}${last}ed`);
      out.add(`${word}${last}ing`);
    }
  }
  return [...out];
}

/** A noun and its plural ("shell" → "shells", "country" → "countries"): class words are nouns. */
function nounSet(word: string): Set<string> {
  const plural = /(?:s|x|z|ch|sh)$/.test(word) ? `${word}es` : /[^aeiou]y$/.test(word) ? `${word.slice(0, -1)}ies` : `${word}s`;
  return new Set([word, plural].flatMap(spellings));
}

/** A surface and its hyphen-less spelling ("cease-fire" → "ceasefire"). */
function spellings(s: string): string[] {
  return s.includes('-') ? [s, s.replace(/-/g, '')] : [s];
}

function wordSet(word: string, irregular: ReadonlyMap<string, readonly string[]>): Set<string> {
  const set = new Set<string>();
  for (const f of inflections(word, irregular)) for (const s of spellings(f)) set.add(s);
  return set;
}

function parseElement(
  raw: string,
  classes: ReadonlyMap<string, readonly Alternative[]>,
  irregular: ReadonlyMap<string, readonly string[]>,
  where: string,
): Element {
  const gap = /^\*(\d)$/.exec(raw);
  if (gap) return { kind: 'gap', max: Number(gap[1]) };
  const optional = raw.endsWith('?');
  const body = optional ? raw.slice(0, -1) : raw;
  const parts = body.split('|');
  // A part without its own tag takes the last part's tag ("hit|strike/V": both verbs).
  const lastTag = /\/([VNAP])$/.exec(parts.at(-1)!)?.[1] as PosClass | undefined;
  const alternatives: Alternative[] = [];
  for (const part of parts) {
    const m = /^(@?[a-z0-9_'-]+)(?:\/([VNAP]))?$/.exec(part);
    if (!m) throw new Error(`${where}: bad pattern element '${raw}'`);
    const pos = (m[2] as PosClass | undefined) ?? lastTag ?? null;
    if (m[1]!.startsWith('@')) {
      const cls = classes.get(m[1]!.slice(1));
      if (!cls) throw new Error(`${where}: unknown class ${m[1]}`);
      alternatives.push(...cls.map((a) => ({ ...a, pos: pos ?? a.pos })));
    } else {
      alternatives.push({ words: [wordSet(m[1]!, irregular)], pos, byLemma: true });
    }
  }
  return { kind: 'word', alternatives, optional };
}

let cached: Frames | undefined;

function readFrameFiles(): { name: string; data: z.infer<typeof framesFile> }[] {
  const names = readdirSync(framesDir).filter((n) => n.endsWith('.yml')).sort();
  return names.map((name) => {
    let raw: unknown;
    try {
      raw = parseYaml(readFileSync(framesDir + name, 'utf8'));
    } catch (err) {
      throw new Error(`frames data/frames/${name}: ${(err as Error).message}`);
    }
    const parsed = framesFile.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new Error(`frames data/frames/${name}: ${issue?.path.join('.')}: ${issue?.message}`);
    }
    return { name, data: parsed.data };
  });
}

/** The compiled frames of `data/frames/`, loaded once per process. */
export function loadFrames(): Frames {
  if (cached) return cached;
  const files = readFrameFiles();
  const irregular = new Map<string, string[]>();
  for (const f of files) for (const [k, v] of Object.entries(f.data.irregular)) irregular.set(k, [...(irregular.get(k) ?? []), ...v]);
  const classes = new Map<string, Alternative[]>();
  for (const f of files) {
    for (const [name, entries] of Object.entries(f.data.classes)) {
      classes.set(name, entries.map((e) => ({
        // Class words are nouns; only the last word of a multi-word entry takes a plural ("car bombs").
        words: e.toLowerCase().split(/\s+/).map((w, i, all) => (i === all.length - 1 ? nounSet(w) : new Set(spellings(w)))),
        pos: null,
        byLemma: false,
      })));
    }
  }
  const triggers: FrameTrigger[] = [];
  const kinds = new Map<string, TriggerKind>();
  for (const { name, data } of files) {
    for (const frame of data.frames) {
      if (kinds.has(frame.id)) throw new Error(`frames data/frames/${name}: frame ${frame.id} defined twice`);
      const kind: TriggerKind = {
        id: frame.id,
        event_type: frame.event_type,
        sub_event_type: frame.sub_event_type,
        armed: frame.armed,
        weak: frame.weak,
        ...(frame.territory ? { territory: frame.territory } : {}),
        violation: frame.violation,
        state: frame.state,
      };
      kinds.set(frame.id, kind);
      for (const t of frame.triggers) {
        const o = typeof t === 'string' ? { p: t } : t;
        const where = `frames data/frames/${name}: frame ${frame.id}: '${o.p}'`;
        const elements = o.p.trim().split(/\s+/).map((raw) => parseElement(raw, classes, irregular, where));
        const first = elements[0];
        if (!first || first.kind !== 'word' || first.optional) throw new Error(`${where}: the first element must be a required word`);
        if (elements.at(-1)!.kind === 'gap') throw new Error(`${where}: a pattern cannot end with a gap`);
        triggers.push({
          ...kind,
          armed: o.armed ?? kind.armed,
          weak: o.weak ?? kind.weak,
          pattern: o.p,
          frame: frame.id,
          nominal: o.nominal ?? false,
          refine: o.refine ?? false,
          needsInstrument: Boolean(o.needs_instrument),
          instruments: Array.isArray(o.needs_instrument) ? o.needs_instrument : null,
          instrumentBefore: o.needs_instrument === 'before',
          block: frame.block,
          reference: o.reference ?? false,
          elements,
        });
      }
    }
  }
  const byFirst = new Map<string, FrameTrigger[]>();
  for (const t of triggers) {
    const first = t.elements[0] as Extract<Element, { kind: 'word' }>;
    const keys = new Set<string>();
    for (const a of first.alternatives) for (const s of a.words[0]!) keys.add(s);
    for (const k of keys) byFirst.set(k, [...(byFirst.get(k) ?? []), t]);
  }
  const eventNouns = new Set<string>();
  for (const t of triggers) {
    if (!t.nominal || t.block || t.elements.length !== 1) continue;
    for (const a of (t.elements[0] as Extract<Element, { kind: 'word' }>).alternatives) if (a.words.length === 1) for (const s of a.words[0]!) eventNouns.add(s);
  }
  const pastForms = new Set([...irregular.entries()].filter(([k]) => k !== 'be' && k !== 'have').flatMap(([, v]) => v));
  return (cached = { triggers, byFirst, classes, kinds, eventNouns, pastForms });
}
