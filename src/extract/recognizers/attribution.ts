/**
 * Attribution frames: "according to the Armenian Defense Ministry", "Baku accused",
 * "Yerevan claims that", "..., the ministry said." Each frame names a claimant phrase and a
 * stance; the claimant is resolved to an actor by the caller.
 */
import type { Lexicon, Stance } from '../lexicon.js';

export interface AttributionFrame {
  /** The whole frame ("according to the Armenian military"). */
  readonly start: number;
  readonly end: number;
  /** The claimant phrase inside it. */
  readonly claimant: { readonly start: number; readonly end: number; readonly text: string };
  readonly stance: Stance;
  /** The frame's own verb hedges ("claims", "alleged"). */
  readonly hedgedVerb: boolean;
  readonly trailing: boolean;
  /** Read off the clause analysis (a speech verb and its subject) rather than a phrase pattern. */
  readonly syntactic?: boolean;
}

const verbRe = /\b([a-z]+)\b/g;

function stanceOfFrame(frameText: string, claimantEnd: number, lex: Lexicon): { stance: Stance; hedged: boolean } {
  if (/^\s*(?:according to|citing|quoting|referring to|with reference to)/i.test(frameText)) return { stance: 'asserts', hedged: false };
  if (/confirmation/i.test(frameText)) return { stance: 'confirms', hedged: false };
  // The first known speech verb after the claimant phrase decides.
  const after = frameText.slice(claimantEnd);
  verbRe.lastIndex = 0;
  for (let m = verbRe.exec(after.toLowerCase()); m; m = verbRe.exec(after.toLowerCase())) {
    const stance = lex.stanceOf.get(m[1]!);
    if (stance) return { stance, hedged: lex.hedgingVerbs.has(m[1]!) };
  }
  return { stance: 'asserts', hedged: false };
}

/** Words that can end a claimant phrase only when followed by more name ("the", "of"). */
const danglingRe = /\s+(?:the|of|in|and|for|that|which|also|officially|has|have|had)$/i;
const leadingRe = /^(?:that|which|while|as|and|but|so|when|then|meanwhile|also)\s+/i;

/** Finds attribution frames in `sentence` (starting at `offset`). */
export function findAttributions(sentence: string, offset: number, lex: Lexicon): AttributionFrame[] {
  const out: AttributionFrame[] = [];
  for (const { re, trailing, tail } of lex.frames) {
    re.lastIndex = 0;
    for (let m = re.exec(sentence); m; m = re.exec(sentence)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      let x: string;
      let xStart: number;
      let frameStart = m.index;
      let frameText = m[0];
      if (tail) {
        // "{X} said": the claimant phrase is what ends right before the verb part.
        const from = Math.max(0, m.index - 90);
        const t = tail.exec(sentence.slice(from, m.index));
        if (t) {
          x = t.groups?.x ?? '';
          xStart = from + t.index;
        } else if (sentence[m.index - 1] === ',') {
          // "The separatists, who have held it since 1994, announced": the subject stands before an
          // inserted clause; an empty claimant phrase tells the caller to take the sentence subject.
          x = '';
          xStart = m.index - 1;
        } else continue;
        frameStart = xStart;
        frameText = sentence.slice(xStart, m.index + m[0].length);
      } else {
        x = m.groups?.x ?? '';
        xStart = x ? m.index + m[0].indexOf(x) : m.index;
      }
      // Trim connectives the loose phrase pattern swallowed.
      for (let lead = leadingRe.exec(x); lead; lead = leadingRe.exec(x)) {
        xStart += lead[0].length;
        x = x.slice(lead[0].length);
      }
      x = x.replace(danglingRe, '').replace(/[.,;:]+$/, '');
      const start = offset + frameStart;
      const end = start + frameText.length;
      if (out.some((o) => o.start < end && start < o.end)) continue;
      const { stance, hedged } = stanceOfFrame(frameText, xStart - frameStart + x.length, lex);
      out.push({
        start,
        end,
        claimant: { start: offset + xStart, end: offset + xStart + x.length, text: x },
        stance,
        hedgedVerb: hedged,
        trailing,
      });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
