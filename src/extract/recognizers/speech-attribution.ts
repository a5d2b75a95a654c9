/**
 * Attribution frames read off the clause analysis: every active speech verb (by lemma: "post",
 * "tweet", "warn", "write", "say"...) with its subject as the claimant, where the phrase patterns
 * of `attribution.ts` found none ("Shushan Stepanyan, spokeswoman for the ministry, posted on
 * Facebook:", "The army warned that..."). The stance comes from the verb's lemma.
 */
import type { Lexicon, Stance } from '../lexicon.js';
import type { Token } from '../../nlp/analyze-text.js';
import { syntaxOf } from '../../syntax/clauses.js';
import { speechFrames } from '../../syntax/arguments.js';
import { roleLexicon } from '../../syntax/role-lexicon.js';
import type { AttributionFrame } from './attribution.js';

/** Prepositions that tie a speaker to whom it speaks for ("a spokesperson for the headquarters at the MoD"). */
const CHAIN_PREPS = new Set(['for', 'of', 'at', 'with', 'in', 'to']);

/** The stance of a speech verb by its lemma, through the inflected forms the lexicon lists. */
function stanceOfLemma(lemma: string, surface: string, lex: Lexicon): Stance {
  return lex.stanceOf.get(surface) ?? lex.stanceOf.get(lemma) ?? lex.stanceOf.get(`${lemma}s`) ?? lex.stanceOf.get(`${lemma}ed`) ?? lex.stanceOf.get(`${lemma}d`) ?? 'asserts';
}

/** Frames for the speech verbs of a sentence that `known` frames do not already cover. */
export function speechAttributions(sentence: { readonly start: number; readonly text: string }, tokens: readonly Token[], known: readonly AttributionFrame[], lex: Lexicon): AttributionFrame[] {
  if (!tokens.length) return [];
  const syn = syntaxOf(tokens);
  const out: AttributionFrame[] = [];
  for (const f of speechFrames(syn, roleLexicon())) {
    const speaker = f.speaker;
    if (!speaker) continue;
    const verb = syn.tokens[f.verb.head]!;
    // The claimant phrase is the speaker with what it speaks for: "a spokesman for the air force",
    // and the name an apposition describes ("Yuriy Ihnat, a spokesman for ...").
    let first = speaker.first;
    let last = speaker.last;
    for (let k = last + 1; k < syn.tokens.length; k++) {
      // the preposition may stand outside the chunk
      const at = CHAIN_PREPS.has(syn.tokens[k]!.lower) ? k + 1 : k;
      const idx = syn.npOf[at] ?? -1;
      const np = idx >= 0 ? syn.nps[idx]! : null;
      if (!np || np.first > at || !np.prep || !CHAIN_PREPS.has(np.prep) || np.last >= f.verb.first) break;
      last = np.last;
      k = np.last;
    }
    if (syn.tokens[first - 1]?.text === ',') {
      const idx = syn.npOf[first - 2] ?? -1;
      const host = idx >= 0 ? syn.nps[idx]! : null;
      if (host && host.last === first - 2 && syn.tokens[host.head]!.pos === 'PROPN' && !host.prep) first = host.first;
    }
    const claimantStart = syn.tokens[first]!.start;
    const claimantEnd = syn.tokens[last]!.end;
    const from = Math.min(claimantStart, syn.tokens[f.verb.first]!.start);
    const to = Math.max(claimantEnd, verb.end);
    if ([...known, ...out].some((k) => k.start < to && from < k.end)) continue;
    // A speaker must be a name or a noun phrase, not a bare number or a quotation fragment.
    const head = syn.tokens[speaker.head]!;
    if (head.pos !== 'PROPN' && head.pos !== 'NOUN' && head.pos !== 'PRON') continue;
    out.push({
      start: from,
      end: to,
      claimant: { start: claimantStart, end: claimantEnd, text: sentence.text.slice(claimantStart - sentence.start, claimantEnd - sentence.start) },
      stance: stanceOfLemma(f.verb.lemma, verb.lower, lex),
      hedgedVerb: lex.hedgingVerbs.has(verb.lower),
      trailing: f.contentFirst === 0,
      syntactic: true,
    });
  }
  // "The attack was claimed by the outlawed TTP", "... was confirmed by the ministry": the by-agent
  // of a passive speech verb.
  for (const vg of syn.verbs) {
    if (vg.voice !== 'passive' || !roleLexicon().speechVerbs.has(vg.lemma) || syn.tokens[vg.last + 1]?.lower !== 'by') continue;
    // (the chunker may leave a participle out: "by the outlawed TTP")
    const agent = syn.nps.find((np) => np.first >= vg.last + 2 && np.first <= vg.last + 5);
    if (!agent) continue;
    const verb = syn.tokens[vg.head]!;
    const from = syn.tokens[vg.first]!.start;
    const to = agent.end;
    const agentStart = syn.tokens[vg.last + 2]!.start;
    if ([...known, ...out].some((k) => k.start < to && from < k.end)) continue;
    out.push({
      start: from,
      end: to,
      claimant: { start: agentStart, end: agent.end, text: sentence.text.slice(agentStart - sentence.start, agent.end - sentence.start) },
      stance: stanceOfLemma(vg.lemma, verb.lower, lex),
      hedgedVerb: lex.hedgingVerbs.has(verb.lower),
      trailing: false,
      syntactic: true,
    });
  }
  return out.sort((a, b) => a.start - b.start);
}

