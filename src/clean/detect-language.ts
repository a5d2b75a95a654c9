import { francAll } from 'franc-min';
import { z } from 'zod';
import iso639 from './lexicon/iso-639.json' with { type: 'json' };
import stopwordData from './lexicon/english-stopwords.json' with { type: 'json' };

/** A language guess: ISO 639-1 code (or 639-3 when there is none, `und` when unknown) and 0..1. */
export interface LanguageGuess {
  readonly language: string;
  readonly confidence: number;
}

const STOPWORDS = new Set(z.object({ note: z.string(), words: z.array(z.string().min(1)) }).parse(stopwordData).words);
const TO_639_1: Readonly<Record<string, string>> = z
  .object({ note: z.string(), codes: z.record(z.string().length(3), z.string().min(2).max(3)) })
  .parse(iso639).codes;

/** Only the first characters are looked at: enough for a verdict, cheap for long articles. */
const SAMPLE_CHARS = 1500;
const MIN_WORDS = 3;
/** At or above this share of English stop words, a text is English without asking franc. */
const ENGLISH_RATIO = 0.2;
const WORD = /\p{L}+(?:['’]\p{L}+)?/gu;
const NOT_ASCII_WORD = /[^a-z']+/;
const LETTER = /\p{L}/gu;
/** Scripts that franc-min does not know, each used by one language we expect. */
const SCRIPTS: readonly { readonly language: string; readonly letters: RegExp }[] = [
  { language: 'hy', letters: /[\u0531-\u058f\ufb13-\ufb17]/g },
  { language: 'ka', letters: /[\u10a0-\u10ff\u1c90-\u1cbf]/g },
  { language: 'he', letters: /[\u05d0-\u05ea\u05f0-\u05f2]/g },
];

/**
 * Tells the language of a text cheaply. The English stop-word ratio decides first (≥ 20% of the
 * words: English, no further work; that is nearly every article Sitrep reads). Otherwise an
 * Armenian, Georgian or Hebrew script majority decides, and then `franc-min` (trigram model,
 * ~80 languages) with its ISO 639-3 answer mapped to 639-1. Under three words: `und`, 0.
 *
 * @example detectLanguage('The army said on Sunday that the town was shelled.') // { language: 'en', confidence: 0.9… }
 */
export function detectLanguage(text: string): LanguageGuess {
  const sample = text.length > SAMPLE_CHARS ? text.slice(0, SAMPLE_CHARS) : text;
  // Fast path on ASCII words only (no Unicode regex): English when they make up most of the text
  // and enough of them are stop words.
  const ascii = sample.toLowerCase().split(NOT_ASCII_WORD);
  let asciiWords = 0;
  let asciiChars = 0;
  let stop = 0;
  for (const w of ascii) {
    if (w === '') continue;
    asciiWords++;
    asciiChars += w.length + 1;
    if (STOPWORDS.has(w)) stop++;
  }
  const ratio = asciiWords === 0 ? 0 : stop / asciiWords;
  if (asciiWords >= MIN_WORDS && ratio >= ENGLISH_RATIO && asciiChars * 2 >= sample.length) {
    return { language: 'en', confidence: round(Math.min(0.99, 0.5 + ratio + Math.min(asciiWords, 50) / 200)) };
  }
  const words = sample.match(WORD) ?? [];
  if (words.length < MIN_WORDS) return { language: 'und', confidence: 0 };

  const letters = sample.match(LETTER)?.length ?? 0;
  for (const script of SCRIPTS) {
    const n = sample.match(script.letters)?.length ?? 0;
    if (n * 2 > letters) return { language: script.language, confidence: 0.9 };
  }
  const ranked = francAll(sample, { minLength: 10 });
  const [best, second] = ranked;
  if (best === undefined || best[0] === 'und') return { language: 'und', confidence: 0 };
  // Short English news lines have few stop words and trigram models mistake them for Swedish or
  // Cebuano; when English is a close runner-up on mostly-ASCII text, English it is (low confidence).
  const english = ranked.find(([code]) => code === 'eng');
  const margin = second === undefined ? 1 : best[1] - second[1];
  const lengthFactor = Math.min(1, words.length / 12);
  const confidence = round(Math.min(0.95, (0.5 + margin * 5) * lengthFactor));
  if (best[0] !== 'eng' && english && asciiChars * 2 >= sample.length && (english[1] >= 0.9 || (english[1] >= 0.8 && confidence < 0.6))) {
    return { language: 'en', confidence: 0.5 };
  }
  return { language: TO_639_1[best[0]] ?? best[0], confidence };
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
