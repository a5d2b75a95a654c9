/**
 * Word classes for the clause analysis (`data/lexicon/roles.yml`), validated with zod at load and
 * compiled once per process into sets of lemmas.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseYamlCached as parseYaml } from '../packs/read-pack-file.js';
import { z } from 'zod';

const words = z.array(z.string().regex(/^[a-z][a-z-]*$/));
const schema = z.object({
  version: z.literal(1),
  speech_verbs: words,
  light_verbs: words,
  undergo_verbs: words,
  subject_verbs: words,
  defence_verbs: words,
  mediation_verbs: words,
  group_nouns: words,
  force_nouns: words,
  institution_nouns: words,
  civilian_targets: words,
  settlement_targets: words,
  civilian_modifiers: words,
  time_nouns: words,
  enemy_nouns: words,
  owner_suffixes: words,
  instrument_nouns: words,
  laid_explosives: words,
});

export interface RoleLexicon {
  readonly speechVerbs: ReadonlySet<string>;
  readonly lightVerbs: ReadonlySet<string>;
  readonly undergoVerbs: ReadonlySet<string>;
  readonly subjectVerbs: ReadonlySet<string>;
  /** Verbs of defence against an attack noun: their subject is the attacked side. */
  readonly defenceVerbs: ReadonlySet<string>;
  readonly mediationVerbs: ReadonlySet<string>;
  readonly groupNouns: ReadonlySet<string>;
  readonly forceNouns: ReadonlySet<string>;
  readonly institutionNouns: ReadonlySet<string>;
  readonly civilianTargets: ReadonlySet<string>;
  readonly settlementTargets: ReadonlySet<string>;
  readonly civilianModifiers: ReadonlySet<string>;
  readonly timeNouns: ReadonlySet<string>;
  readonly enemyNouns: ReadonlySet<string>;
  readonly ownerSuffixes: ReadonlySet<string>;
  /** Weapons fired or dropped: a passive subject of this kind is what was fired, not what was hit. */
  readonly instrumentNouns: ReadonlySet<string>;
  /** Explosives that lie in wait: the subject of "struck a mine" was hit. */
  readonly laidExplosives: ReadonlySet<string>;
}

let cached: RoleLexicon | null = null;

/** Parses a roles lexicon from YAML text (throws with zod's message when it is malformed). */
export function parseRoleLexicon(text: string): RoleLexicon {
  const d = schema.parse(parseYaml(text));
  return {
    speechVerbs: new Set(d.speech_verbs),
    lightVerbs: new Set(d.light_verbs),
    undergoVerbs: new Set(d.undergo_verbs),
    subjectVerbs: new Set(d.subject_verbs),
    defenceVerbs: new Set(d.defence_verbs),
    mediationVerbs: new Set(d.mediation_verbs),
    groupNouns: new Set(d.group_nouns),
    forceNouns: new Set(d.force_nouns),
    institutionNouns: new Set(d.institution_nouns),
    civilianTargets: new Set(d.civilian_targets),
    settlementTargets: new Set(d.settlement_targets),
    civilianModifiers: new Set(d.civilian_modifiers),
    timeNouns: new Set(d.time_nouns),
    enemyNouns: new Set(d.enemy_nouns),
    ownerSuffixes: new Set(d.owner_suffixes),
    instrumentNouns: new Set(d.instrument_nouns),
    laidExplosives: new Set(d.laid_explosives),
  };
}

/** The roles lexicon of `data/lexicon/roles.yml`, loaded once. */
export function roleLexicon(): RoleLexicon {
  cached ??= parseRoleLexicon(readFileSync(fileURLToPath(new URL('../../data/lexicon/roles.yml', import.meta.url)), 'utf8'));
  return cached;
}
