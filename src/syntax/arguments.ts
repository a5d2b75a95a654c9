/**
 * Verb–argument links over a sentence's clause analysis: the subject and objects of a verb group,
 * the agent and patient slots of an event trigger (verbal: subject/object, passive subject and
 * by-agent; nominal: genitive, pre-modifier, "by"/"from"/"of"/"on"/"against" phrases, the subject
 * of a light verb "launched an attack", "came under fire from", "subjected X to"), and reported
 * speech frames (speech verb, speaker, complement). Each argument carries the rule that found it.
 */
import type { NounPhrase, SentenceSyntax, VerbGroup } from './clauses.js';
import type { RoleLexicon } from './role-lexicon.js';

export interface Argument {
  readonly np: NounPhrase;
  /** Rule id suffix, e.g. `syntax/subject`, `syntax/passive-by`. */
  readonly rule: string;
}

export interface TriggerArguments {
  /** How the trigger was read: as a verb group, as a noun phrase, or not at all. */
  readonly kind: 'verbal' | 'nominal' | 'none';
  readonly passive: boolean;
  /** Candidates in order of preference; the caller takes the first that names an actor. */
  readonly agents: readonly Argument[];
  readonly patients: readonly Argument[];
}

export interface SpeechFrame {
  readonly verb: VerbGroup;
  readonly speaker: NounPhrase | null;
  /** Local token range of the reported content, inclusive. */
  readonly contentFirst: number;
  readonly contentLast: number;
}

const TARGET_PREPS = new Set(['at', 'on', 'against', 'into', 'upon', 'toward', 'towards', 'onto', 'targeting']);
const SKIP_PREPS = new Set(['in', 'near', 'during', 'since', 'for', 'across', 'around', 'inside', 'outside', 'along', 'through', 'throughout', 'after', 'before', 'until', 'as', 'like', 'despite', 'over', 'under', 'within', 'off', 'beyond', 'about', 'amid', 'between', 'per']);

function isTime(np: NounPhrase, syn: SentenceSyntax, lex: RoleLexicon): boolean {
  const head = syn.tokens[np.head]!;
  return lex.timeNouns.has(head.lemma) || head.pos === 'NUM' && np.first === np.last;
}

/** The noun phrase ending right before local position `k` (skipping one comma), or null. */
function npEndingBefore(syn: SentenceSyntax, k: number): NounPhrase | null {
  let j = k - 1;
  if (syn.tokens[j]?.text === ',') j--;
  const idx = j >= 0 ? syn.npOf[j]! : -1;
  return idx >= 0 && syn.nps[idx]!.last === j ? syn.nps[idx]! : null;
}

/** The "of" complements after a phrase: "fighters of the JNIM" → [the JNIM]. */
function ofChain(syn: SentenceSyntax, np: NounPhrase): NounPhrase[] {
  const out: NounPhrase[] = [];
  let cur = np;
  for (let step = 0; step < 2; step++) {
    const nextIdx = syn.npOf[cur.last + 2] ?? -1;
    const next = nextIdx >= 0 ? syn.nps[nextIdx]! : null;
    if (!next || next.first !== cur.last + 2 || next.prep !== 'of') break;
    out.push(next);
    cur = next;
  }
  return out;
}

/**
 * The subject of a verb group: the nearest noun phrase before it in its clause that is not inside
 * a prepositional phrase; through a relative pronoun to its antecedent; through "and" to the
 * subject of a coordinated verb ("entered and seized"). Returns the phrase and its "of" chain.
 */
export function subjectOf(syn: SentenceSyntax, vg: VerbGroup, lex: RoleLexicon, depth = 0): NounPhrase[] {
  const t = syn.tokens;
  if (vg.reduced) {
    // ", killing five": an adverbial -ing clause shares the subject of the verb before it.
    if (/ing$/.test(t[vg.head]!.lower) && t[vg.first - 1]?.text === ',' && depth < 3) {
      const before = syn.verbs.filter((v) => v.last < vg.first && !v.reduced && syn.clauseOf[v.head] === syn.clauseOf[vg.head]);
      const main = before[before.length - 1];
      if (main) return subjectOf(syn, main, lex, depth + 1);
    }
    const np = npEndingBefore(syn, vg.first);
    return np ? [np] : [];
  }
  // "X shelled A and B and had attacked C": a verb right after "and" shares the subject of the
  // previous verb of its clause.
  let c = vg.first - 1;
  if (t[c]?.pos === 'ADV') c--;
  if (t[c]?.pos === 'CCONJ' && depth < 3) {
    for (let k = c - 1; k >= 0 && syn.clauseOf[k] === syn.clauseOf[vg.first]; k--) {
      const vIdx = syn.verbOf[k]!;
      if (vIdx >= 0) {
        const other = syn.verbs[vIdx]!;
        // Participle modifiers in between ("villages along the river starting at midnight") are skipped.
        if (other.reduced) {
          k = other.first;
          continue;
        }
        if (!lex.speechVerbs.has(other.lemma)) return subjectOf(syn, other, lex, depth + 1);
        break;
      }
    }
  }
  for (let k = vg.first - 1; k >= 0; k--) {
    const tok = t[k]!;
    const npIdx = syn.npOf[k]!;
    if (npIdx >= 0) {
      const np = syn.nps[npIdx]!;
      k = np.first;
      if (np.prep && np.prep !== 'of') continue;
      if (isTime(np, syn, lex)) continue;
      if (np.prep === 'of') {
        // "fighters of the group": the phrase before "of" is the subject, this its complement.
        const owner = npEndingBefore(syn, np.first - 1);
        if (owner && !owner.prep) return [owner, np];
        continue;
      }
      // "troops combing a building killed", "the forces, committing a provocation, pounded": the
      // object of a participle modifier is not the subject; go on before the participle.
      const modIdx = syn.verbOf[np.first - 1] ?? -1;
      if (modIdx >= 0 && syn.verbs[modIdx]!.reduced && syn.verbs[modIdx]!.last === np.first - 1) {
        k = syn.verbs[modIdx]!.first;
        if (t[k - 1]?.text === ',') k--;
        continue;
      }
      return [np, ...ofChain(syn, np)];
    }
    if (tok.pos === 'PRON' && /^(?:who|which|that)$/.test(tok.lower)) {
      const np = npEndingBefore(syn, k);
      return np ? [np, ...ofChain(syn, np)] : [];
    }
    if (tok.pos === 'SCONJ' || (tok.lower === 'that' && tok.pos !== 'PRON') || /^[;:"“”]$/.test(tok.text)) return [];
    const vIdx = syn.verbOf[k]!;
    if (vIdx >= 0) {
      const other = syn.verbs[vIdx]!;
      // "Shells fired by the RSF slammed": skip the participle modifier to the noun it modifies.
      if (other.reduced) {
        k = other.first;
        if (t[k - 1]?.text === ',') k--;
        continue;
      }
      // "X entered and seized": the verbs share their subject.
      const between = t.slice(other.last + 1, vg.first);
      const coordinated = between.length > 0 && between.length <= 2 && between.some((b) => b.pos === 'CCONJ') && between.every((b) => b.pos === 'CCONJ' || b.text === ',');
      if (coordinated && depth < 3) return subjectOf(syn, other, lex, depth + 1);
      // An object between the two verbs: "X shelled Y and killed Z" also shares the subject.
      const objIdx = syn.npOf[other.last + 1] ?? -1;
      if (objIdx >= 0 && depth < 3) {
        const obj = syn.nps[objIdx]!;
        const rest = t.slice(obj.last + 1, vg.first);
        if (rest.length > 0 && rest.length <= 2 && rest.some((b) => b.pos === 'CCONJ') && rest.every((b) => b.pos === 'CCONJ' || b.text === ',')) {
          return subjectOf(syn, other, lex, depth + 1);
        }
      }
      return [];
    }
  }
  return [];
}

/** Phrases after a verb group in its clause: the direct object, then prepositional phrases. */
function complementsOf(syn: SentenceSyntax, after: number, lex: RoleLexicon, limit = 12): { np: NounPhrase; prep: string | null }[] {
  const out: { np: NounPhrase; prep: string | null }[] = [];
  const clause = syn.clauseOf[after] ?? -1;
  for (let k = after + 1; k < syn.tokens.length && k <= after + limit + 8; k++) {
    if (syn.clauseOf[k] !== clause) break;
    if (syn.tokens[k]!.text === ',' && syn.tokens[k + 1]?.pos !== 'CCONJ') {
      // "destroyed one tank, one vehicle and ten servicemen": a list of objects goes on; a comma
      // before a phrase that has its own verb (", the ministry said") ends the complements.
      const nextIdx = syn.npOf[k + 1] ?? -1;
      const next = nextIdx >= 0 ? syn.nps[nextIdx]! : null;
      const listed = next && next.prep === null && out.length > 0 && out[out.length - 1]!.prep === null && (syn.verbOf[next.last + 1] ?? -1) < 0;
      if (!listed) break;
    }
    if (syn.verbOf[k]! >= 0) {
      const v = syn.verbs[syn.verbOf[k]!]!;
      // A participle or -ing modifier ("positions held by", "killing two") ends the complements.
      if (!v.reduced) break;
      break;
    }
    const idx = syn.npOf[k]!;
    if (idx < 0) continue;
    const np = syn.nps[idx]!;
    k = np.last;
    if (isTime(np, syn, lex)) continue;
    out.push({ np, prep: np.prep });
  }
  return out;
}

/** The phrase before a subject joined to it by "and" ("Armenia and Azerbaijan"), or null. */
function coordinatedWith(syn: SentenceSyntax, np: NounPhrase): NounPhrase | null {
  const and = syn.tokens[np.first - 1];
  if (!and || and.pos !== 'CCONJ' || and.lower !== 'and') return null;
  const prev = npEndingBefore(syn, np.first - 1);
  return prev && !prev.prep ? prev : null;
}

/** The verb group governing a phrase as its object or prepositional complement, if adjacent. */
function governingVerb(syn: SentenceSyntax, np: NounPhrase): VerbGroup | null {
  let k = np.first - 1;
  if (np.prep) k--;
  // "subjected the camp to shelling": over the object to the verb.
  if (np.prep && k >= 0 && syn.npOf[k]! >= 0 && syn.nps[syn.npOf[k]!]!.prep === null) k = syn.nps[syn.npOf[k]!]!.first - 1;
  const idx = k >= 0 ? syn.verbOf[k]! : -1;
  return idx >= 0 ? syn.verbs[idx]! : null;
}

/** The agent and patient candidates of the trigger spanning characters `[tStart, tEnd)`. */
export function triggerArguments(syn: SentenceSyntax, tStart: number, tEnd: number, lex: RoleLexicon): TriggerArguments {
  const t = syn.tokens;
  const inside: number[] = [];
  for (let k = 0; k < t.length; k++) if (t[k]!.start >= tStart && t[k]!.end <= tEnd) inside.push(k);
  if (!inside.length) return { kind: 'none', passive: false, agents: [], patients: [] };
  const vgIdx = inside.map((k) => syn.verbOf[k]!).find((v) => v >= 0 && syn.verbs[v]!.head >= inside[0]! && syn.verbs[v]!.head <= inside[inside.length - 1]!);
  // "positions came under Armenian fire": a verb of undergoing with the event noun in its "under"
  // phrase is read from the noun, whose clause subject is the target
  const under = vgIdx !== undefined && lex.undergoVerbs.has(syn.verbs[vgIdx]!.lemma)
    ? inside.map((k) => syn.npOf[k]!).find((n) => n >= 0 && syn.nps[n]!.prep === 'under')
    : undefined;
  if (under !== undefined) return nominalArguments(syn, syn.nps[under]!, lex);
  if (vgIdx !== undefined) return verbalArguments(syn, syn.verbs[vgIdx]!, lex);
  const npIdx = [...inside].reverse().map((k) => syn.npOf[k]!).find((v) => v >= 0);
  if (npIdx !== undefined) return nominalArguments(syn, syn.nps[npIdx]!, lex);
  return { kind: 'none', passive: false, agents: [], patients: [] };
}

function verbalArguments(syn: SentenceSyntax, vg: VerbGroup, lex: RoleLexicon): TriggerArguments {
  const agents: Argument[] = [];
  const patients: Argument[] = [];
  const subject = subjectOf(syn, vg, lex);
  const comps = complementsOf(syn, vg.last, lex);
  if (vg.voice === 'passive') {
    // "Two Russian missiles were fired at Kyiv": the subject is what was fired; its owner acted
    // and the goal of the fire ("at", "on", "into", "toward") was hit.
    if (!vg.reduced && subject.length && subject.every((np) => lex.instrumentNouns.has(syn.tokens[np.head]!.lemma))) {
      for (const np of subject) agents.push({ np, rule: 'syntax/instrument-subject' });
      for (const c of comps) if (c.prep && /^(?:at|on|into|onto|toward|towards|against)$/.test(c.prep)) patients.push({ np: c.np, rule: 'syntax/goal' });
      const by = comps.find((c) => c.prep === 'by');
      if (by) agents.unshift({ np: by.np, rule: 'syntax/passive-by' });
      return { kind: 'verbal', passive: true, agents, patients };
    }
    for (const np of subject) patients.push({ np, rule: vg.reduced ? 'syntax/participle-noun' : 'syntax/passive-subject' });
    const by = comps.find((c) => c.prep === 'by');
    if (by) agents.push({ np: by.np, rule: 'syntax/passive-by' }, ...ofChain(syn, by.np).map((np) => ({ np, rule: 'syntax/passive-by' })));
    return { kind: 'verbal', passive: true, agents, patients };
  }
  // "Armenian and Azerbaijani forces clashed", "X and Y agreed": with no object, the second
  // conjunct of the subject is the other party.
  // "Their armoured vehicle struck a landmine", "a soldier stepped on a mine": whoever meets a
  // mine or roadside bomb is what was hit; who laid it is not in the clause.
  const met = comps.find((c) => c.prep === null || c.prep === 'on' || c.prep === 'over');
  if (met && lex.laidExplosives.has(syn.tokens[met.np.head]!.lemma) && subject.length) {
    for (const np of subject) patients.push({ np, rule: 'syntax/meets-explosive' });
    return { kind: 'verbal', passive: false, agents, patients };
  }
  const conj = subject[0] ? coordinatedWith(syn, subject[0]) : null;
  if (conj && !comps.some((c) => c.prep === null)) patients.push({ np: conj, rule: 'syntax/coordinated-subject' });
  for (const np of subject) {
    agents.push({ np, rule: vg.progressive ? 'syntax/progressive-subject' : 'syntax/subject' });
    // "Shells fired by the RSF slammed into": the participle's by-agent acted.
    const part = syn.verbs[syn.verbOf[np.last + 1] ?? -1];
    if (part?.reduced && !lex.mediationVerbs.has(part.lemma)) {
      const by = complementsOf(syn, part.last, lex).find((c) => c.prep === 'by');
      if (by) agents.unshift({ np: by.np, rule: 'syntax/participle-by' }, ...ofChain(syn, by.np).map((o) => ({ np: o, rule: 'syntax/participle-by' })));
    }
  }
  for (const c of comps) {
    if (c.prep === null) patients.push({ np: c.np, rule: 'syntax/object' });
    else if (TARGET_PREPS.has(c.prep)) patients.push({ np: c.np, rule: `syntax/pp-${c.prep}` });
    else if (c.prep === 'with') patients.push({ np: c.np, rule: 'syntax/pp-with' });
    else if (c.prep === 'of' && patients.length) patients.push({ np: c.np, rule: 'syntax/object-of' });
  }
  return { kind: 'verbal', passive: false, agents, patients };
}

function nominalArguments(syn: SentenceSyntax, np: NounPhrase, lex: RoleLexicon): TriggerArguments {
  const agents: Argument[] = [];
  const patients: Argument[] = [];
  // The phrase itself: its possessor ("Russia's shelling") and pre-modifiers ("Azerbaijani shelling").
  agents.push({ np, rule: np.possessorEnd !== null ? 'syntax/genitive' : 'syntax/premodifier' });
  // Prepositional phrases after the noun: "of Y", "on Y", "by X", "from X".
  let cur = np;
  for (let step = 0; step < 4; step++) {
    const k = cur.last + 2;
    const idx = syn.npOf[k] ?? -1;
    if (idx < 0) break;
    const next = syn.nps[idx]!;
    if (next.first !== k || !next.prep || syn.clauseOf[k] !== syn.clauseOf[np.head]) break;
    if (next.prep === 'by') agents.unshift({ np: next, rule: 'syntax/nominal-by' });
    else if (next.prep === 'from') agents.push({ np: next, rule: 'syntax/nominal-from' });
    else if (next.prep === 'of' && step === 0) patients.push({ np: next, rule: 'syntax/nominal-of' });
    else if (TARGET_PREPS.has(next.prep)) patients.push({ np: next, rule: `syntax/nominal-${next.prep}` });
    else if (next.prep === 'with') patients.push({ np: next, rule: 'syntax/nominal-with' });
    else if (!SKIP_PREPS.has(next.prep) && next.prep !== 'of') break;
    cur = next;
  }
  // "an airstrike carried out by Syrian regime warplanes on the town": a participle of a light verb
  // after the noun brings its by-agent and its target.
  const part = syn.verbs[syn.verbOf[cur.last + 1] ?? -1];
  // (a participle with a by-phrase, whatever the tagger made of it: "carried out by")
  const partComps = part && part.first === cur.last + 1 && lex.lightVerbs.has(part.lemma) ? complementsOf(syn, part.last, lex) : [];
  if (part && (part.reduced || partComps[0]?.prep === 'by')) {
    for (const c of partComps) {
      if (c.prep === 'by') agents.unshift({ np: c.np, rule: 'syntax/participle-by' });
      else if (c.prep && TARGET_PREPS.has(c.prep)) patients.push({ np: c.np, rule: `syntax/nominal-${c.prep}` });
    }
  }
  // "Armenian shells hit their home", "missile strikes hit the city": the noun is the subject of a
  // verb of impact, whose object or "on"/"into" phrase is the target.
  let v = np.last + 1;
  while (syn.tokens[v]?.pos === 'ADV') v++;
  const after = np.prep === null ? syn.verbs[syn.verbOf[v] ?? -1] : undefined;
  if (after && after.first === v && after.voice === 'active' && !lex.speechVerbs.has(after.lemma)) {
    for (const c of complementsOf(syn, after.last, lex)) {
      if (c.prep === null) patients.push({ np: c.np, rule: 'syntax/subject-noun-object' });
      else if (TARGET_PREPS.has(c.prep)) patients.push({ np: c.np, rule: `syntax/subject-noun-${c.prep}` });
    }
  }
  const gov = governingVerb(syn, np);
  if (gov) {
    if (np.prep === null && lex.lightVerbs.has(gov.lemma) && gov.voice === 'active') {
      // "X launched an attack on Y", "Hezbollah claimed the attack".
      for (const s of subjectOf(syn, gov, lex)) agents.push({ np: s, rule: 'syntax/light-verb-subject' });
    } else if ((np.prep === 'under' || np.prep === 'by' || np.prep === 'in') && (lex.undergoVerbs.has(gov.lemma) || gov.voice === 'passive')) {
      // "X came under fire from Y", "X was hit in a drone strike": the subject is the target.
      for (const s of subjectOf(syn, gov, lex)) patients.push({ np: s, rule: 'syntax/under-subject' });
    } else if (np.prep && /^(?:in|during|amid|throughout)$/.test(np.prep) && gov.voice === 'active' && !lex.speechVerbs.has(gov.lemma)) {
      // "troops shot dead eight militants during fighting": the clause's subject and object.
      for (const s of subjectOf(syn, gov, lex)) agents.push({ np: s, rule: 'syntax/clause-subject' });
      const obj = complementsOf(syn, gov.last, lex).find((c) => c.prep === null && c.np.start < np.start);
      if (obj) patients.push({ np: obj.np, rule: 'syntax/clause-object' });
    } else if (np.prep === 'to' && lex.subjectVerbs.has(gov.lemma)) {
      // "X subjected Y to shelling".
      for (const s of subjectOf(syn, gov, lex)) agents.push({ np: s, rule: 'syntax/subjected-agent' });
      const obj = complementsOf(syn, gov.last, lex).find((c) => c.prep === null);
      if (obj) patients.unshift({ np: obj.np, rule: 'syntax/subjected-target' });
    }
  }
  return { kind: 'nominal', passive: false, agents, patients };
}

/**
 * Reported-speech frames: a speech verb in the active voice with its speaker (the subject, or the
 * phrase right after the verb in "..., said the ministry") and the content it reports (what
 * follows the verb, or what precedes "..., the ministry said").
 */
const framesMemo = new WeakMap<SentenceSyntax, SpeechFrame[]>();

export function speechFrames(syn: SentenceSyntax, lex: RoleLexicon): SpeechFrame[] {
  const known = framesMemo.get(syn);
  if (known) return known;
  const out: SpeechFrame[] = [];
  framesMemo.set(syn, out);
  const n = syn.tokens.length;
  for (const vg of syn.verbs) {
    if (!lex.speechVerbs.has(vg.lemma) || vg.voice !== 'active') continue;
    const subject = subjectOf(syn, vg, lex)[0] ?? null;
    const before = syn.tokens[vg.first - 1];
    // '..., the ministry said (on Monday).': the content precedes; a verb after the speech verb
    // ("Shortly after, the opposition announced it had seized") means the content follows.
    const verbAfter = syn.verbs.some((v) => v.first > vg.last && !v.reduced && syn.clauseOf[v.head] === syn.clauseOf[vg.head]) ||
      syn.tokens.slice(vg.last + 1).some((tk) => tk.lower === 'that' && tk.pos === 'SCONJ');
    const trailing = subject && !verbAfter && (syn.tokens[subject.first - 1]?.text === ',' || syn.tokens[subject.first - 1]?.text === '"' || syn.tokens[subject.first - 1]?.text === '”') && subject.first > 1;
    if (trailing) {
      out.push({ verb: vg, speaker: subject, contentFirst: 0, contentLast: subject.first - 2 });
      continue;
    }
    if (!subject && before && /^[,"”]$/.test(before.text)) {
      const idx = syn.npOf[vg.last + 1] ?? -1;
      const after = idx >= 0 ? syn.nps[idx]! : null;
      if (after) {
        out.push({ verb: vg, speaker: after, contentFirst: 0, contentLast: vg.first - 2 });
        continue;
      }
    }
    out.push({ verb: vg, speaker: subject, contentFirst: vg.last + 1, contentLast: n - 1 });
  }
  return out;
}
